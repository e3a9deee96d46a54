// Reads of a family's inscriptions, for its own space.
import { db } from "@/lib/db";
import { intituleDemande } from "@/lib/domain/demande/demarche";
import { DEMARCHE_INSCRIPTION } from "@/lib/domain/inscription/demarche";
import { foyerDuParentOuNull } from "@/lib/domain/inscription/foyer";
import type { StatutDemande } from "@/lib/generated/prisma/enums";

/** A child's inscriptions as the parent follows them: each deposited demande with its state, newest year first. */
export type InscriptionDeLEnfant = { id: string; numero: number; statut: StatutDemande; libelle: string };

/**
 * The inscriptions of every child of the family, each with the state of its demande, newest first: one read
 * for all the children's cards of Mon accueil.
 */
export async function inscriptionsDesEnfants(familleId: string): Promise<Map<string, InscriptionDeLEnfant[]>> {
  const demandes = await db().demande.findMany({
    where: { familleId, type: "INSCRIPTION", numero: { not: null }, statut: { not: "ANNULEE" } },
    select: { id: true, numero: true, type: true, statut: true, donnees: true },
    orderBy: { deposeeAt: "desc" },
  });
  const parEnfant = new Map<string, InscriptionDeLEnfant[]>();
  for (const d of demandes) {
    const enfantId = (d.donnees as { enfantId?: unknown } | null)?.enfantId;
    if (typeof enfantId !== "string") continue;
    const inscription = {
      id: d.id,
      numero: d.numero as number,
      statut: d.statut,
      libelle: intituleDemande({ INSCRIPTION: DEMARCHE_INSCRIPTION }, d),
    };
    parEnfant.set(enfantId, [...(parEnfant.get(enfantId) ?? []), inscription]);
  }
  return parEnfant;
}

/**
 * Where each child goes, for its card on Mon accueil: the lieu (school) and groupe of its latest accepted
 * inscription, the most recent school year first.
 */
export async function scolariteDesEnfants(familleId: string): Promise<Map<string, { ecole: string; groupe: string }>> {
  const inscriptions = await db().inscription.findMany({
    where: { familleId, statut: "ACTIVE" },
    select: { enfantId: true, lieu: { select: { nom: true } }, groupe: { select: { libelle: true } } },
    orderBy: [{ annee: { dateDebut: "desc" } }, { createdAt: "desc" }],
  });
  const scolarite = new Map<string, { ecole: string; groupe: string }>();
  for (const inscription of inscriptions) {
    if (!scolarite.has(inscription.enfantId))
      scolarite.set(inscription.enfantId, { ecole: inscription.lieu.nom, groupe: inscription.groupe.libelle });
  }
  return scolarite;
}

/** The family, or the deposited declaration still waiting, the parent creates inscriptions for; null if neither. */
export function foyerDuUsager(usagerId: string) {
  return foyerDuParentOuNull(db(), usagerId);
}
