// The recap of a deposited inscription, for its parent's suivi or an agent's console. For an agent, the
// P.A.I.'s object is opened (and journaled) by the domain query, only with the permission SANTE.
import { recapInscription } from "@/lib/domain/inscription/recap";
import { recapInscriptionPourAgent } from "@/lib/domain/sante/queries-agent";
import { RecapInscription } from "@/components/inscription/RecapInscription";

export async function RecapDemandeInscription({
  demande,
  agentId,
}: {
  demande: { id: string; numero: number | null; familleId: string | null; donnees: unknown };
  agentId?: string;
}) {
  const recap = agentId ? await recapInscriptionPourAgent(agentId, demande) : await recapInscription(demande);
  if (!recap) return <p>Les données de cette inscription sont illisibles.</p>;
  return <RecapInscription recap={recap} />;
}
