// What DEMARCHE_INSCRIPTION (lib/domain/inscription/demarche.ts) gives the engine: the deposit's check against the
// database (the data alone is checked by verifierDepot), and the acceptance that creates the Inscription.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inscriptionsTenues } from "@/lib/domain/inscription/catalogue";
import { AJOUT_EN_ATTENTE, foyerDeLaDemande, piecesDuFoyer } from "@/lib/domain/inscription/foyer";
import {
  estComplete,
  lireDonnees,
  manquesInscription,
  messageManques,
  PIECES,
  unitesChoisies,
} from "@/lib/domain/inscription/regles";
import type { Demande } from "@/lib/generated/prisma/client";
import type { TypePiece } from "@/lib/generated/prisma/enums";
import { sansPointFinal } from "@/lib/texte/point-final";

const incomplete = () =>
  new AppError("incomplete", "Votre demande d'inscription est incomplète : complétez l'étape 1 avant de valider.");

/** verifierDepot: the attestation checked, the required pieces attached, every answer given. */
export function verifierDepotInscription(donnees: unknown): void {
  const lues = lireDonnees(donnees);
  if (!lues) throw incomplete();
  const manques = manquesInscription(lues);
  if (!estComplete(manques)) throw new AppError("incomplete", messageManques(manques));
}

/**
 * auDepot: the same rule against what the database holds now: the pieces really attached and the family's,
 * those the activity requires today, and no other inscription of the child to it for the year.
 */
export async function auDepotInscription(tx: Tx, demande: Demande): Promise<void> {
  const donnees = lireDonnees(demande.donnees);
  const foyer = donnees ? foyerDeLaDemande(demande, donnees) : null;
  if (!donnees || !foyer) throw incomplete();
  // one query after the other: a transaction's connection runs one at a time
  if (foyer.ajoutFamilleId) {
    const ajout = await tx.demande.findFirst({
      where: { id: foyer.ajoutFamilleId, usagerId: demande.usagerId, statut: { in: [...AJOUT_EN_ATTENTE] } },
      select: { id: true },
    });
    if (!ajout)
      throw new AppError(
        "sans_famille",
        "Votre déclaration de famille n'est plus en attente : créez une nouvelle inscription.",
      );
  }
  const attachees = await tx.demandePiece.findMany({
    where: { demandeId: demande.id, piece: piecesDuFoyer(foyer, demande.usagerId) },
    select: { piece: { select: { type: true } } },
  });
  const requises = await tx.activitePiece.findMany({
    where: { activiteId: donnees.activiteId, obligatoire: true },
    select: { type: true },
  });
  const tenues = await inscriptionsTenues(tx, {
    enfantId: donnees.enfantId,
    anneeId: donnees.anneeId,
    foyer,
    activiteId: donnees.activiteId,
  });
  const presentes = new Set(attachees.map((a) => a.piece.type));
  const manquantes = requises.filter((r) => !presentes.has(r.type)).map((r) => PIECES[r.type as TypePiece]);
  if (manquantes.length > 0)
    throw new AppError("incomplete", `Pièces à fournir avant d'aller à l'étape 2 : ${manquantes.join(", ")}`);
  if (tenues.some((autre) => autre.id !== demande.id)) {
    throw new AppError("deja_inscrit", "Cet enfant a déjà une inscription à cette activité pour l'année scolaire.");
  }
}

/** accepter: the Inscription, with everything the parent answered, in the acceptance's transaction. */
export async function accepterInscription(tx: Tx, demande: Demande): Promise<string> {
  const donnees = lireDonnees(demande.donnees);
  if (donnees && !demande.familleId && donnees.ajoutFamilleId) {
    // its children are not Enfants yet: the family's acceptance carries this inscription over first
    const ajout = await tx.demande.findUnique({ where: { id: donnees.ajoutFamilleId }, select: { numero: true } });
    throw new AppError(
      "famille_en_attente",
      `Acceptez d'abord la demande d'ajout de famille N° ${ajout?.numero ?? "?"} : cette inscription est pour un enfant de cette famille.`,
    );
  }
  if (!donnees || !demande.familleId || donnees.lieuId === null || donnees.groupeId === null) throw incomplete();
  const contacts = await tx.contact.findMany({
    where: { id: { in: Object.keys(donnees.habilitations) }, familleId: demande.familleId },
  });
  const activite = await tx.activite.findUniqueOrThrow({ where: { id: donnees.activiteId } });
  await tx.inscription.create({
    data: {
      enfantId: donnees.enfantId,
      familleId: demande.familleId,
      activiteId: donnees.activiteId,
      anneeId: donnees.anneeId,
      lieuId: donnees.lieuId,
      groupeId: donnees.groupeId,
      uniteId: donnees.uniteId,
      // the units booked from the calendar (unites-souscrites.ts): garderie Matin and Soir, or the one menu chosen
      unitesSouscrites: unitesChoisies(donnees),
      permissions: Object.fromEntries(
        Object.entries(donnees.permissions).map(([cle, choix]) => [cle, choix === "AUTORISE"]),
      ),
      habilitations: contacts.map((c) => ({
        contactId: c.id,
        nom: `${c.prenom} ${c.nom.toUpperCase()}`,
        autorise: donnees.habilitations[c.id] === "AUTORISE",
      })),
      paiDemande: donnees.pai,
      // the same ciphertext, still bound to the demande it was typed in (the Inscription keeps its demandeId)
      paiObjetChiffre: donnees.paiObjetChiffre,
      reglementId: donnees.reglementId,
      demandeId: demande.id,
    },
  });
  // the answer given here is the child's current one: the pointage list reads it from ContactEnfant
  for (const c of contacts) {
    const autoriseRecuperer = donnees.habilitations[c.id] === "AUTORISE";
    await tx.contactEnfant.upsert({
      where: { contactId_enfantId: { contactId: c.id, enfantId: donnees.enfantId } },
      create: { contactId: c.id, enfantId: donnees.enfantId, autoriseRecuperer, aPrevenir: c.aPrevenir },
      update: { autoriseRecuperer },
    });
  }
  return `L'inscription « ${sansPointFinal(activite.libelle)} » est validée par le service Enfance.`;
}
