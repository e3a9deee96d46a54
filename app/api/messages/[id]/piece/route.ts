// The piece attached to a message of Échanges, for the parent who owns the demande or an agent; anyone
// else gets the same 404 as for a message that does not exist.
import { currentSession } from "@/lib/auth/current";
import { pieceDuMessage } from "@/lib/domain/demande/messages";
import { journal } from "@/lib/journal";
import { db } from "@/lib/db";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await currentSession();
  const acteur =
    session?.kind === "USAGER"
      ? ({ kind: "USAGER", usagerId: session.usager.id } as const)
      : session?.kind === "AGENT"
        ? ({ kind: "AGENT", agentId: session.agent.id } as const)
        : null;
  const piece = acteur && /^[0-9a-f-]{36}$/.test(id) ? await pieceDuMessage(acteur, id) : null;
  if (!piece) return new Response("Introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  if (acteur?.kind === "AGENT") {
    await journal(db(), { event: "demande.piece_consultee", actorKind: "AGENT", actorId: acteur.agentId, details: { message: id } });
  }
  return new Response(Buffer.from(piece.bytes), {
    headers: {
      "Content-Type": piece.type,
      "Content-Length": String(piece.bytes.length),
      // shown in the browser (PDF, image), under its own name; never run as a page of the portal
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(piece.nom)}`,
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
