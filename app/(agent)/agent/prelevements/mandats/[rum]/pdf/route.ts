// The full mandate (IBAN whole) for an ADMIN; an agent without the role gets 403, a citizen or nobody 404.
import { lecteurConnecte } from "@/lib/auth/current";
import { pdfDeMandatPourAgent } from "@/lib/domain/prelevement/mandat-pdf";
import { fichierIntrouvable, reponseFichierPrive } from "@/lib/storage/reponse";

export async function GET(_request: Request, { params }: { params: Promise<{ rum: string }> }) {
  const { rum } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "AGENT" || !/^[A-Z0-9-]{1,35}$/.test(rum)) return fichierIntrouvable();
  const pdf = await pdfDeMandatPourAgent(lecteur.agentId, rum);
  if (pdf === "refuse") return new Response("Accès refusé", { status: 403 });
  if (!pdf) return fichierIntrouvable();
  return reponseFichierPrive({ bytes: pdf.bytes, type: "application/pdf", nom: pdf.nom });
}
