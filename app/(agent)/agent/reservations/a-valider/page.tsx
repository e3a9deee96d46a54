// Réservations à valider: the parents' requests of activities validated by an agent, oldest service day first.
import { requireAgent } from "@/lib/auth/current";
import { jourEnClair } from "@/lib/temps/jours";
import { reservationsAValider } from "@/lib/domain/reservation/validation";
import { deciderReservationsAction } from "./actions";
import { DecisionForm } from "./DecisionForm";

export const metadata = { title: "Réservations à valider" };

export default async function ReservationsAValiderPage() {
  await requireAgent();
  const demandes = await reservationsAValider();
  return (
    <div>
      <h1 className="titre-page mb-4">Réservations à valider</h1>
      {demandes.length === 0 ? (
        <p>Aucune demande de réservation n&apos;attend de validation.</p>
      ) : (
        <>
          <div className="mb-4">
            <DecisionForm
              action={deciderReservationsAction}
              ids={demandes.map((d) => d.id)}
              contexte={`les ${demandes.length} demandes de la liste`}
            />
          </div>
          <ul className="space-y-3">
            {demandes.map((d) => {
              const quoi = `${d.enfant}, ${d.activite} (${d.unite}), ${jourEnClair(d.jour)} ${d.jour.slice(0, 4)}`;
              return (
                <li key={d.id} className="carte flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                  <p>
                    <span className="font-semibold">{d.enfant}</span> : {d.activite}, {d.unite}, {d.lieu}
                    <br />
                    {jourEnClair(d.jour)} {d.jour.slice(0, 4)}
                  </p>
                  <DecisionForm action={deciderReservationsAction} ids={[d.id]} contexte={quoi} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
