// Reads of a family's inscriptions, for its own space.
import { db } from "@/lib/db";
import { libelleDemande } from "@/lib/domain/demande/types";

/** A child's inscriptions as the parent follows them: each deposited demande with its state, newest year first. */
export async function inscriptionsDeLEnfant(familleId: string, enfantId: string) {
  const demandes = await db().demande.findMany({
    where: { familleId, type: "INSCRIPTION", numero: { not: null }, statut: { not: "ANNULEE" }, donnees: { path: ["enfantId"], equals: enfantId } },
    select: { id: true, numero: true, type: true, statut: true, donnees: true },
    orderBy: { deposeeAt: "desc" },
  });
  return demandes.map((d) => ({ id: d.id, numero: d.numero as number, statut: d.statut, libelle: libelleDemande(d) }));
}
