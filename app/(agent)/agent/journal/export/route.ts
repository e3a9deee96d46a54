// The journal of the current filter as a CSV file for Excel. Administrators only, like the page.
import { requireAgent } from "@/lib/auth/current";
import { csvExcel, reponseCsv } from "@/lib/csv-excel";
import { dateHeure } from "@/lib/temps/dates";
import { journalAExporter, lireFiltresJournal } from "@/lib/domain/journal/queries";

export async function GET(request: Request) {
  await requireAgent("ADMIN");
  const { filtres, refuse } = await lireFiltresJournal(Object.fromEntries(new URL(request.url).searchParams));
  if (refuse) return new Response("Filtre invalide : corrigez-le sur la page du journal.", { status: 400 });
  const entrees = await journalAExporter(filtres);
  const csv = csvExcel(
    ["Date", "Heure", "Agent", "Action", "Demande", "Détail", "Adresse IP"],
    entrees.map((e) => [
      e.quand,
      dateHeure(e.quand).slice(-5),
      e.agent,
      e.libelle,
      e.numero ? `N° ${e.numero}` : null,
      e.detail,
      e.ip,
    ]),
  );
  return reponseCsv("journal.csv", csv);
}
