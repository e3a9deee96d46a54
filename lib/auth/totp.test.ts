import { describe, expect, it } from "vitest";
import {
  codeTotp,
  empreinteCodeSecours,
  nouveauSecretTotp,
  nouveauxCodesSecours,
  pasTotp,
  uriTotp,
  verifierCodeTotp,
} from "@/lib/auth/totp";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const now = new Date("2026-11-26T10:00:10Z");
const decale = (secondes: number) => new Date(now.getTime() + secondes * 1000);

describe("TOTP", () => {
  it("accepts the current code and one step either side, not two", () => {
    expect(verifierCodeTotp(secret, codeTotp(secret, now), null, now)).toBe(pasTotp(now));
    expect(verifierCodeTotp(secret, codeTotp(secret, decale(-30)), null, now)).toBe(pasTotp(now) - 1);
    expect(verifierCodeTotp(secret, codeTotp(secret, decale(30)), null, now)).toBe(pasTotp(now) + 1);
    expect(verifierCodeTotp(secret, codeTotp(secret, decale(-60)), null, now)).toBeNull();
    expect(verifierCodeTotp(secret, codeTotp(secret, decale(60)), null, now)).toBeNull();
  });

  it("never accepts a step twice, nor one older than the last accepted", () => {
    const pas = verifierCodeTotp(secret, codeTotp(secret, now), null, now)!;
    expect(verifierCodeTotp(secret, codeTotp(secret, now), pas, decale(5))).toBeNull();
    expect(verifierCodeTotp(secret, codeTotp(secret, decale(-30)), pas, now)).toBeNull();
    expect(verifierCodeTotp(secret, codeTotp(secret, decale(30)), pas, decale(30))).toBe(pas + 1);
  });

  it("refuses what is not six digits, and tolerates spaces", () => {
    const code = codeTotp(secret, now);
    expect(verifierCodeTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).toBe(pasTotp(now));
    expect(verifierCodeTotp(secret, "12345", null, now)).toBeNull();
    expect(verifierCodeTotp(secret, "abcdef", null, now)).toBeNull();
    expect(verifierCodeTotp(secret, "", null, now)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI for the QR code", () => {
    const nouveau = nouveauSecretTotp();
    expect(nouveau).toMatch(/^[A-Z2-7]{32}$/);
    expect(uriTotp(nouveau, "admin.demo", "Portail Famille Villefranque")).toMatch(
      /^otpauth:\/\/totp\/Portail%20Famille%20Villefranque:admin\.demo\?secret=[A-Z2-7]+&period=30&digits=6&algorithm=SHA1&issuer=/,
    );
  });
});

describe("codes de secours", () => {
  it("are ten distinct unambiguous codes, matched whatever the case and dashes", () => {
    const codes = nouveauxCodesSecours();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    expect(empreinteCodeSecours(codes[0]!.toLowerCase().replace("-", " "))).toBe(empreinteCodeSecours(codes[0]!));
  });
});
