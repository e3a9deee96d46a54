// The inscription wizard on the server. Each inscription is a demande of type INSCRIPTION, a draft of the
// parent's space for one child, activity and year; every save goes into it, so the parent comes back where
// they left, after a reload, a logout or a restart. Commands take the caller's space and reach only its family.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { chiffrer, dechiffrer } from "@/lib/chiffrement";
import { currentDocument } from "@/lib/domain/commune/queries";
import {
  activiteComplete,
  anneeOuverte,
  autreEcole,
  ecolesDeLEnfant,
  inscriptionsTenues,
  refusAutreEcole,
} from "@/lib/domain/inscription/catalogue";
import { piecesDejaFournies, reponsesPrecedentes } from "@/lib/domain/inscription/reprise";
import {
  contactsDuFoyer,
  enfantsDuFoyer,
  foyerDeLaDemande,
  foyerDuParent,
  type Foyer,
} from "@/lib/domain/inscription/foyer";
import {
  ATTESTATIONS,
  estComplete,
  lireDonnees,
  manquesInscription,
  PAI_OBJET_MAX,
  PERMISSIONS,
  type DonneesInscription,
  type Manques,
} from "@/lib/domain/inscription/regles";

const EDITABLES = ["BROUILLON", "A_COMPLETER"] as const;

export const inscriptionIntrouvable = () => new AppError("introuvable", "Cette inscription est introuvable.");

/** PAI's object is health data: encrypted, bound to its demande. */
const contextePai = (demandeId: string) => `inscription.pai:${demandeId}`;
export const lirePaiObjet = (demandeId: string, chiffre: string | null) =>
  chiffre ? dechiffrer(chiffre, contextePai(demandeId)) : "";

/**
 * A click on an activity under a child in CRÉER UNE INSCRIPTION: the draft for that child, activity and
 * open year (the one already started, or a new one). Returns the demande's id.
 */
export async function commencerInscription({
  usagerId,
  enfantId,
  activiteId,
}: {
  usagerId: string;
  enfantId: string;
  activiteId: number;
}): Promise<string> {
  return db().$transaction(async (tx) => {
    // the accepted family, or the declaration just deposited (its children by their ids in it)
    const foyer = await foyerDuParent(tx, usagerId);
    const enfant = (await enfantsDuFoyer(tx, foyer)).find((e) => e.id === enfantId);
    const annee = await anneeOuverte(tx);
    const activite = await activiteComplete(activiteId, tx);
    if (!enfant || !activite) throw inscriptionIntrouvable();
    if (!annee) throw new AppError("fermee", "Les inscriptions ne sont pas ouvertes pour le moment.");
    const cle = `${usagerId}:INSCRIPTION:${enfantId}:${activite.id}:${annee.id}`;
    const existant = await tx.demande.findUnique({ where: { brouillonUnique: cle }, select: { id: true } });
    if (existant) return existant.id;
    if ((await inscriptionsTenues(tx, { enfantId, anneeId: annee.id, foyer, activiteId: activite.id })).length > 0) {
      throw new AppError("deja_inscrit", "Cet enfant a déjà une inscription à cette activité pour l'année scolaire.");
    }
    const ecoles = await ecolesDeLEnfant(tx, { foyer, enfantId, anneeId: annee.id });
    if (autreEcole(ecoles, activite.lieux)) throw refusAutreEcole(ecoles);
    const contacts = await contactsDuFoyer(tx, foyer);
    // shorter: what the family already answered and sent (the attestations stay to be checked each time)
    const reprises = await reponsesPrecedentes(tx, { foyer, enfantId, contacts: contacts.map((c) => c.id) });
    const pieces = await piecesDejaFournies(tx, {
      foyer,
      usagerId,
      types: activite.pieces.map((p) => p.type),
      dateDebutAnnee: annee.dateDebut,
    });
    const donnees: DonneesInscription = {
      enfantId,
      activiteId: activite.id,
      anneeId: annee.id,
      ajoutFamilleId: foyer.ajoutFamilleId,
      intitule: activite.libelle,
      piecesRequises: activite.pieces.filter((p) => p.obligatoire).map((p) => p.type),
      lieuId: activite.lieux.length === 1 ? activite.lieux[0]!.id : null,
      groupeId: null,
      uniteId: null,
      unitesIds: [],
      uniteRequise: activite.unites.length > 0,
      permissions: reprises.permissions,
      habilitations: reprises.habilitations,
      contacts: contacts.map((c) => c.id),
      autreRecuperateur: null,
      pai: false,
      paiObjetChiffre: null,
      attestations: [],
      reglementId: null,
      pieces,
    };
    const id = randomUUID();
    // ON CONFLICT: two clicks at once (two tabs) make one draft, not an error.
    const cree = await tx.$executeRaw`
      INSERT INTO "Demande" (id, type, statut, "usagerId", "familleId", "brouillonUnique", donnees, "updatedAt")
      VALUES (${id}, 'INSCRIPTION', 'BROUILLON', ${usagerId}, ${foyer.familleId}, ${cle}, ${JSON.stringify(donnees)}::jsonb, now())
      ON CONFLICT ("brouillonUnique") DO NOTHING`;
    if (cree === 1 && Object.keys(pieces).length > 0)
      await tx.demandePiece.createMany({ data: Object.values(pieces).map((pieceId) => ({ demandeId: id, pieceId })) });
    return (await tx.demande.findUniqueOrThrow({ where: { brouillonUnique: cle }, select: { id: true } })).id;
  });
}

