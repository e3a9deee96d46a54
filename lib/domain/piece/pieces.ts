// The family's pièces justificatives (the seed's "espace de stockage sécurisé"): each file is checked by its
// bytes, stored once under a random key with its hash, and may be used by several demandes (the livret de
// famille of an inscription picked again for the next one). Only the family and the agents reach them.
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { checkUpload, PIECE_RULE } from "@/lib/storage/upload-check";
import { nomAvecExtension } from "@/lib/storage/nom-fichier";
import { getStorage } from "@/lib/storage/storage";
import { foyerDuParent, piecesDuFoyer, type Foyer } from "@/lib/domain/inscription/foyer";
import { debutValidite } from "@/lib/domain/inscription/reprise";
import { lireDonnees, PIECES } from "@/lib/domain/inscription/regles";
import { pdfLisible } from "@/lib/domain/piece/pdf";
import type { TypePiece } from "@/lib/generated/prisma/enums";

export const pieceIntrouvable = () => new AppError("introuvable", "Ce document est introuvable.");

export function lireTypePiece(valeur: unknown): TypePiece | null {
  return typeof valeur === "string" && valeur in PIECES ? (valeur as TypePiece) : null;
}

/** A name safe to show and to put in a Content-Disposition header. */
function nomDeFichier(nom: string): string {
  const propre = nom
    .replace(/[\\/\r\n"]/g, "_")
    .replace(/\p{Cc}/gu, "")
    .trim();
  return (propre || "document").slice(-120);
}

/** The file as the parent sent it, judged by its bytes: a French message when it cannot be kept. */
export async function verifierFichier(
  fichier: FormDataEntryValue | null,
): Promise<{ bytes: Uint8Array; mime: string; nom: string }> {
  if (!(fichier instanceof File)) throw new AppError("fichier", "Choisissez un fichier.", "fichier");
  if (fichier.size === 0) throw new AppError("vide", "Le fichier est vide : choisissez un autre fichier.", "fichier");
  const check = await checkUpload(fichier, PIECE_RULE);
  if (!check.ok) throw new AppError("refuse", check.message, "fichier");
  if (check.mime === "application/pdf" && !pdfLisible(check.bytes)) {
    throw new AppError(
      "pdf",
      "Ce PDF est illisible (abîmé ou protégé par un mot de passe) : enregistrez-le de nouveau ou envoyez une photo du document.",
      "fichier",
    );
  }
  return { bytes: check.bytes, mime: check.mime, nom: nomAvecExtension(nomDeFichier(fichier.name), check.mime) };
}

/** The caller's editable INSCRIPTION, locked for the transaction. */
async function brouillonVerrouille(tx: Tx, usagerId: string, demandeId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Demande" WHERE id = ${demandeId} AND "usagerId" = ${usagerId} AND type = 'INSCRIPTION' AND statut IN ('BROUILLON', 'A_COMPLETER') FOR UPDATE`;
  if (!row) throw new AppError("introuvable", "Cette inscription est introuvable.");
  const demande = await tx.demande.findUniqueOrThrow({ where: { id: demandeId } });
  const donnees = lireDonnees(demande.donnees);
  if (!donnees) throw new AppError("introuvable", "Cette inscription est introuvable.");
  return { demande, donnees };
}

/** Puts the piece in the demande's slot for its type (replacing the one there). */
async function attacher(tx: Tx, usagerId: string, demandeId: string, piece: { id: string; type: TypePiece }) {
  const { donnees } = await brouillonVerrouille(tx, usagerId, demandeId);
  const avant = donnees.pieces[piece.type];
  if (avant) await tx.demandePiece.deleteMany({ where: { demandeId, pieceId: avant } });
  await tx.demandePiece.upsert({
    where: { demandeId_pieceId: { demandeId, pieceId: piece.id } },
    create: { demandeId, pieceId: piece.id },
    update: {},
  });
  await tx.demande.update({
    where: { id: demandeId },
    data: { donnees: { ...donnees, pieces: { ...donnees.pieces, [piece.type]: piece.id } } },
  });
}

export type PieceVue = { id: string; type: TypePiece; nom: string; taille: number; mime: string; uploadedAt: Date };
const VUE = { id: true, type: true, nom: true, taille: true, mime: true, uploadedAt: true } as const;

/**
 * AJOUTER LA PIÈCE À FOURNIR (or a document added in Mes documents): the file is stored first, then its row
 * (and its place in the demande) in one transaction; when that fails, the file is removed, so nothing
 * half-stored remains.
 */
export async function deposerPiece({
  usagerId,
  type,
  fichier,
  demandeId,
}: {
  usagerId: string;
  type: TypePiece;
  fichier: FormDataEntryValue | null;
  demandeId?: string | null;
}): Promise<PieceVue> {
  const { bytes, mime, nom } = await verifierFichier(fichier);
  // before the family is accepted, a piece is the parent's own (familleId null) until the acceptance gives it
  const { familleId } = await foyerDuParent(db(), usagerId);
  const storageKey = await getStorage().put(bytes);
  try {
    return await db().$transaction(async (tx) => {
      const piece = await tx.pieceJustificative.create({
        data: {
          familleId,
          type,
          storageKey,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          taille: bytes.length,
          mime,
          nom,
          usagerId,
        },
        select: VUE,
      });
      if (demandeId) await attacher(tx, usagerId, demandeId, piece);
      await journal(tx, {
        event: "piece.deposee",
        actorKind: "USAGER",
        actorId: usagerId,
        details: { piece: piece.id, type },
      });
      return piece;
    });
  } catch (error) {
    await getStorage().remove(storageKey);
    throw error;
  }
}

/** A document already in Mes documents, picked for this inscription instead of being uploaded again. */
export async function joindrePiece({
  usagerId,
  demandeId,
  pieceId,
}: {
  usagerId: string;
  demandeId: string;
  pieceId: string;
}): Promise<PieceVue> {
  return db().$transaction(async (tx) => {
    const foyer = await foyerDuParent(tx, usagerId);
    const piece = await tx.pieceJustificative.findFirst({
      where: { id: pieceId, ...piecesDuFoyer(foyer, usagerId) },
      select: VUE,
    });
    if (!piece) throw pieceIntrouvable();
    await attacher(tx, usagerId, demandeId, piece);
    return piece;
  });
}

/** Takes the piece of that type out of the draft (the document stays in Mes documents). */
export async function retirerPiece({
  usagerId,
  demandeId,
  type,
}: {
  usagerId: string;
  demandeId: string;
  type: TypePiece;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const { donnees } = await brouillonVerrouille(tx, usagerId, demandeId);
    const pieceId = donnees.pieces[type];
    if (!pieceId) return;
    await tx.demandePiece.deleteMany({ where: { demandeId, pieceId } });
    const pieces = { ...donnees.pieces };
    delete pieces[type];
    await tx.demande.update({ where: { id: demandeId }, data: { donnees: { ...donnees, pieces } } });
  });
}

/** Mes documents: every piece of the family, newest first, with the deposited demandes using it. */
export async function mesDocuments(usagerId: string) {
  const representant = await db().representant.findFirst({ where: { usagerId }, select: { familleId: true } });
  if (!representant) return null;
  return db().pieceJustificative.findMany({
    where: { familleId: representant.familleId },
    orderBy: { uploadedAt: "desc" },
    select: {
      ...VUE,
      demandes: {
        where: { demande: { numero: { not: null } } },
        select: { demande: { select: { numero: true, type: true, statut: true, donnees: true } } },
      },
    },
  });
}

/** The family's documents of the types asked, uploaded from six months before the year begins (its enrolment season). */
export async function piecesReutilisables(foyer: Foyer, usagerId: string, depuis: Date): Promise<PieceVue[]> {
  return db().pieceJustificative.findMany({
    where: { ...piecesDuFoyer(foyer, usagerId), uploadedAt: { gte: debutValidite(depuis) } },
    orderBy: { uploadedAt: "desc" },
    select: VUE,
  });
}

/** A piece's bytes for the family's representants or an agent; null for anyone else (404). */
export async function pieceALire(
  acteur: { kind: "USAGER"; usagerId: string } | { kind: "AGENT"; agentId: string },
  pieceId: string,
) {
  const piece = await db().pieceJustificative.findFirst({
    where: {
      id: pieceId,
      ...(acteur.kind === "USAGER"
        ? {
            OR: [
              { famille: { representants: { some: { usagerId: acteur.usagerId } } } },
              // sent while the family waited for its acceptance: the parent's own
              { familleId: null, usagerId: acteur.usagerId },
            ],
          }
        : {}),
    },
    select: { storageKey: true, nom: true, mime: true },
  });
  if (!piece) return null;
  const bytes = await getStorage().get(piece.storageKey);
  return bytes ? { bytes, nom: piece.nom, mime: piece.mime } : null;
}

/** The pieces a demande uses (the caller has already checked it may see the demande). */
export async function piecesDeLaDemande(demandeId: string): Promise<PieceVue[]> {
  return (
    await db().demandePiece.findMany({
      where: { demandeId },
      select: { piece: { select: VUE } },
      orderBy: { createdAt: "asc" },
    })
  ).map((d) => d.piece);
}
