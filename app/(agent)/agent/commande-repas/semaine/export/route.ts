// A lieu's kitchen order for a week as a CSV file for Excel: the day file's columns, one row per opening day
// and unit, each day the version the day's file gives (days past their cutoff are frozen first).
import { requireAgent } from "@/lib/auth/current";
import { csvExcel, reponseCsv } from "@/lib/csv-excel";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { commandesDeLaSemaine } from "@/lib/domain/commande-repas/semaine";
import { maintenant } from "@/lib/web/horloge";
import { estJour, jourParis } from "@/lib/temps/jours";
import { ENTETES_COMMANDE, lignesCommande } from "../../csv";

export async function GET(request: Request) {
  const { agent } = await requireAgent();
  const params = new URL(request.url).searchParams;
  const demandee = params.get("date");
  const lieu = params.get("lieu");
  if ((demandee !== null && !estJour(demandee)) || (lieu !== null && !/^\d{1,9}$/.test(lieu))) {
    return new Response("Semaine ou lieu invalide : choisissez-les sur la page Commande des repas.", { status: 400 });
  }
  const now = await maintenant();
  await figerCommandes(now);
  const semaine = await commandesDeLaSemaine({
    agentId: agent.id,
    jour: demandee ?? jourParis(now),
    lieuId: lieu === null ? undefined : Number(lieu),
  });
  const csv = csvExcel(
    ENTETES_COMMANDE,
    semaine.lieux.flatMap((l) => l.jours.flatMap(({ date, commande }) => lignesCommande(date, commande))),
  );
  return reponseCsv(`commande-repas-semaine-${semaine.lundi}${lieu === null ? "" : `-lieu-${lieu}`}.csv`, csv);
}
