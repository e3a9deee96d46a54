// The month's reconciliation as a CSV for the régisseur (?mois=2026-11), for every agent of the console like its page;
// under …/export, so the proxy gives it the file policy as every download.
import { requireAgent } from "@/lib/auth/current";
import { reponseCsv } from "@/lib/csv-excel";
import { csvRapprochement } from "@/lib/domain/paiement/export";
import { moisDuRapprochement } from "@/lib/domain/paiement/rapprochement";
import { maintenant } from "@/lib/web/horloge";

export async function GET(request: Request) {
  await requireAgent();
  const now = await maintenant();
  const mois = moisDuRapprochement(new URL(request.url).searchParams.get("mois"), now);
  return reponseCsv(`rapprochement-${mois.slice(0, 7)}.csv`, await csvRapprochement(mois, now));
}
