// The kitchen order of a day as a CSV file for Excel (UTF-8 with BOM, ";"): one row per lieu and unit, the
// frozen version (days past their cutoff are frozen first), no child's name.
import { requireAgent } from "@/lib/auth/current";
import { csvExcel, reponseCsv } from "@/lib/csv-excel";
import { dateHeure } from "@/lib/temps/dates";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { commandesDuJour, ecartEnClair, enClair, signe } from "@/lib/domain/commande-repas/queries";
import { maintenant } from "@/lib/web/horloge";
import { dateDeJour, estJour, jourParis } from "@/lib/temps/jours";

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
    ["Date", "Lieu", "Menu", "Repas", "Régimes", "Allergènes", "PAI", "Version", "Figée le", "Écart"],
    commandes.flatMap((c) =>
      c.lignes.map((l) => [
        dateDeJour(date),
        c.lieu,
        l.unite,
        l.nombre,
        enClair(l.regimes),
        enClair(l.allergenes),
        l.pai,
        c.version ?? "provisoire",
        c.figeeLe ? dateHeure(c.figeeLe) : null,
        l.ecart
          ? [`${signe(l.ecart.nombre)} repas`, ecartEnClair(l.ecart.regimes), ecartEnClair(l.ecart.allergenes)]
              .filter(Boolean)
              .join(" ; ")
          : null,
      ]),
    ),
  );
  return reponseCsv(`commande-repas-${date}.csv`, csv);
}
