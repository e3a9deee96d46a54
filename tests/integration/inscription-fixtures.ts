// An inscription's setting on PostgreSQL: a family validated by an agent, and every answer of step 1; a child
// enrolled in an activity (the démarche accepted, as the demo's `inscrire` does it) and a dossier santé validated.
// (The child's inscription needs STORAGE_DIR set by the test file: its pièces are uploaded.)
import { db } from "@/lib/db";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { ATTESTATIONS, PERMISSIONS } from "@/lib/domain/inscription/regles";
import { piecesNonVerifiees } from "@/lib/domain/inscription/pieces-verifiees";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { inscrire } from "@/prisma/demo-reservations";
import { declarerFamille as declarer, titulaireDe } from "@/prisma/demo-familles";
import { agent, ENFANT, usagerActive } from "./demande-fixtures";

/** A family validated by an agent, with a child and a contact. */
export async function familleValidee(nom: string) {
  const usager = await usagerActive(nom);
  const demandeId = await declarer(usager, {
    titulaire: titulaireDe(usager, "MERE"),
    enfants: [{ ...ENFANT, nom }],
    contacts: [
      {
        nom,
        prenom: "Maddi",
        lien: "Grand-mère",
        telephonePortable: "0655443322",
        aPrevenir: "on",
        autoriseRecuperer: "on",
      },
    ],
  });
  await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
  const instructeur = await agent();
  await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter" });
  const representant = await db().representant.findFirstOrThrow({
    where: { usagerId: usager.id },
    include: { famille: { include: { enfants: true, contacts: true } } },
  });
  return {
    usager,
    instructeur,
    familleId: representant.familleId,
    enfantId: representant.famille.enfants[0]!.enfantId,
    contactId: representant.famille.contacts[0]!.id,
  };
}

/** The ids of an inscription's pieces not « Vérifiée », which the agent accepts all the same (named first). */
export const piecesVues = async (demandeId: string) => (await piecesNonVerifiees(demandeId)).map((p) => p.id);

/** Every answer of step 1, the attestation included unless told otherwise. */
export async function reponses(activiteId: number, contactId: string, { attestation = true, pai = "" } = {}) {
  const activite = await db().activite.findUniqueOrThrow({
    where: { id: activiteId },
    include: { lieux: true, groupes: true, unites: true },
  });
  return {
    lieu: String(activite.lieux[0]!.id),
    groupe: String(activite.groupes[2]!.id),
    unite: String(activite.unites[0]!.id),
    ...Object.fromEntries(
      Object.keys(PERMISSIONS).map((cle, rang) => [`permission-${cle}`, rang === 0 ? "INTERDIT" : "AUTORISE"]),
    ),
    [`habilitation-${contactId}`]: "AUTORISE",
    ...(pai ? { pai: "on", paiObjet: pai } : {}),
    ...(attestation ? Object.fromEntries(Object.keys(ATTESTATIONS).map((cle) => [`attestation-${cle}`, "on"])) : {}),
  };
}

/** A family validated by an agent, its child enrolled in the activity of that code (the démarche accepted). */
export async function familleInscrite(nom: string, code = "RESTAURATION_PUBLIQUE") {
  const famille = await familleValidee(nom);
  const { id: activiteId } = await db().activite.findUniqueOrThrow({ where: { code } });
  const inscriptionId = await inscrire({
    usagerId: famille.usager.id,
    enfantId: famille.enfantId,
    activiteId,
    agent: famille.instructeur,
  });
  return { ...famille, activiteId, inscriptionId };
}

/** The child's dossier santé, typed by the parent (the form's fields) and validated by an agent with SANTE. */
export async function dossierSanteValide(usagerId: string, enfantId: string, values: Record<string, string>) {
  await modifierDossierSante({ usagerId, enfantId, values, etape2: true });
  const demandeId = (await dossierSanteDuUsager(usagerId, enfantId))!.editable!.id;
  await deposerDemande({ demarches: DEMARCHES, usagerId, demandeId });
  const medecin = await agent("Sante", { permissions: ["SANTE"] });
  await deciderDemande({ demarches: DEMARCHES, agent: medecin, demandeId, decision: "accepter" });
}
