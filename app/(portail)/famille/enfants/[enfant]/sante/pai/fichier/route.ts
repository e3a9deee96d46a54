// A child's signed PAI, for a representant of the child's family (?demande=<id> a demande's, ?version=<n> a
// version's, else the last validated version's); anyone else (no session, an agent, another family) gets the
// same 404 as for a document that does not exist. The agents' own route checks their access to health data.
import { lecteurConnecte } from "@/lib/auth/current";
import { documentPaiPourUsager } from "@/lib/domain/sante/queries-pai";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(request: Request, { params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "USAGER") return fichierIntrouvable();
  const recherche = new URL(request.url).searchParams;
  const fichier = await documentPaiPourUsager(lecteur.usagerId, enfantId, {
    demande: recherche.get("demande"),
    version: recherche.get("version"),
  });
  return fichier ? reponseFichierPrive(fichier) : fichierIntrouvable();
}
