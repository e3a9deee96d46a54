// A piece of a family, for its representants or an agent (each agent read journaled); anyone else gets the
// same 404 as for a piece that does not exist.
import { lecteurConnecte } from "@/lib/auth/current";
import { journaliser } from "@/lib/journal";
import { pieceALire } from "@/lib/domain/piece/pieces";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const acteur = await lecteurConnecte();
  const piece = acteur && /^[0-9a-f-]{36}$/.test(id) ? await pieceALire(acteur, id) : null;
  if (!acteur || !piece) return fichierIntrouvable();
  if (acteur.kind === "AGENT")
    await journaliser({
      event: "piece.consultee",
      actorKind: "AGENT",
      actorId: acteur.agentId,
      details: { piece: id },
    });
  return reponseFichierPrive({ bytes: piece.bytes, type: piece.mime, nom: piece.nom });
}
