// The registry has every TypeDemande with all its parts, and each recap that needs no database renders its rows
// from a sample demande through the one Recap component (the others are read on PostgreSQL in
// tests/integration/demarches.test.ts).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Recap } from "@/components/demande/Recap";
import { intituleDemande, verifierVersion } from "@/lib/domain/demande/demarche";
import { DEMARCHES } from "@/lib/domain/demarches";
import { scellerValeurs } from "@/lib/domain/sante/coffre";
import { TypeDemande } from "@/lib/generated/prisma/enums";
import type { Demande } from "@/lib/generated/prisma/client";

const ID = "0b9d3c2e-6f1a-4c8e-9a51-2d7e4f6b8a10";

function demande(type: TypeDemande, donnees: unknown): Demande {
  return {
    id: ID,
    numero: 73,
    type,
    statut: "DEPOSEE",
    usagerId: "u1",
    brouillonUnique: null,
    donnees: donnees as Demande["donnees"],
    donneesVersion: 1,
    etape: 1,
    suiviTokenHash: null,
    clesEnfants: [],
    instructeurId: null,
    familleId: "f1",
    enfantId: "e1",
    createdAt: new Date(),
    updatedAt: new Date(),
    deposeeAt: new Date(),
    decideeAt: null,
  };
}

/** The text a reader gets of a recap, cells separated. */
const texte = (html: string) =>
  html
    .replace(/<[^>]+>/g, " | ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

const ECHANTILLONS = {
  AJOUT_FAMILLE: {
    titulaire: { civilite: "MADAME", nomUsage: "Etchart", prenom: "Claire", courriel: "claire@exemple.fr" },
    enfants: [{ id: "e-1", sexe: "MASCULIN", nom: "Etchart", prenoms: "Henri", dateNaissance: "2019-05-01" }],
    contacts: [{ id: "c-1", nom: "Bidart", prenom: "Maddi", lien: "Tante", aPrevenir: "on" }],
  },
  CHANGEMENT_ADRESSE: {
    adresse: {
      adresseNumero: "12",
      adresseVoie: "Chemin de Larrun",
      codePostal: "64990",
      ville: "Villefranque",
      pays: "FRANCE",
    },
    ancienne: "65 Route de Saint Pierre d'Irube, 64990 Villefranque",
  },
  SUPPRESSION_ESPACE: { motif: "Déménagement" },
  DOSSIER_SANTE: scellerValeurs(ID, { medecinNom: "Dr Amaia ETCHEVERRY", commentaire: "Lunettes", pai: "on" }, true),
} as const;

describe("the registry of démarches", () => {
  it.each(Object.values(TypeDemande))("has %s with its label, versioned data, checks and both recaps", (type) => {
    const definition = DEMARCHES[type];
    expect(definition.type).toBe(type);
    expect(definition.libelle).toMatch(/^\p{Lu}/u);
    expect(definition.domaine).toBe("Enfance");
    expect(Number.isInteger(definition.donnees.version) && definition.donnees.version >= 1).toBe(true);
    expect(typeof definition.donnees.schema.safeParse).toBe("function");
    expect(typeof definition.verifierDepot).toBe("function");
    expect(typeof definition.recap.usager).toBe("function");
    expect(typeof definition.recap.agent).toBe("function");
  });

  it("has an acceptance for every type but none of them is missing from the map", () => {
    expect(Object.keys(DEMARCHES).sort()).toEqual(Object.values(TypeDemande).sort());
    for (const definition of Object.values(DEMARCHES)) expect(typeof definition.accepter).toBe("function");
  });

  it.each(Object.entries(ECHANTILLONS))("renders the rows of a sample %s for the parent", async (type, donnees) => {
    const definition = DEMARCHES[type as keyof typeof ECHANTILLONS];
    if (type !== "DOSSIER_SANTE") expect(definition.donnees.schema.safeParse(donnees).success).toBe(true);
    const sections = await definition.recap.usager(demande(definition.type, donnees));
    expect(sections.length).toBeGreaterThan(0);
    const rendu = texte(renderToStaticMarkup(createElement(Recap, { sections })));
    const attendu = {
      AJOUT_FAMILLE: [
        "Titulaire du compte : Claire ETCHART",
        "Date de naissance | | 01/05/2019",
        "Lien avec l'enfant | | Tante",
      ],
      CHANGEMENT_ADRESSE: [
        "Adresse actuelle",
        "65 Route de Saint Pierre d'Irube",
        "12 Chemin de Larrun",
        "64990 Villefranque",
      ],
      SUPPRESSION_ESPACE: ["Motif | | Déménagement"],
      DOSSIER_SANTE: ["Médecin traitant", "Dr Amaia ETCHEVERRY", "Lunettes", "Demande de PAI : oui"],
    }[type]!;
    for (const morceau of attendu) expect(rendu).toContain(morceau);
  });

  it("refuses data of a version the démarche does not read, with the version in the message", () => {
    const definition = DEMARCHES.SUPPRESSION_ESPACE;
    expect(() => verifierVersion(definition, { donneesVersion: 1 })).not.toThrow();
    expect(() => verifierVersion(definition, { donneesVersion: 3 })).toThrow(
      "Données de demande « Suppression de l'espace personnel » en version 3 : seule la version 1 est lue.",
    );
  });

  it("still reads the older versions a démarche lists (a dossier santé deposited before issue 26)", () => {
    const definition = DEMARCHES.DOSSIER_SANTE;
    expect(() => verifierVersion(definition, { donneesVersion: 2 })).not.toThrow();
    expect(() => verifierVersion(definition, { donneesVersion: 1 })).not.toThrow();
    expect(() => verifierVersion(definition, { donneesVersion: 3 })).toThrow(/en version 3 : seule la version 2/);
  });

  it("names a demande from the definitions handed to the engine, and refuses a type it was not handed", () => {
    // an aggregate hands the engine its own démarche only (it does not import the registry)
    const absence = { ABSENCE: DEMARCHES.ABSENCE };
    expect(intituleDemande(absence, { type: "ABSENCE" })).toBe(DEMARCHES.ABSENCE.libelle);
    expect(() => intituleDemande(absence, { type: "INSCRIPTION" })).toThrow(
      "La démarche INSCRIPTION n'a pas été remise au moteur des demandes.",
    );
  });
});
