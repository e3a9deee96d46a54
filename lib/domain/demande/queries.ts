// Reads of demandes, always scoped by their owner: a usager reaches only their own, anything else is "not found".
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import type { StatutDemande } from "@/lib/generated/prisma/client";

/** "Mes demandes" on Mon accueil: the drafts first, then the newest deposits. */
export async function mesDemandes(usagerId: string) {
  const demandes = await db().demande.findMany({
    where: { usagerId },
    select: {
      id: true,
      numero: true,
      type: true,
      donnees: true,
      statut: true,
      createdAt: true,
      deposeeAt: true,
      enfantId: true,
      enfant: { select: { prenoms: true } },
      _count: { select: { messages: { where: { auteur: "AGENT", interne: false, luAt: null } } } },
    },
    orderBy: [{ deposeeAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return demandes.map(({ _count, ...demande }) => ({ ...demande, nonLus: _count.messages }));
}

export async function demandeDuUsager(usagerId: string, numero: number) {
  return db().demande.findFirst({
    where: { usagerId, numero, statut: { not: "BROUILLON" } },
    include: {
      usager: true,
      historique: { orderBy: { id: "asc" } },
      messages: { where: { interne: false }, orderBy: { createdAt: "asc" } },
    },
  });
}

/** The demande a suivi link points to, if it belongs to that usager. */
export async function numeroParSuivi(usagerId: string, token: string): Promise<number | null> {
  const demande = await db().demande.findFirst({
    where: { suiviTokenHash: hashToken(token), usagerId },
    select: { numero: true },
  });
  return demande?.numero ?? null;
}

/** A pending Ajout de famille: the parent cannot declare a second family meanwhile. */
export const EN_COURS: StatutDemande[] = ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"];
