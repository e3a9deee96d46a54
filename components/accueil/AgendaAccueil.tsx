// Mon accueil's block of the family's bookings ahead: the next cutoff over the family's active inscriptions,
// next week's school days with nothing booked (per child, with a link to book), the cutoff reminder's opt-in,
// the calendar feed's page, and « Malade ce matin » for the children booked today. Its own rules are in
// lib/domain/agenda/cloture.ts; the clock and the agenda come from the page, which reads the agenda once for this
// block and the « À faire » one (its next cutoff).
import Link from "next/link";
import { MaladeCeMatinFamilleForm, RappelClotureForm } from "@/components/accueil/FormulairesAccueil";
import {
  clotureEnClair,
  joursCourts,
  joursNonReserves,
  prochaineCloture,
  semaineProchaine,
} from "@/lib/domain/agenda/cloture";
import type { agendaDeMonAccueil } from "@/lib/domain/agenda/queries";
import { messageTropTard } from "@/lib/domain/absence/declarer";
import { instantParis, jourEnClair, jourParis } from "@/lib/temps/jours";

export type AgendaDeMonAccueil = Awaited<ReturnType<typeof agendaDeMonAccueil>>;

export function AgendaAccueil({ agenda, now }: { agenda: AgendaDeMonAccueil; now: Date }) {
  if (!agenda || agenda.services.length === 0) return null;
  const cloture = prochaineCloture(agenda.services, now);
  const semaine = semaineProchaine(now);
  const nonReserves = joursNonReserves(agenda.services, agenda.reserves, { ...semaine, now });
  const maladeOuvert = now < instantParis(jourParis(now), agenda.commune.heureLimiteMaladie);
  return (
    <>
      <section className="carte" aria-labelledby="semaine-prochaine">
        <h2 id="semaine-prochaine" className="mb-2 text-lg font-bold uppercase">
          Mes réservations à venir
        </h2>
        <p className="mb-3">
          {cloture ? (
            <>
              <strong>Prochaine clôture : {clotureEnClair(cloture, now)}</strong>
              {agenda.services.some((s) => !cloture.activites.includes(s.activite)) && (
                <> — {cloture.activites.map((a) => a.replace(/\.$/, "")).join(", ")}</>
              )}
            </>
          ) : (
            "Aucune clôture à venir : il n'y a pas de jour ouvert à la réservation."
          )}
        </p>
        <h3 className="font-semibold">Semaine du {jourEnClair(semaine.du)}</h3>
        {nonReserves.length === 0 ? (
          <p className="mb-3">Rien à réserver : chaque jour d&apos;école ouvert a déjà sa réservation.</p>
        ) : (
          <ul className="mb-3">
            {nonReserves.map((e) => (
              <li key={e.enfantId} className="mt-1">
                <span>
                  {e.prenom} : {joursCourts(e.jours)} non réservé{e.jours.length > 1 ? "s" : ""}
                </span>{" "}
                <Link
                  href={`/famille/enfants/${e.enfantId}/reservations`}
                  className="inline-flex min-h-11 items-center"
                >
                  Réserver pour {e.prenom}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <RappelClotureForm actif={agenda.rappelCloture} />
        <p className="mt-3">
          <Link href="/famille/agenda" className="inline-flex min-h-11 items-center">
            Ajouter les réservations à mon agenda (Google Agenda, Apple, Outlook)
          </Link>
        </p>
      </section>
      {/* always there, so its answer stays in view once the days it cancelled leave the list */}
      <section className="carte" aria-labelledby="malade-ce-matin">
        <h2 id="malade-ce-matin" className="mb-2 text-lg font-bold uppercase">
          Malade ce matin
        </h2>
        {maladeOuvert ? (
          <MaladeCeMatinFamilleForm enfants={agenda.reservesAujourdhui} heure={agenda.commune.heureLimiteMaladie} />
        ) : (
          <p>{messageTropTard(agenda.commune)}</p>
        )}
      </section>
    </>
  );
}
