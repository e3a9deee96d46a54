// The piece attached to a message of Échanges, for the parent who owns the demande or an agent (each agent
// read journaled); anyone else gets the same 404 as for a message that does not exist.
import { lecteurConnecte } from "@/lib/auth/current";
import { pieceDuMessage } from "@/lib/domain/demande/messages";
import { journaliser } from "@/lib/journal";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const acteur = await lecteurConnecte();
  const piece = acteur && /^[0-9a-f-]{36}$/.test(id) ? await pieceDuMessage(acteur, id) : null;
  if (!acteur || !piece) return fichierIntrouvable();
  if (acteur.kind === "AGENT") {
    await journaliser({
      event: "demande.piece_consultee",
      actorKind: "AGENT",
      actorId: acteur.agentId,
      details: { message: id },
    });
  }
  return reponseFichierPrive(piece);
}
