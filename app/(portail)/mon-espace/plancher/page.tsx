import { requireUsager } from "@/lib/auth/current";
import { familleDuUsager } from "@/lib/domain/famille/queries";

export const metadata = { title: "Plancher du banc de mesure" };

// The bench's floor (npm run bench, scripts/bench/pages.ts): a logged-in page with nothing but the session check
// and one query of the caller's own household, under the same layout as every page of the portal. Mon accueil
// and Gérer mes réservations are measured against its throughput. No link leads here; it shows nothing another
// page does not.
export default async function PlancherPage() {
  const { usager } = await requireUsager("/mon-espace/plancher");
  const famille = await familleDuUsager(usager.id);
  return (
    <div className="carte">
      <h1 className="titre-page">Plancher du banc de mesure</h1>
      <p>{famille ? `Clé enfance : ${famille.cleEnfance}` : "Aucune famille."}</p>
    </div>
  );
}
