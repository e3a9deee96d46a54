// A child's signed PAI for the console (?demande=<id> a deposited demande's, ?version=<n> a version's, else the
// last validated version's): 403 for an agent without the access to health data, each reading journaled by the
// query; no session or a citizen: the same 404 as for a document that does not exist.
import { lecteurConnecte } from "@/lib/auth/current";
import { AccesSanteRefuse } from "@/lib/domain/sante/acces-agent";
import { documentPaiPourAgent } from "@/lib/domain/sante/queries-pai";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; enfant: string }> }) {
  const { id: familleId, enfant: enfantId } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "AGENT") return fichierIntrouvable();
  const recherche = new URL(request.url).searchParams;
  try {
    const fichier = await documentPaiPourAgent(lecteur.agentId, familleId, enfantId, {
      demande: recherche.get("demande"),
      version: recherche.get("version"),
    });
    return fichier ? reponseFichierPrive(fichier) : fichierIntrouvable();
  } catch (error) {
    if (error instanceof AccesSanteRefuse)
      return new Response(error.message, {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    throw error;
  }
}
