// An invoice's PDF for a representant of its household; any other caller gets the same 404 as for a number
// that does not exist.
import { lecteurConnecte } from "@/lib/auth/current";
import { pdfDeFacture } from "@/lib/domain/facturation/documents";
import { NUMERO } from "@/lib/argent/numerotation";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ numero: string }> }) {
  const { numero } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "USAGER" || !NUMERO.test(numero)) return fichierIntrouvable();
  const pdf = await pdfDeFacture({ usagerId: lecteur.usagerId }, numero, new Date());
  if (!pdf) return fichierIntrouvable();
  return reponseFichierPrive({ bytes: pdf.bytes, type: "application/pdf", nom: pdf.nom });
}
