// Per-IP throttling trusts a forged X-Forwarded-For (security review, issue 12): which address is the client's.
import { describe, expect, it } from "vitest";
import { adresseClient, lireProxysDeConfiance } from "@/lib/auth/adresse-client";

describe("per-IP throttling trusts a forged X-Forwarded-For", () => {
  it("without TRUSTED_PROXY, the socket's address, whatever X-Forwarded-For says", () => {
    const aucun = lireProxysDeConfiance(undefined);
    expect(adresseClient("203.0.113.9", "198.51.100.1", aucun)).toBe("203.0.113.9");
    expect(adresseClient("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", aucun)).toBe("203.0.113.9");
    expect(adresseClient("203.0.113.9", null, lireProxysDeConfiance(""))).toBe("203.0.113.9");
    expect(adresseClient("203.0.113.9", "198.51.100.1", lireProxysDeConfiance("0"))).toBe("203.0.113.9");
  });

  it("with a count, the entry that many hops from the socket; what the client prepended is never believed", () => {
    const un = lireProxysDeConfiance("1");
    // the client forged "6.6.6.6"; our proxy (the socket, 10.0.0.2) appended the address it saw
    expect(adresseClient("10.0.0.2", "6.6.6.6, 203.0.113.9", un)).toBe("203.0.113.9");
    expect(adresseClient("10.0.0.2", null, un)).toBe("10.0.0.2");
    expect(adresseClient("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", lireProxysDeConfiance("2"))).toBe("203.0.113.9");
  });

  it("with CIDR blocks, the nearest address outside them", () => {
    const reseaux = lireProxysDeConfiance("10.0.0.0/8, 192.0.2.7, 2001:db8::/32");
    expect(adresseClient("10.1.2.3", "6.6.6.6, 203.0.113.9, 192.0.2.7", reseaux)).toBe("203.0.113.9");
    // a client talking to us directly (not from a proxy) gets its socket address
    expect(adresseClient("203.0.113.50", "6.6.6.6", reseaux)).toBe("203.0.113.50");
    expect(adresseClient("2001:db8::1", "2001:db8::2, 198.51.100.4", reseaux)).toBe("198.51.100.4");
  });

  it("refuses a TRUSTED_PROXY that is neither a count nor addresses", () => {
    expect(() => lireProxysDeConfiance("nginx")).toThrow(/TRUSTED_PROXY/);
  });
});
