// A bordereau's PES file, for administrators only: the debited families' IBANs are in it, made again from what the bordereau holds and
// checked first: a mandatory value missing answers 422 with the French reason instead of a file.
import { requireAgent } from "@/lib/auth/current";
import { journaliser } from "@/lib/journal";
import { fichierBordereau } from "@/lib/domain/pes/fichier";
import { fichierIntrouvable, POLITIQUE_FICHIER } from "@/lib/storage/reponse";

const UUID = /^[0-9a-f-]{36}$/;

export async function GET(_request: Request, { params }: { params: Promise<{ bordereau: string }> }) {
  const { bordereau } = await params;
  // anonymous to the login, a citizen 404, an agent 403, like every administrators' page
  const { agent } = await requireAgent("ADMIN");
  if (!UUID.test(bordereau)) return fichierIntrouvable();
  const fichier = await fichierBordereau(bordereau);
  if (!fichier) return fichierIntrouvable();
  if (!fichier.ok) {
    return new Response(`Le fichier PES est refusé :\n${fichier.raisons.join("\n")}\n`, {
      status: 422,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  // who took the file the comptable receives: it carries the debited families' accounts
  await journaliser({
    event: "pes.telecharge",
    actorKind: "AGENT",
    actorId: agent.id,
    details: { bordereauId: bordereau },
  });
  return new Response(Buffer.from(fichier.bytes), {
    headers: {
      "Content-Type": "application/xml; charset=ISO-8859-1",
      "Content-Length": String(fichier.bytes.length),
      "Content-Disposition": `attachment; filename="${fichier.nom}"`,
      "Content-Security-Policy": POLITIQUE_FICHIER,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
