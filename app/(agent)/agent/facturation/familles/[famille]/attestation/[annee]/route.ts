// A household's attestation fiscale of a year, for an agent (a usager or nobody: 404).
import { lecteurConnecte } from "@/lib/auth/current";
import { pdfAttestation } from "@/lib/domain/facturation/documents";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ famille: string; annee: string }> }) {
  const { famille, annee } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "AGENT" || !/^[0-9a-f-]{36}$/.test(famille) || !/^20\d\d$/.test(annee)) {
    return fichierIntrouvable();
  }
  const pdf = await pdfAttestation(famille, Number(annee), new Date());
  if (!pdf) return fichierIntrouvable();
  return reponseFichierPrive({ bytes: pdf.bytes, type: "application/pdf", nom: pdf.nom });
}
