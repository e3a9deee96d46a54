import { requireAgent } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import { maintenant } from "@/lib/web/horloge";
import { jourEnClair } from "@/lib/temps/jours";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { activitesEtLieux, servicesNonAssures } from "@/lib/domain/service-non-assure/queries";
import { annulerServiceNonAssureAction, declarerServiceNonAssureAction } from "./actions";
import { AnnulerForm, DeclarationForm } from "./ServiceNonAssureForms";

export const metadata = { title: "Service non assuré" };

// SERVICE NON ASSURÉ: a strike, an outing or a closure cancels a day's service for everyone at once, over one or
// several activities and lieux (bookings not billed, one mail per family), shown before it is confirmed,
// undoable the same day as a whole.
export default async function ServiceNonAssurePage() {
  await requireAgent();
  const now = await maintenant();
  const [activites, declarations] = await Promise.all([activitesEtLieux(), servicesNonAssures({ now })]);
  const motifs = Object.fromEntries(Object.entries(MOTIFS_NON_ASSURE).map(([k, m]) => [k, m.libelle]));
  return (
    <div className="space-y-6">
      <h1 className="titre-page">Service non assuré</h1>
      <section aria-labelledby="declarer" className="rounded-md border border-stone-300 p-4">
        <h2 id="declarer" className="mb-3 text-lg font-bold">
          Déclarer un service non assuré
        </h2>
        <DeclarationForm action={declarerServiceNonAssureAction} activites={activites} motifs={motifs} />
      </section>
      <section aria-labelledby="declarations">
        <h2 id="declarations" className="mb-3 text-lg font-bold">
          Déclarations
        </h2>
        {declarations.length === 0 ? (
          <p>Aucune déclaration.</p>
        ) : (
          <ul className="space-y-3">
            {declarations.map((d) => {
              const periode =
                d.debut === d.fin ? jourEnClair(d.debut) : `${jourEnClair(d.debut)} au ${jourEnClair(d.fin)}`;
              const libelle = `${d.services.join(" ; ")}, ${periode}`;
              return (
                <li key={d.id} className="rounded-md border border-stone-300 p-3">
                  <p className="font-semibold">{libelle}</p>
                  <p className="text-sm">
                    {d.motif} · {d.reservations} réservation{d.reservations > 1 ? "s" : ""} · déclaré le{" "}
                    {dateHeure(d.creeLe)}
                    {d.agent && <> par {d.agent}</>}
                    {d.annuleLe && <> · annulé le {dateHeure(d.annuleLe)}</>}
                  </p>
                  <AnnulerForm
                    action={annulerServiceNonAssureAction}
                    id={d.id}
                    libelle={libelle}
                    annulable={d.annulable}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
