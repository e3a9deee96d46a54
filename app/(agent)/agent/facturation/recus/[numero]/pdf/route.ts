// Any reçu's PDF, for an agent of the console (a usager or nobody: 404).
import { lecteurConnecte } from "@/lib/auth/current";
import { NUMERO_RECU, pdfDeRecu } from "@/lib/domain/paiement/recu";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ numero: string }> }) {
  const { numero } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "AGENT" || !NUMERO_RECU.test(numero)) return fichierIntrouvable();
  const pdf = await pdfDeRecu({ agent: true }, numero);
  if (!pdf) return fichierIntrouvable();
  return reponseFichierPrive({ bytes: pdf.bytes, type: "application/pdf", nom: pdf.nom });
}
