import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms";
import {
  adresseSchema,
  authentificationSchema,
  cguSchema,
  champsDuBrouillon,
  contactSchema,
  identiteSchema,
} from "@/lib/domain/usager/schemas";

describe("CGU step", () => {
  it("requires the box to be ticked", () => {
    expect(parseForm(cguSchema, { accepte: "on" }).success).toBe(true);
    expect(parseForm(cguSchema, {})).toEqual({
      success: false,
      errors: { accepte: "Vous devez accepter les conditions générales d'utilisation pour continuer." },
    });
  });
});

describe("IDENTITÉ step", () => {
  const valid = { civilite: "MADAME", nomUsage: " Etchart ", prenoms: "Claire", dateNaissance: "1988-04-12" };
  it("keeps what is given, trimmed, and drops empty optional fields", () => {
    const result = parseForm(identiteSchema, { ...valid, nomNaissance: "" });
    expect(result).toEqual({
      success: true,
      data: { civilite: "MADAME", nomUsage: "Etchart", prenoms: "Claire", dateNaissance: "1988-04-12" },
    });
  });
  it("names each missing required field in French", () => {
    const result = parseForm(identiteSchema, { civilite: "", nomUsage: "", prenoms: " " });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.errors).toEqual({
        civilite: "Choisissez votre civilité : Madame ou Monsieur.",
        nomUsage: "Indiquez votre nom usuel.",
        prenoms: "Indiquez votre ou vos prénoms.",
      });
    }
  });
  it.each(["2999-01-01", "1988-02-30", "12/04/1988", "1850-01-01"])("refuses the birth date %s", (dateNaissance) => {
    const result = parseForm(identiteSchema, { ...valid, dateNaissance });
    expect(result.success ? null : result.errors.dateNaissance).toMatch(/date de naissance passée/);
  });
});

describe("ADRESSE step", () => {
  it("wants 5 digits for a French code postal", () => {
    expect(parseForm(adresseSchema, { codePostal: "64990", ville: "Villefranque", pays: "France" }).success).toBe(true);
    const result = parseForm(adresseSchema, { codePostal: "6499", pays: "FRANCE" });
    expect(result.success ? null : result.errors.codePostal).toBe(
      "Un code postal français compte 5 chiffres, par exemple 64990.",
    );
  });
  it("lets a foreign code postal through", () => {
    expect(parseForm(adresseSchema, { codePostal: "SW1A 1AA", pays: "Royaume-Uni" }).success).toBe(true);
  });
});

describe("MOYENS DE CONTACT step", () => {
  it("requires a valid courriel", () => {
    expect(parseForm(contactSchema, { courriel: "" })).toEqual({
      success: false,
      errors: { courriel: "Indiquez votre adresse de courriel." },
    });
    const result = parseForm(contactSchema, { courriel: "claire@" });
    expect(result.success ? null : result.errors.courriel).toMatch(/adresse de courriel valide/);
  });
  it("normalises phone numbers and refuses malformed ones", () => {
    expect(parseForm(contactSchema, { courriel: "a@b.fr", mobile: "06 12 34 56 78" })).toMatchObject({
      success: true,
      data: { mobile: "0612345678" },
    });
    const result = parseForm(contactSchema, { courriel: "a@b.fr", telephone: "12345" });
    expect(result.success ? null : result.errors.telephone).toMatch(/^Téléphone : indiquez 10 chiffres/);
  });
  it("asks for the number of the preferred means of contact", () => {
    const result = parseForm(contactSchema, { courriel: "a@b.fr", moyenContactPrefere: "MOBILE" });
    expect(result.success ? null : result.errors.mobile).toBe("Indiquez le mobile, votre moyen de contact préféré.");
  });
});

describe("AUTHENTIFICATION step", () => {
  const valid = { identifiant: "cetchart", motDePasse: "Villefranque-64!", confirmation: "Villefranque-64!" };
  it("accepts a good identifiant and password", () => {
    expect(parseForm(authentificationSchema, valid).success).toBe(true);
  });
  it("refuses a password breaking the rule, and a confirmation that differs", () => {
    const result = parseForm(authentificationSchema, { ...valid, motDePasse: "court", confirmation: "autre" });
    expect(result.success ? null : result.errors).toEqual({
      motDePasse:
        "Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins 1 minuscule(s), 1 majuscule(s), 1 chiffre(s) et 1 caractère spécial(s).",
      confirmation: "La confirmation ne correspond pas au mot de passe.",
    });
  });
  it("refuses an identifiant with spaces or accents", () => {
    const result = parseForm(authentificationSchema, { ...valid, identifiant: "claire étchart" });
    expect(result.success ? null : result.errors.identifiant).toMatch(/^De 3 à 50 caractères/);
  });
});

describe("what a step keeps in the draft", () => {
  it("keeps the step's own fields only: never a password, the anti-bot payload, or a field the browser made up", () => {
    expect(
      champsDuBrouillon("authentification", {
        identifiant: "cetchart",
        motDePasse: "Secret-2026!",
        confirmation: "Secret-2026!",
        altcha: "xyz",
        cleEnfance: "",
      }),
    ).toEqual({ identifiant: "cetchart", cleEnfance: "" });
    expect(champsDuBrouillon("identite", { nomUsage: "Etchart", photoKey: "0b0e…", admin: "1" })).toEqual({
      nomUsage: "Etchart",
    });
  });
});

describe("names carry links into mails (security review, issue 12)", () => {
  const identite = (nomUsage: string, prenoms = "Claire") =>
    parseForm(identiteSchema, { civilite: "MADAME", nomUsage, prenoms });

  it.each([
    ["Etchart"],
    ["D'Arcy-Élisabeth"],
    ["de La Fontaine"],
    ["Ñúñez Çağlar"],
    ["J.-P. Dupont"],
    ["St. Martin"],
    ["O’Neil"],
  ])("accepts the name %j", (nom) => {
    expect(identite(nom).success).toBe(true);
  });

  it.each([
    ["X, votre compte est suspendu : https://evil.example/payer"],
    ["evil.example"],
    ["www.evil.fr"],
    ["Etchart\u202Eexe.pdf"],
    ["Etchart\u200F"],
    ["Etchart\nCliquez ici"],
    ["Etchart 2"],
    ["<b>Etchart</b>"],
    ["-Etchart"],
  ])("refuses the name %j beside the field", (nom) => {
    expect(identite(nom)).toMatchObject({
      success: false,
      errors: { nomUsage: "Lettres, espaces, apostrophes, tirets et points seulement." },
    });
    expect(identite("Etchart", nom)).toMatchObject({ success: false, errors: { prenoms: expect.any(String) } });
  });

  it("applies the same rule to the optional nom de naissance", () => {
    expect(
      parseForm(identiteSchema, {
        civilite: "MADAME",
        nomUsage: "Etchart",
        prenoms: "Claire",
        nomNaissance: "http://x",
      }),
    ).toMatchObject({ success: false, errors: { nomNaissance: expect.stringContaining("lettres, espaces") } });
  });
});
