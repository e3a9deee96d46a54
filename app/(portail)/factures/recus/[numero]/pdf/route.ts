// A reçu's PDF for a representant of the family that paid; any other caller gets the same 404 as for a number
// that does not exist.
import { lecteurConnecte } from "@/lib/auth/current";
import { NUMERO_RECU, pdfDeRecu } from "@/lib/domain/paiement/recu";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ numero: string }> }) {
  const { numero } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "USAGER" || !NUMERO_RECU.test(numero)) return fichierIntrouvable();
  const pdf = await pdfDeRecu({ usagerId: lecteur.usagerId }, numero);
  if (!pdf) return fichierIntrouvable();
  return reponseFichierPrive({ bytes: pdf.bytes, type: "application/pdf", nom: pdf.nom });
}
