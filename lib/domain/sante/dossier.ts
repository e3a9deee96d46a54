// The dossier santé's update on the server: a demande DOSSIER_SANTE per child, saved as typed (encrypted) at
// each ENREGISTRER or ALLER À L'ÉTAPE 2, deposited by the engine (deposer.ts), and turned into a new version
// of the child's dossier when an agent accepts it (accepterDossierSante, in the acceptance's transaction).
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { EN_COURS } from "@/lib/domain/demande/queries";
import { jourParis } from "@/lib/temps/jours";
import {
  lireDonnees,
  ouvrirFiche,
  ouvrirValeurs,
  scellerFiche,
  scellerValeurs,
  VERSION_DONNEES_SANTE,
} from "@/lib/domain/sante/coffre";
import { retirerFichierPai, stockerDocumentPai } from "@/lib/domain/sante/document-pai";
import { enfantsDuUsager } from "@/lib/domain/sante/queries";
import { lireFiche } from "@/lib/domain/sante/schemas";
import {
  CHAMPS_DOCUMENT_PAI,
  documentDesValeurs,
  valeursDuDocument,
  valeursPourLeNavigateur,
  type DocumentPai,
} from "@/lib/domain/sante/suivi";
import type { Demande } from "@/lib/generated/prisma/client";
import { de } from "@/lib/texte/elision";

const TYPE = "DOSSIER_SANTE";

export const dossierIntrouvable = () => new AppError("introuvable", "Cet enfant est introuvable.");

/** `valeurs`: what was saved, as the browser may hold it (the PAI document by its name only). */
export type ResultatSante =
  | { kind: "enregistre"; valeurs: Record<string, string> }
  | { kind: "recapitulatif" }
  | { kind: "erreurs"; errors: Record<string, string>; valeurs: Record<string, string> };

/**
 * Saves the form as typed (complete or not, nothing is lost), then goes to step 2 when asked and complete. The
 * signed PAI (`document`, a file posted with the form) is checked and stored encrypted first; a refused file is
 * an error of its field, the rest is saved all the same. The document's metadata never comes from the browser:
 * it is the one just uploaded, or the one the draft (or, for a new draft, the last validated version) holds,
 * unless the parent asked to remove it (`retirerDocument`).
 */
export async function modifierDossierSante({
  usagerId,
  enfantId,
  values,
  etape2,
  document = null,
  retirerDocument = false,
  now = new Date(),
}: {
  usagerId: string;
  enfantId: string;
  values: Record<string, string>;
  etape2: boolean;
  document?: File | null;
  retirerDocument?: boolean;
  /** today (Europe/Paris) refuses an injection dated in the future */
  now?: Date;
}): Promise<ResultatSante> {
  const televerse = document && document.size > 0 ? await stockerDocumentPai(enfantId, document) : null;
  const nouveau = televerse?.ok ? televerse.document : null;
  try {
    return await db().$transaction(async (tx) => {
      const demande = await verrouillerOuCreer(tx, usagerId, enfantId);
      const garde = nouveau ?? (retirerDocument ? null : await documentEnPlace(tx, demande));
      const saisies = Object.fromEntries(
        Object.entries(values).filter(([champ]) => !(CHAMPS_DOCUMENT_PAI as readonly string[]).includes(champ)),
      );
      const valeurs = { ...saisies, ...valeursDuDocument(garde) };
      const lecture = lireFiche(valeurs, jourParis(now));
      const errors = {
        ...(lecture.ok ? {} : lecture.errors),
        ...(televerse && !televerse.ok ? { paiDocument: televerse.message } : {}),
      };
      const complet = Object.keys(errors).length === 0;
      const vers2 = etape2 && complet;
      await tx.demande.update({
        where: { id: demande.id },
        data: {
          donnees: scellerValeurs(demande.id, valeurs, lecture.ok),
          donneesVersion: VERSION_DONNEES_SANTE,
          etape: vers2 ? 2 : 1,
        },
      });
      const pourLeNavigateur = valeursPourLeNavigateur(valeurs);
      if (!complet) return { kind: "erreurs", errors, valeurs: pourLeNavigateur };
      return vers2 ? { kind: "recapitulatif" } : { kind: "enregistre", valeurs: pourLeNavigateur };
    });
  } catch (error) {
    if (nouveau) await retirerFichierPai(nouveau.cle);
    throw error;
  }
}

