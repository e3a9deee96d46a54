// The children's current dossier santé (their last validated version), decrypted, as the day's lists and the
// kitchen order need it: the flags the staff watch (allergies, P.A.I., diets). Only called once the caller's
// right to it is settled: an agent with the permission SANTE (the read journaled by the caller), or the kitchen
// order's counts without names.
import type { Tx } from "@/lib/db";
import { ouvrirFiche } from "@/lib/domain/sante/coffre";
import { libellesAllergies, libellesHabitudes } from "@/lib/domain/sante/schemas";

export type Drapeaux = { allergies: string[]; regimes: string[]; pai: boolean };

export async function drapeauxSante(client: Tx, enfantIds: string[]): Promise<Map<string, Drapeaux>> {
  if (enfantIds.length === 0) return new Map();
  const versions = await client.dossierSante.findMany({
    where: { enfantId: { in: [...new Set(enfantIds)] } },
    orderBy: [{ enfantId: "asc" }, { version: "desc" }],
    distinct: ["enfantId"],
    select: { id: true, enfantId: true, donneesChiffrees: true },
  });
  return new Map(
    versions.map((version) => {
      const fiche = ouvrirFiche(version);
      return [
        version.enfantId,
        { allergies: libellesAllergies(fiche), regimes: libellesHabitudes(fiche), pai: fiche.pai },
      ];
    }),
  );
}
