import { afterEach, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { chiffrer, chiffrerOctets, dechiffrer, dechiffrerOctets, rechiffrer } from "@/lib/chiffrement";

const cle = () => randomBytes(32).toString("base64");

afterEach(() => {
  delete process.env.CLE_CHIFFREMENT;
  delete process.env.CLE_CHIFFREMENT_ANCIENNE;
});

describe("chiffrement AES-256-GCM", () => {
  it("round-trips, with a fresh IV each time and a versioned format", () => {
    process.env.CLE_CHIFFREMENT = cle();
    const a = chiffrer("JBSWY3DPEHPK3PXP", "agent.totp:1");
    const b = chiffrer("JBSWY3DPEHPK3PXP", "agent.totp:1");
    expect(a).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(dechiffrer(a, "agent.totp:1")).toBe("JBSWY3DPEHPK3PXP");
    expect(dechiffrer(chiffrer("é ✓", ""))).toBe("é ✓");
  });

  it("refuses another context, an altered value, another key, an unknown format", () => {
    process.env.CLE_CHIFFREMENT = cle();
    const valeur = chiffrer("secret", "agent.totp:1");
    expect(() => dechiffrer(valeur, "agent.totp:2")).toThrow(/Déchiffrement impossible/);
    const [v, iv, tag, data] = valeur.split(":");
    const altere = [v, iv, tag, Buffer.from("autre").toString("base64url") + data!.slice(7)].join(":");
    expect(() => dechiffrer(altere, "agent.totp:1")).toThrow(/Déchiffrement impossible/);
    process.env.CLE_CHIFFREMENT = cle();
    expect(() => dechiffrer(valeur, "agent.totp:1")).toThrow(/Déchiffrement impossible/);
    expect(() => dechiffrer("v2:a:b:c")).toThrow(/format inconnu/);
  });

  it("reads the previous key during a rotation, and re-encrypts with the new one", () => {
    const ancienne = cle();
    process.env.CLE_CHIFFREMENT = ancienne;
    const valeur = chiffrer("secret", "x");
    expect(rechiffrer(valeur, "x")).toBeNull();
    process.env.CLE_CHIFFREMENT = cle();
    process.env.CLE_CHIFFREMENT_ANCIENNE = ancienne;
    expect(dechiffrer(valeur, "x")).toBe("secret");
    const neuve = rechiffrer(valeur, "x")!;
    delete process.env.CLE_CHIFFREMENT_ANCIENNE;
    expect(dechiffrer(neuve, "x")).toBe("secret");
    expect(() => dechiffrer(valeur, "x")).toThrow();
  });

  it("refuses a key that is not 32 bytes; outside production a fixed development key works", () => {
    process.env.CLE_CHIFFREMENT = Buffer.alloc(16).toString("base64");
    expect(() => chiffrer("x")).toThrow(/32 octets/);
    delete process.env.CLE_CHIFFREMENT;
    expect(dechiffrer(chiffrer("x"))).toBe("x");
  });
});

describe("chiffrement d'un fichier (octets)", () => {
  it("round-trips bytes, bound to its context, and reads with the previous key during a rotation", () => {
    process.env.CLE_CHIFFREMENT = cle();
    const octets = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255, 1, 2]);
    const chiffre = chiffrerOctets(octets, "pai:enfant-1");
    expect(Buffer.from(chiffre).includes(Buffer.from("%PDF"))).toBe(false);
    expect([...dechiffrerOctets(chiffre, "pai:enfant-1")]).toEqual([...octets]);
    expect(() => dechiffrerOctets(chiffre, "pai:enfant-2")).toThrow(/Déchiffrement impossible/);
    expect(() => dechiffrerOctets(new Uint8Array([9, 1, 2]), "pai:enfant-1")).toThrow(/format inconnu/);
    process.env.CLE_CHIFFREMENT_ANCIENNE = process.env.CLE_CHIFFREMENT;
    process.env.CLE_CHIFFREMENT = cle();
    expect([...dechiffrerOctets(chiffre, "pai:enfant-1")]).toEqual([...octets]);
  });
});
