// The health detail of a child on the day's list (allergies, diets, P.A.I., the parents' comment), for an agent
// with the permission SANTE only (AccesSanteRefuse otherwise, before anything is decrypted); each opening is
// journaled, never with the data itself.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { exigerAccesSante } from "@/lib/domain/sante/acces-agent";
import { ouvrirFiche } from "@/lib/domain/sante/coffre";

export async function detailSantePointage(agentId: string, enfantId: string) {
  await exigerAccesSante(agentId);
  if (!/^[0-9a-f-]{36}$/.test(enfantId)) return null;
  const enfant = await db().enfant.findFirst({
    where: { id: enfantId, inscriptions: { some: { statut: "ACTIVE" } } },
    select: {
      id: true,
      prenoms: true,
      nom: true,
      dateNaissance: true,
      dossiersSante: { orderBy: { version: "desc" }, take: 1 },
      // the console's link to its signed PAI names the family
      familles: { select: { familleId: true }, take: 1 },
    },
  });
  if (!enfant) return null;
  const version = enfant.dossiersSante[0];
  await journal(db(), {
    event: "pointage.sante_detail",
    actorKind: "AGENT",
    actorId: agentId,
    details: { enfantId, version: version?.version ?? null },
  });
  return {
    enfant: {
      id: enfant.id,
      prenoms: enfant.prenoms,
      nom: enfant.nom,
      dateNaissance: enfant.dateNaissance,
      familleId: enfant.familles[0]?.familleId ?? null,
    },
    version: version ? { version: version.version, valideeAt: version.valideeAt, fiche: ouvrirFiche(version) } : null,
  };
}
