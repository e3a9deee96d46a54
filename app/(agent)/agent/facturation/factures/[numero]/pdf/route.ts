// Any invoice's PDF, for an agent of the console (a usager or nobody: 404).
import { lecteurConnecte } from "@/lib/auth/current";
import { pdfDeFacture } from "@/lib/domain/facturation/documents";
import { NUMERO } from "@/lib/argent/numerotation";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ numero: string }> }) {
  const { numero } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "AGENT" || !NUMERO.test(numero)) return fichierIntrouvable();
  const pdf = await pdfDeFacture({ agent: true }, numero, new Date());
  if (!pdf) return fichierIntrouvable();
  return reponseFichierPrive({ bytes: pdf.bytes, type: "application/pdf", nom: pdf.nom });
}
