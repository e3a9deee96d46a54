// A month's simulation as a CSV file for a spreadsheet (lib/csv-excel.ts: ";", UTF-8 with BOM): one row per
// line a family would be billed, with the family's result, total and anomalies on each, so the file can be
// filtered by family or by anomaly. Amounts as a French spreadsheet reads them ("48,45"). Its path ends in
// /export, so the proxy answers it with the downloads' policy (proxy.ts).
import { requireAgent } from "@/lib/auth/current";
import { csvExcel, reponseCsv } from "@/lib/csv-excel";
import { ANOMALIES, ISSUES, simulerFacturation } from "@/lib/domain/facturation/simulation";
import { AppError } from "@/lib/errors";
import { maintenant } from "@/lib/web/horloge";

const montant = (centimes: number) => (centimes / 100).toFixed(2).replace(".", ",");
const date = (jour: string) => jour.split("-").reverse().join("/");

export async function GET(request: Request) {
  await requireAgent();
  const mois = new URL(request.url).searchParams.get("mois") ?? "";
  let simulation;
  try {
    simulation = await simulerFacturation({ mois, now: await maintenant() });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return new Response(error.message, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const csv = csvExcel(
    [
      "Clé enfance",
      "Destinataire",
      "Résultat",
      "Total famille (€)",
      "Enfant",
      "Prestation",
      "Mois des jours",
      "Régularisation",
      "Jours",
      "Quantité",
      "Prix unitaire (€)",
      "Montant (€)",
      "Anomalies",
    ],
    simulation.familles.flatMap((f) =>
      f.lignes.map((l) => [
        f.cleEnfance,
        f.destinataire,
        ISSUES[f.issue],
        montant(f.totalCentimes),
        l.enfantNom,
        l.libelle,
        date(l.mois).slice(3),
        l.regularisation ?? "",
        l.jours.map(date).join(", "),
        l.quantite,
        montant(l.prixUnitaireCentimes),
        montant(l.montantCentimes),
        f.anomalies.map((a) => `${ANOMALIES[a.type]} : ${a.detail}`).join(" ; "),
      ]),
    ),
  );
  return reponseCsv(`simulation-facturation-${simulation.mois.slice(0, 7)}.csv`, csv);
}
