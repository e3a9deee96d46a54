// The household's attestation fiscale of a year, for one of its representants only.
import { lecteurConnecte } from "@/lib/auth/current";
import { pdfAttestation } from "@/lib/domain/facturation/documents";
import { familleDeLUsager } from "@/lib/domain/facturation/queries";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ annee: string }> }) {
  const { annee } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "USAGER" || !/^20\d\d$/.test(annee)) return fichierIntrouvable();
  const familleId = await familleDeLUsager(lecteur.usagerId);
  const pdf = familleId ? await pdfAttestation(familleId, Number(annee), new Date()) : null;
  if (!pdf) return fichierIntrouvable();
  return reponseFichierPrive({ bytes: pdf.bytes, type: "application/pdf", nom: pdf.nom });
}
