// A piece of a family, for its representants or an agent (each agent read journaled); anyone else gets the
// same 404 as for a piece that does not exist.
import { currentSession } from "@/lib/auth/current";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { pieceALire } from "@/lib/domain/piece/pieces";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await currentSession();
  const acteur =
    session?.kind === "USAGER"
      ? ({ kind: "USAGER", usagerId: session.usager.id } as const)
      : session?.kind === "AGENT" && !session.session.mfaEnAttente
        ? ({ kind: "AGENT", agentId: session.agent.id } as const)
        : null;
  const piece = acteur && /^[0-9a-f-]{36}$/.test(id) ? await pieceALire(acteur, id) : null;
  if (!piece) return new Response("Introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  if (acteur?.kind === "AGENT") await journal(db(), { event: "piece.consultee", actorKind: "AGENT", actorId: acteur.agentId, details: { piece: id } });
  return new Response(Buffer.from(piece.bytes), {
    headers: {
      "Content-Type": piece.mime,
      "Content-Length": String(piece.bytes.length),
      // shown in the browser (PDF, image) under its own name; never run as a page of the portal
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(piece.nom)}`,
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
