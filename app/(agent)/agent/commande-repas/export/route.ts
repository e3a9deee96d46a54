// The kitchen order of a day as a CSV file for Excel (UTF-8 with BOM, ";"): one row per lieu and unit, the
// frozen version (days past their cutoff are frozen first), no child's name.
import { requireAgent } from "@/lib/auth/current";
import { csvExcel, reponseCsv } from "@/lib/csv-excel";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { commandesDuJour } from "@/lib/domain/commande-repas/queries";
import { maintenant } from "@/lib/web/horloge";
import { estJour, jourParis } from "@/lib/temps/jours";
import { ENTETES_COMMANDE, lignesCommande } from "../csv";

export async function GET(request: Request) {
  const { agent } = await requireAgent();
  const demandee = new URL(request.url).searchParams.get("date");
  const now = await maintenant();
  if (demandee !== null && !estJour(demandee)) {
    return new Response("Date invalide : choisissez-la sur la page Commande des repas.", { status: 400 });
  }
  const date = demandee ?? jourParis(now);
  await figerCommandes(now);
  const commandes = await commandesDuJour({ agentId: agent.id, date });
  const csv = csvExcel(
    ENTETES_COMMANDE,
    commandes.flatMap((c) => lignesCommande(date, c)),
  );
  return reponseCsv(`commande-repas-${date}.csv`, csv);
}
