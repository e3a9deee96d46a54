// Builders for the demandes tests: activated spaces written straight to the database (no argon2 work, the
// login is not what these tests are about), a complete "Ajout de famille" typed through the real wizard
// command, and an agent.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { modifierDeclaration } from "@/lib/domain/famille/declaration";
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

export async function agent(nom = "Irigoyen") {
  return db().agent.create({
    data: {
      identifiant: `agent-${randomUUID()}`,
      identifiantNormalise: `agent-${randomUUID()}`,
      courriel: "agent@mairie.test",
      nom,
      prenom: "Maite",
      passwordHash: "non-utilise",
    },
  });
}

export const TITULAIRE = { qualite: "MERE", autoriteParentale: "oui" };
export const ENFANT = { sexe: "MASCULIN", nom: "Etchart", prenoms: "Henri", dateNaissance: "2019-05-01", memeAdresse: "on" };

/** Types a whole family through the wizard's command, as the pages do; returns the draft's id. */
export async function declarerFamille(usager: Usager, enfants: Record<string, string>[] = [ENFANT]): Promise<string> {
  await modifierDeclaration({
    usager,
    enregistrer: { selection: { role: "titulaire" }, values: { ...titulaireDe(usager), ...TITULAIRE } },
    suite: { kind: "rester" },
  });
  for (const enfant of enfants) {
    const ajout = await modifierDeclaration({ usager, suite: { kind: "ajouter", role: "enfant" } });
    if (ajout.kind !== "selection") throw new Error(`ajout refusé : ${ajout.kind}`);
    await modifierDeclaration({ usager, enregistrer: { selection: ajout.selection, values: enfant }, suite: { kind: "rester" } });
  }
  const etape2 = await modifierDeclaration({ usager, suite: { kind: "etape2" } });
  if (etape2.kind !== "recapitulatif") throw new Error(`déclaration incomplète : ${JSON.stringify(etape2)}`);
  const demande = await db().demande.findFirstOrThrow({ where: { usagerId: usager.id, statut: "BROUILLON" } });
  return demande.id;
}

function titulaireDe(usager: Usager): Record<string, string> {
  return {
    civilite: usager.civilite,
    nomUsage: usager.nomUsage,
    prenom: usager.prenoms,
    adresseNumero: usager.adresseNumero ?? "",
    adresseVoie: usager.adresseVoie ?? "",
    codePostal: usager.codePostal ?? "",
    ville: usager.ville ?? "",
    pays: "FRANCE",
    telephonePortable: usager.mobile ?? "",
  };
}