/** The PAI document a save keeps: the draft's, or for a draft never saved, the last validated version's. */
async function documentEnPlace(tx: Tx, demande: Demande): Promise<DocumentPai | null> {
  if (lireDonnees(demande.donnees).sante) return documentDesValeurs(ouvrirValeurs(demande));
  if (!demande.enfantId) return null;
  const derniere = await tx.dossierSante.findFirst({
    where: { enfantId: demande.enfantId },
    orderBy: { version: "desc" },
  });
  return derniere ? ouvrirFiche(derniere).paiDocument : null;
}

/** The deposit's check (DEMARCHE_DOSSIER_SANTE): step 1 was complete when last saved. */
export function verifierDepotSante(donnees: unknown): void {
  if (!lireDonnees(donnees).complet)
    throw new AppError("incomplete", "Le dossier santé est incomplet : complétez l'étape 1 avant de valider.");
}

/** Acceptance: the next version of the child's dossier, from the demande's data, validated by its agent. */
export async function accepterDossierSante(tx: Tx, demande: Demande): Promise<string> {
  if (!demande.enfantId) throw new AppError("introuvable", "Cette demande ne désigne aucun enfant.");
  const lecture = lireFiche(ouvrirValeurs(demande));
  if (!lecture.ok)
    throw new AppError("incomplete", "Le dossier santé de cette demande est incomplet : demandez un complément.");
  const derniere = await tx.dossierSante.findFirst({
    where: { enfantId: demande.enfantId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const id = randomUUID();
  const version = (derniere?.version ?? 0) + 1;
  await tx.dossierSante.create({
    data: {
      id,
      enfantId: demande.enfantId,
      version,
      donneesChiffrees: scellerFiche(demande.enfantId, id, lecture.fiche),
      demandeId: demande.id,
      valideeParId: demande.instructeurId,
    },
  });
  await journal(tx, {
    event: "dossier_sante.version",
    actorKind: "AGENT",
    actorId: demande.instructeurId ?? undefined,
    details: { enfantId: demande.enfantId, version },
  });
  return "Le dossier santé de votre enfant est à jour : vous le retrouvez dans Mon accueil, rubrique Dossier santé.";
}

/**
 * This parent's editable update of the child, locked for the transaction; created on the first save (never on
 * a page view), unless another update of the child waits for the agents.
 */
async function verrouillerOuCreer(tx: Tx, usagerId: string, enfantId: string): Promise<Demande> {
  const editable = async () =>
    (
      await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Demande" WHERE "usagerId" = ${usagerId} AND "enfantId" = ${enfantId} AND type = 'DOSSIER_SANTE' AND statut IN ('BROUILLON', 'A_COMPLETER')
        ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`
    )[0];
  let row = await editable();
  if (!row) {
    const [enfant, enAttente] = await Promise.all([
      tx.enfant.findFirst({
        where: { id: enfantId, ...enfantsDuUsager(usagerId) },
        select: {
          prenoms: true,
          familles: { where: { famille: { representants: { some: { usagerId } } } }, select: { familleId: true } },
        },
      }),
      tx.demande.findFirst({ where: { enfantId, type: TYPE, statut: { in: EN_COURS } }, select: { numero: true } }),
    ]);
    if (!enfant) throw dossierIntrouvable();
    if (enAttente)
      throw new AppError(
        "en_attente",
        `Une mise à jour du dossier santé ${de(enfant.prenoms)} est déjà en cours de traitement (demande N° ${enAttente.numero}).`,
      );
    // ON CONFLICT: two first saves at once (two tabs) make one draft, not an error.
    await tx.$executeRaw`
      INSERT INTO "Demande" (id, type, statut, "usagerId", "enfantId", "familleId", "brouillonUnique", donnees, "donneesVersion", "updatedAt")
      VALUES (${randomUUID()}, 'DOSSIER_SANTE', 'BROUILLON', ${usagerId}, ${enfantId}, ${enfant.familles[0]?.familleId ?? null}, ${`${usagerId}:${TYPE}:${enfantId}`}, '{}'::jsonb, ${VERSION_DONNEES_SANTE}, now())
      ON CONFLICT ("brouillonUnique") DO NOTHING`;
    row = await editable();
  }
  return tx.demande.findUniqueOrThrow({ where: { id: row!.id } });
}
