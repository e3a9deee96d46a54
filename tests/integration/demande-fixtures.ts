// Builders for the demandes tests: activated spaces written straight to the database (no argon2 work, the
// login is not what these tests are about), a complete "Ajout de famille" typed through the real wizard
// command (the same helper as the demo data), and an agent.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { declarerFamille as declarer, titulaireDe } from "@/prisma/demo-familles";
import type { Usager } from "@/lib/generated/prisma/client";

let counter = 0;

export async function usagerActive(nom = "Etchart"): Promise<Usager> {
  counter++;
  return db().usager.create({
    data: {
      identifiant: `parent${counter}-${randomUUID().slice(0, 8)}`,
      identifiantNormalise: `parent${counter}-${randomUUID()}`,
      courriel: `parent${counter}@exemple.fr`,
      courrielNormalise: `parent${counter}-${randomUUID()}@exemple.fr`,
      passwordHash: "non-utilise",
      civilite: "MADAME",
      nomUsage: nom,
      prenoms: "Claire",
      adresseNumero: "65",
      adresseVoie: "Route de Saint Pierre d'Irube",
      codePostal: "64990",
      ville: "Villefranque",
      pays: "France",
      mobile: "0612345678",
      cguVersion: 1,
      cguAcceptedAt: new Date(),
      activatedAt: new Date(),
    },
  });
}

/** An agent; `permissions: ["SANTE"]` for one who reads dossiers santé and P.A.I. */
export async function agent(nom = "Irigoyen", { permissions = [] as ("SANTE" | "FACTURATION")[] } = {}) {
  return db().agent.create({
    data: {
      permissions,
      identifiant: `agent-${randomUUID()}`,
      identifiantNormalise: `agent-${randomUUID()}`,
      courriel: "agent@mairie.test",
      nom,
      prenom: "Maite",
      passwordHash: "non-utilise",
    },
  });
}

/** A father declared as co-représentant: Mikel BIDART, born 1985-02-03, with the parental authority. */
export const CO_REPRESENTANT_BIDART = {
  civilite: "MONSIEUR",
  nomUsage: "Bidart",
  prenom: "Mikel",
  dateNaissance: "1985-02-03",
  qualite: "PERE",
  autoriteParentale: "oui",
  memeAdresse: "on",
};

export const ENFANT = {
  sexe: "MASCULIN",
  nom: "Etchart",
  prenoms: "Henri",
  dateNaissance: "2019-05-01",
  memeAdresse: "on",
};

/** A family with that titulaire (a mother) and those children, typed through the wizard; returns the draft's id. */
export function declarerFamille(usager: Usager, enfants: Record<string, string>[] = [ENFANT]): Promise<string> {
  return declarer(usager, { titulaire: titulaireDe(usager, "MERE"), enfants });
}
