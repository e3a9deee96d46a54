// Reads of the dossier santé, always reached through the caller's own family: a child of another family is
// "not found". The agents' read is in queries-agent.ts, where it is journaled.
import { db } from "@/lib/db";
import { EN_COURS } from "@/lib/domain/demande/queries";
import { ouvrirFiche, ouvrirValeurs } from "@/lib/domain/sante/coffre";
import { lireFiche } from "@/lib/domain/sante/schemas";
import type { Prisma, StatutDemande } from "@/lib/generated/prisma/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The children of the families this space is a representant of. */
export const enfantsDuUsager = (usagerId: string): Prisma.EnfantWhereInput => ({
  familles: { some: { famille: { representants: { some: { usagerId } } } } },
});

export const EDITABLES: StatutDemande[] = ["BROUILLON", "A_COMPLETER"];

export async function enfantDuUsager(usagerId: string, enfantId: string) {
  if (!UUID.test(enfantId)) return null;
  return db().enfant.findFirst({
    where: { id: enfantId, ...enfantsDuUsager(usagerId) },
    select: { id: true, prenoms: true, nom: true, dateNaissance: true },
  });
}

/**
 * GÉRER LE DOSSIER SANTÉ: the child, the last validated version (opened), the update this parent is writing
 * (a draft, or one sent back « à compléter ») and the one waiting for the agents (deposited by either parent).
 */
export async function dossierSanteDuUsager(usagerId: string, enfantId: string) {
  const enfant = await enfantDuUsager(usagerId, enfantId);
  if (!enfant) return null;
  const [derniere, demandes] = await Promise.all([
    db().dossierSante.findFirst({ where: { enfantId }, orderBy: { version: "desc" } }),
    db().demande.findMany({
      // another parent's draft is theirs alone; what is deposited concerns the whole family
      where: {
        enfantId,
        type: "DOSSIER_SANTE",
        OR: [{ usagerId, statut: { in: EDITABLES } }, { statut: { in: ["DEPOSEE", "EN_INSTRUCTION"] } }],
      },
      select: { id: true, numero: true, statut: true, usagerId: true, etape: true, donnees: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  // the values this parent typed, opened here so that pages never decrypt
  const editable = demandes.find((demande) => demande.usagerId === usagerId && EDITABLES.includes(demande.statut));
  return {
    enfant,
    derniere: derniere
      ? { version: derniere.version, valideeAt: derniere.valideeAt, fiche: ouvrirFiche(derniere) }
      : null,
    editable: editable ? { ...editable, valeurs: ouvrirValeurs(editable) } : null,
    enAttente: demandes.find((demande) => demande.statut === "DEPOSEE" || demande.statut === "EN_INSTRUCTION") ?? null,
  };
}

/** The update a dossier santé demande asks for, opened for its owner's suivi (null when unreadable). */
export function ficheDeLaDemande(demande: { id: string; donnees: Prisma.JsonValue }) {
  const lecture = lireFiche(ouvrirValeurs(demande));
  return lecture.ok ? lecture.fiche : null;
}

export type EtatSante = { derniereMiseAJour: Date | null; enAttente: number | null };

/** For the children's cards of Mon accueil (ids from the caller's own family): no health data, only dates. */
export async function etatsSante(enfantIds: string[]): Promise<Map<string, EtatSante>> {
  if (enfantIds.length === 0) return new Map();
  // the latest validated version and the update in progress of each child, in one statement (relationJoins)
  const enfants = await db().enfant.findMany({
    where: { id: { in: enfantIds } },
    select: {
      id: true,
      dossiersSante: { orderBy: { valideeAt: "desc" }, take: 1, select: { valideeAt: true } },
      demandes: {
        where: { type: "DOSSIER_SANTE", statut: { in: EN_COURS } },
        take: 1,
        select: { numero: true },
      },
    },
  });
  return new Map(
    enfantIds.map((id) => {
      const enfant = enfants.find((e) => e.id === id);
      return [
        id,
        {
          derniereMiseAJour: enfant?.dossiersSante[0]?.valideeAt ?? null,
          enAttente: enfant?.demandes[0]?.numero ?? null,
        },
      ];
    }),
  );
}

/** "Rechercher un médecin": the commune's directory, by name or commune (at most 10). */
export async function rechercherMedecins(recherche: string) {
  const texte = recherche.trim().slice(0, 100);
  if (texte.length < 2) return [];
  const contient = { contains: texte, mode: "insensitive" } as const;
  return db().medecin.findMany({
    where: { actif: true, OR: [{ nom: contient }, { prenom: contient }, { commune: contient }] },
    orderBy: [{ nom: "asc" }, { prenom: "asc" }],
    take: 10,
  });
}

export const medecinParId = (id: string) =>
  UUID.test(id) ? db().medecin.findFirst({ where: { id, actif: true } }) : null;
