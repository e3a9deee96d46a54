import { describe, expect, it } from "vitest";
import {
  champsDePersonne,
  erreursDePersonne,
  estMineur,
  validerDeclaration,
  type Brouillon,
} from "@/lib/domain/famille/schemas";

const titulaire = {
  civilite: "MADAME",
  nomUsage: "Etchart",
  prenom: "Claire",
  adresseVoie: "Route de Saint Pierre d'Irube",
  codePostal: "64990",
  ville: "Villefranque",
  pays: "FRANCE",
  qualite: "MERE",
  autoriteParentale: "oui",
};
const enfant = {
  id: "0b7f3a56-4d43-4a7c-9a4b-1f0c2f3a1b2c",
  sexe: "MASCULIN",
  nom: "Etchart",
  prenoms: "Henri",
  dateNaissance: "2019-05-01",
  memeAdresse: "on",
};

describe("a person of the declaration", () => {
  it("keeps only the role's own fields, cut at 300 characters", () => {
    const kept = champsDePersonne("contact", {
      nom: "A".repeat(400),
      prenom: "Maddi",
      motDePasse: "x",
      intent: "etape2",
      personne: "contact-1",
    });
    expect(Object.keys(kept).sort()).toEqual(["nom", "prenom"]);
    expect(kept.nom).toHaveLength(300);
  });

  it("asks the titulaire's address, but not a child's living with the titulaire", () => {
    expect(erreursDePersonne("titulaire", { ...titulaire, adresseVoie: "" })).toEqual({
      adresseVoie: "Indiquez le nom de la voie.",
    });
    expect(erreursDePersonne("enfant", enfant)).toEqual({});
    expect(erreursDePersonne("enfant", { ...enfant, memeAdresse: "" })).toMatchObject({
      adresseVoie: "Indiquez le nom de la voie.",
      codePostal: "Indiquez le code postal.",
    });
  });

  it("refuses a child born in the future or of age, and a French postcode that is not 5 digits", () => {
    expect(erreursDePersonne("enfant", { ...enfant, dateNaissance: "2999-01-01" }).dateNaissance).toBe(
      "La date de naissance ne peut pas être dans le futur.",
    );
    expect(erreursDePersonne("enfant", { ...enfant, dateNaissance: "2001-01-01" }).dateNaissance).toBe(
      "Seuls les enfants de moins de 18 ans peuvent être déclarés.",
    );
    expect(erreursDePersonne("titulaire", { ...titulaire, codePostal: "6499" }).codePostal).toMatch(/5 chiffres/);
  });

  it("wants a contact reachable by at least one telephone", () => {
    const contact = { nom: "Etchart", prenom: "Maddi", lien: "Grand-mère" };
    expect(erreursDePersonne("contact", contact)).toEqual({
      telephonePortable: "Indiquez au moins un téléphone du contact.",
    });
    expect(erreursDePersonne("contact", { ...contact, telephoneDomicile: "05 59 44 00 00" })).toEqual({});
  });

  // Names are printed in mails (the rattachement's acceptance names the titulaire): no link, no sentence.
  it("takes letters, spaces, apostrophes, hyphens and initials as a name, never a link or a sentence", () => {
    const invalide = "Lettres, espaces, apostrophes, tirets et points seulement.";
    for (const nom of ["Jean-Pierre", "D'Arcy", "Éloïse Marie", "J.-P.", "Nguyễn"]) {
      expect(erreursDePersonne("titulaire", { ...titulaire, prenom: nom, nomUsage: nom })).toEqual({});
      expect(erreursDePersonne("enfant", { ...enfant, prenoms: nom, nom })).toEqual({});
    }
    for (const nom of ["exemple.fr", "https://x.io", "Payez ici: 06 00 00 00 00", "<b>Claire</b>", "Claire\u202e"]) {
      expect(erreursDePersonne("titulaire", { ...titulaire, nomUsage: nom }).nomUsage).toBe(invalide);
      expect(erreursDePersonne("titulaire", { ...titulaire, prenom: nom }).prenom).toBe(invalide);
      expect(erreursDePersonne("titulaire", { ...titulaire, nomFamille: nom }).nomFamille).toMatch(/^Nom de famille/);
      expect(erreursDePersonne("enfant", { ...enfant, nom }).nom).toBe(invalide);
      expect(erreursDePersonne("enfant", { ...enfant, prenoms: nom }).prenoms).toBe(invalide);
      const contact = { nom, prenom: nom, lien: "Voisin", telephonePortable: "0600000000" };
      expect(Object.keys(erreursDePersonne("contact", contact)).sort()).toEqual(["nom", "prenom"]);
    }
  });

  it("is of age on the day of the 18th birthday", () => {
    const now = new Date("2026-11-26T10:00:00Z");
    expect(estMineur("2008-11-27", now)).toBe(true);
    expect(estMineur("2008-11-26", now)).toBe(false);
  });
});

describe("the whole declaration", () => {
  it("is complete with a titulaire and one child", () => {
    const result = validerDeclaration({ titulaire, coRepresentant: null, enfants: [enfant], contacts: [] });
    expect(result.ok).toBe(true);
  });

  it("lists who is incomplete and what is missing, and asks for at least one child", () => {
    const brouillon: Brouillon = {
      titulaire: { ...titulaire, qualite: "" },
      coRepresentant: null,
      enfants: [],
      contacts: [{ id: "c1", nom: "Etchart", prenom: "Maddi", lien: "" }],
    };
    const result = validerDeclaration(brouillon);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.manques).toEqual([
      { selection: "titulaire", personne: "Claire ETCHART", messages: ["Choisissez la qualité dans la liste."] },
      {
        selection: "contact-c1",
        personne: "Maddi ETCHART",
        messages: [
          "Indiquez le lien avec l'enfant (grand-mère, voisin…).",
          "Indiquez au moins un téléphone du contact.",
        ],
      },
      { selection: "nouvel-enfant", personne: "Enfant(s)", messages: ["Déclarez au moins un enfant."] },
    ]);
  });
});
