// The full mandate (IBAN whole) for a representant of its family; any other caller gets the same 404 as for a
// RUM that does not exist.
import { lecteurConnecte } from "@/lib/auth/current";
import { pdfDeMandat } from "@/lib/domain/prelevement/mandat-pdf";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ rum: string }> }) {
  const { rum } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "USAGER" || !/^[A-Z0-9-]{1,35}$/.test(rum)) return fichierIntrouvable();
  const pdf = await pdfDeMandat({ usagerId: lecteur.usagerId }, rum);
  if (!pdf) return fichierIntrouvable();
  return reponseFichierPrive({ bytes: pdf.bytes, type: "application/pdf", nom: pdf.nom });
}
