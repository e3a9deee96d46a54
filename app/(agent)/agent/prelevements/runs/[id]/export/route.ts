// A run's pain.008 file, for administrators only, like its page (the families' IBANs are in it): a download under
// the policy of every file the portal hands back; a run that does not exist, or was sent in the PES titles, 404.
import { requireAgent } from "@/lib/auth/current";
import { fichierPain008 } from "@/lib/domain/prelevement/pain008-fichier";
import { fichierIntrouvable, POLITIQUE_FICHIER } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { agent } = await requireAgent("ADMIN");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return fichierIntrouvable();
  const fichier = await fichierPain008(id, { agentId: agent.id });
  if (!fichier) return fichierIntrouvable();
  const bytes = Buffer.from(fichier.xml, "utf8");
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${fichier.nom}"`,
      "Content-Security-Policy": POLITIQUE_FICHIER,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
