// The keys of a titre, recomputed by hand from the rule written in docs/domaine/pes.md, and the SIRET's check.
import { describe, expect, it } from "vitest";
import { cle1, cle2, LETTRES_CLE2, siretValide } from "@/lib/domain/pes/cles";
import { latin1, montant, tronquer } from "@/lib/domain/pes/format";
import { separerAdresse, separerNom } from "@/lib/domain/pes/tiers";

describe("Cle1 (modulo 11)", () => {
  it("weights the digits 2 to 7 from the right: 12312610002026000042 sums to 115, 115 mod 11 = 5, key 11 - 5 = 6", () => {
    expect(cle1({ codCol: "123", idBord: "1", exer: 2026, per: "1", numDette: "2026000042" })).toBe("6");
  });

  it("gives 1 when 11 - (sum mod 11) is 10 or 11", () => {
    // sum 111 (mod 11 = 1): 10 → 1; sum 110 (mod 11 = 0): 11 → 1
    expect(cle1({ codCol: "123", idBord: "1", exer: 2026, per: "1", numDette: "2026000006" })).toBe("1");
    expect(cle1({ codCol: "123", idBord: "1", exer: 2026, per: "1", numDette: "2026000014" })).toBe("1");
  });

  it("counts a letter of CodCol as 0", () => {
    // ABC122610002026000007: sum 98, mod 11 = 10, key 1
    expect(cle1({ codCol: "ABC", idBord: "12", exer: 2026, per: "1", numDette: "2026000007" })).toBe("1");
  });
});

describe("Cle2 (modulo 23)", () => {
  it("takes the letter at the rank of 261000002026000042 mod 23 = 2: C", () => {
    expect(cle2({ exer: 2026, per: "1", numDette: "2026000042" })).toBe("C");
  });

  it("uses the 23 letters without I, O and Z", () => {
    expect(LETTRES_CLE2).toHaveLength(23);
    expect(LETTRES_CLE2).not.toMatch(/[IOZ]/);
  });
});

describe("SIRET", () => {
  it("accepts 14 digits whose Luhn sum is a multiple of 10", () => {
    expect(siretValide("21640557500012")).toBe(true);
    expect(siretValide("73282932000074")).toBe(true);
  });

  it("refuses a wrong digit, a wrong length, letters", () => {
    expect(siretValide("21640557500013")).toBe(false);
    expect(siretValide("2164055750001")).toBe(false);
    expect(siretValide("2164055750001A")).toBe(false);
  });

  it("checks La Poste's establishments by their digits' sum (a multiple of 5)", () => {
    expect(siretValide("35600000000010")).toBe(true);
    expect(siretValide("35600000000048")).toBe(false);
  });
});

describe("values as the file writes them", () => {
  it("writes amounts in euros with two decimals", () => {
    expect(montant(4845)).toBe("48.45");
    expect(montant(5)).toBe("0.05");
    expect(montant(120000)).toBe("1200.00");
  });

  it("keeps Latin-1 accents and replaces what ISO-8859-1 cannot carry", () => {
    expect(latin1("Cœur — « été » 3,50 €")).toBe("Coeur - « été » 3,50 EUR");
    expect(latin1("Ligne\nsuivante")).toBe("Ligne suivante");
  });

  it("shortens to the field's length at a word, saying so", () => {
    const long = "Henri DUPONT - Cantine : lun. 2, mar. 3, jeu. 5, ven. 6, lun. 9, mar. 10 nov.";
    const court = tronquer(long, 40);
    expect(court.length).toBeLessThanOrEqual(40);
    expect(court).toMatch(/^Henri DUPONT - Cantine : lun\. 2,.*\.\.\.$/);
  });
});

describe("the tiers from an invoice's snapshot", () => {
  it("reads the nom in capitals and the prénom, with or without a civilité", () => {
    expect(separerNom("Claire ETCHART")).toEqual({ civilite: null, nom: "ETCHART", prenom: "Claire" });
    expect(separerNom("Mme ETCHART Claire")).toEqual({ civilite: "MME", nom: "ETCHART", prenom: "Claire" });
    expect(separerNom("Jean-Pierre DE LA FONTAINE")).toEqual({
      civilite: null,
      nom: "DE LA FONTAINE",
      prenom: "Jean-Pierre",
    });
  });

  it("reads the postcode and the town from the address's last line", () => {
    expect(separerAdresse("12 rue des Écoles\nBât. B\n64990 Villefranque")).toEqual({
      adresse: "12 rue des Écoles, Bât. B",
      codePostal: "64990",
      ville: "Villefranque",
    });
    expect(separerAdresse("65 Route de Saint Pierre d'Irube 64990 Villefranque")).toEqual({
      adresse: "65 Route de Saint Pierre d'Irube",
      codePostal: "64990",
      ville: "Villefranque",
    });
    expect(separerAdresse("Sans code postal").codePostal).toBe("");
  });
});
