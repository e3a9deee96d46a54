// The journal of the current filter as a CSV file for Excel, each entry in the same words as the page (the
// « Détail » column). Administrators only, like the page.
import { requireAgent } from "@/lib/auth/current";
import { csvExcel, reponseCsv } from "@/lib/csv-excel";
import { dateHeure } from "@/lib/temps/dates";
import { libelleDemande } from "@/lib/domain/demarches";
import { journalAExporter, lireFiltresJournal } from "@/lib/domain/journal/queries";

export async function GET(request: Request) {
  await requireAgent("ADMIN");
  const { filtres, refuse } = await lireFiltresJournal(Object.fromEntries(new URL(request.url).searchParams));
  if (refuse) return new Response("Filtre invalide : corrigez-le sur la page du journal.", { status: 400 });
  const entrees = await journalAExporter(filtres, libelleDemande);
  const csv = csvExcel(
    ["Date", "Heure", "Agent", "Action", "Demande", "Détail", "Adresse IP"],
    entrees.map((e) => [
      e.quand,
      dateHeure(e.quand).slice(-5),
      e.agent,
      e.libelle,
      e.numero ? `N° ${e.numero}` : null,
      e.phrase,
      e.ip,
    ]),
  );
  return reponseCsv("journal.csv", csv);
}