/** The parent's editable inscription (draft, or sent back to complete) with all the wizard shows; null otherwise. */
export async function inscriptionEditable(usagerId: string, demandeId: string) {
  const demande = await db().demande.findFirst({
    where: { id: demandeId, usagerId, type: "INSCRIPTION", statut: { in: [...EDITABLES] } },
  });
  const donnees = demande ? lireDonnees(demande.donnees) : null;
  const foyer = demande && donnees ? foyerDeLaDemande(demande, donnees) : null;
  if (!demande || !donnees || !foyer) return null;
  return { demande, donnees, foyer, ...(await contexte(foyer, donnees)) };
}

/** What the wizard, its recap and the console show around an inscription's data. */
export async function contexte(foyer: Foyer, donnees: DonneesInscription) {
  const [activite, annee, enfants, contacts, reglement] = await Promise.all([
    activiteComplete(donnees.activiteId),
    db().anneeScolaire.findUniqueOrThrow({ where: { id: donnees.anneeId } }),
    enfantsDuFoyer(db(), foyer),
    contactsDuFoyer(db(), foyer),
    currentDocument("REGLEMENT_INTERIEUR"),
  ]);
  const enfant = enfants.find((e) => e.id === donnees.enfantId);
  if (!activite || !enfant) throw inscriptionIntrouvable();
  return { activite, annee, enfant, contacts, reglement };
}

export type ResultatEnregistrement = { manques: Manques | null; etape2: boolean };

/**
 * ENREGISTRER or ALLER À L'ÉTAPE 2: what the parent chose is saved as typed (complete or not); step 2 is
 * only reached when nothing is missing, otherwise the parent is told what is.
 */
export async function enregistrerInscription({
  usagerId,
  demandeId,
  values,
  etape2,
}: {
  usagerId: string;
  demandeId: string;
  values: Record<string, string>;
  etape2: boolean;
}): Promise<ResultatEnregistrement> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Demande" WHERE id = ${demandeId} AND "usagerId" = ${usagerId} AND type = 'INSCRIPTION' AND statut IN ('BROUILLON', 'A_COMPLETER') FOR UPDATE`;
    if (!row) throw inscriptionIntrouvable();
    const demande = await tx.demande.findUniqueOrThrow({ where: { id: demandeId } });
    const donnees = lireDonnees(demande.donnees);
    const activite = donnees ? await activiteComplete(donnees.activiteId, tx) : null;
    const foyer = donnees ? foyerDeLaDemande(demande, donnees) : null;
    if (!donnees || !activite || !foyer) throw inscriptionIntrouvable();
    const contacts = await contactsDuFoyer(tx, foyer);
    const reglement = await currentDocument("REGLEMENT_INTERIEUR", tx);

    const parmi = (valeur: string | undefined, ids: number[]) =>
      valeur && ids.includes(Number(valeur)) ? Number(valeur) : null;
    // only the two answers, only for the questions asked: anything else posted is dropped
    const reponses = (cles: string[], prefixe: string) => {
      const lues: Record<string, "AUTORISE" | "INTERDIT"> = {};
      for (const cle of cles) {
        const valeur = values[`${prefixe}-${cle}`];
        if (valeur === "AUTORISE" || valeur === "INTERDIT") lues[cle] = valeur;
      }
      return lues;
    };
    const permissions = reponses(Object.keys(PERMISSIONS), "permission");
    const habilitations = reponses(
      contacts.map((c) => c.id),
      "habilitation",
    );
    // one exclusive unit (a menu: the radio « unite »), any of the others (garderie Matin, Soir: « unite-<id> »)
    const radio = parmi(
      values.unite,
      activite.unites.map((u) => u.id),
    );
    const unitesIds = activite.unites
      .filter((u) => u.id === radio || (!u.exclusive && values[`unite-${u.id}`] === "on"))
      .map((u) => u.id);
    const pai = values.pai === "on";
    const paiObjet = pai ? (values.paiObjet ?? "").trim().slice(0, PAI_OBJET_MAX) : "";
    const attestations = Object.keys(ATTESTATIONS).filter((cle) => values[`attestation-${cle}`] === "on");
    const nouvelles: DonneesInscription = {
      ...donnees,
      // what the activity asks today (agents may have changed it since the draft was started)
      piecesRequises: activite.pieces.filter((p) => p.obligatoire).map((p) => p.type),
      lieuId: parmi(
        values.lieu,
        activite.lieux.map((l) => l.id),
      ),
      groupeId: parmi(
        values.groupe,
        activite.groupes.map((g) => g.id),
      ),
      uniteId: unitesIds[0] ?? null,
      unitesIds,
      uniteRequise: activite.unites.length > 0,
      permissions,
      habilitations,
      contacts: contacts.map((c) => c.id),
      // asked only of a known family without contacts
      autreRecuperateur:
        contacts.length === 0 && foyer.familleId !== null && ["OUI", "NON"].includes(values.autreRecuperateur ?? "")
          ? (values.autreRecuperateur as "OUI" | "NON")
          : null,
      pai,
      paiObjetChiffre: paiObjet ? chiffrer(paiObjet, contextePai(demandeId)) : null,
      attestations,
      reglementId: attestations.includes("reglement") ? (reglement?.id ?? null) : null,
    };
    const manques = manquesInscription(nouvelles);
    const passe = etape2 && estComplete(manques);
    await tx.demande.update({ where: { id: demandeId }, data: { donnees: nouvelles, etape: passe ? 2 : 1 } });
    return { manques: etape2 && !passe ? manques : null, etape2: passe };
  });
}
