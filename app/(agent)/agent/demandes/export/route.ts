// The demandes of the list's current filter (the same GET parameters) as a CSV file for Excel.
import { requireAgent } from "@/lib/auth/current";
import { csvExcel, reponseCsv } from "@/lib/csv-excel";
import { demandesAExporter, lireFiltres } from "@/lib/domain/demande/queries-console";
import { LIBELLES_STATUT } from "@/lib/domain/demande/transitions";
import { DEMARCHES } from "@/lib/domain/demarches";

export async function GET(request: Request) {
  await requireAgent();
  const { filtres, erreurs } = lireFiltres(Object.fromEntries(new URL(request.url).searchParams), DEMARCHES);
  if (Object.keys(erreurs).length > 0) {
    return new Response("Filtre invalide : corrigez-le sur la liste des demandes.", { status: 400 });
  }
  const demandes = await demandesAExporter(filtres);
  const csv = csvExcel(
    ["N°", "Type", "État", "Demandeur", "Clé enfance", "Déposée le", "Décidée le", "Instructeur"],
    demandes.map((d) => [
      d.numero,
      DEMARCHES[d.type].libelle,
      LIBELLES_STATUT[d.statut],
      d.usager ? `${d.usager.prenoms} ${d.usager.nomUsage.toUpperCase()}` : null,
      d.famille?.cleEnfance,
      d.deposeeAt,
      d.decideeAt,
      d.instructeur ? `${d.instructeur.prenom} ${d.instructeur.nom.toUpperCase()}` : null,
    ]),
  );
  return reponseCsv("demandes.csv", csv);
}
