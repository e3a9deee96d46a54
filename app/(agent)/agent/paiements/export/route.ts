// The treasurer's CSV exports (?quoi=factures or paiements), for every agent of the console like its pages.
import { requireAgent } from "@/lib/auth/current";
import { reponseCsv } from "@/lib/csv-excel";
import { csvFactures, csvPaiements } from "@/lib/domain/paiement/export";
import { maintenant } from "@/lib/web/horloge";

export async function GET(request: Request) {
  await requireAgent();
  const quoi = new URL(request.url).searchParams.get("quoi");
  if (quoi === "factures") return reponseCsv("factures.csv", await csvFactures(await maintenant()));
  if (quoi === "paiements") return reponseCsv("paiements.csv", await csvPaiements());
  return new Response("Export inconnu : factures ou paiements.", { status: 400 });
}
