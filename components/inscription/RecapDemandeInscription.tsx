// The recap of a deposited inscription, for its parent's suivi or an agent's console. An agent reading a
// P.A.I. request reads health data: the journal records it (without the data).
import { journaliser } from "@/lib/journal";
import { recapInscription } from "@/lib/domain/inscription/recap";
import { RecapInscription } from "@/components/inscription/RecapInscription";

export async function RecapDemandeInscription({
  demande,
  agentId,
}: {
  demande: { id: string; numero: number | null; familleId: string | null; donnees: unknown };
  agentId?: string;
}) {
  const recap = await recapInscription(demande);
  if (!recap) return <p>Les données de cette inscription sont illisibles.</p>;
  if (agentId && recap.pai)
    await journaliser({
      event: "inscription.pai_consulte",
      actorKind: "AGENT",
      actorId: agentId,
      details: { numero: demande.numero },
    });
  return <RecapInscription recap={recap} />;
}
