// Reads of a family's inscriptions, for its own space.
import { db } from "@/lib/db";
import { libelleDemande } from "@/lib/domain/demarches";
import { foyerDuParentOuNull } from "@/lib/domain/inscription/foyer";

/** A child's inscriptions as the parent follows them: each deposited demande with its state, newest year first. */
export async function inscriptionsDeLEnfant(familleId: string, enfantId: string) {
  const demandes = await db().demande.findMany({
    where: {
      familleId,
      type: "INSCRIPTION",
      numero: { not: null },
      statut: { not: "ANNULEE" },
      donnees: { path: ["enfantId"], equals: enfantId },
    },
    select: { id: true, numero: true, type: true, statut: true, donnees: true },
    orderBy: { deposeeAt: "desc" },
  });
  return demandes.map((d) => ({ id: d.id, numero: d.numero as number, statut: d.statut, libelle: libelleDemande(d) }));
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
