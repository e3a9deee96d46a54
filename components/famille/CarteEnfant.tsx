// A child of "Ma famille" on Mon accueil: name, school and groupe, the inscriptions (the `children` slot, filled
// by the inscriptions' component), the dossier santé's state, and MA FAMILLE's links as the seed lists them
// (Gérer mes réservations, Justifier une absence, Dossier santé). "Gérer mes réservations" is a link once the
// school year's bookings are open and the child has an accepted inscription; until then it stays unavailable
// and says when it opens: aria-disabled keeps it focusable, so a keyboard or screen reader user hears it and
// the date. "Justifier une absence" (and « Malade ce matin ») leads to the absences page under the same condition.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatParis } from "@/lib/temps/dates";
import type { EtatSante } from "@/lib/domain/sante/queries";
import { de } from "@/lib/texte/elision";

type Props = {
  enfant: { id: string; prenoms: string; nom: string; dateNaissance: Date };
  ecole?: string | null;
  groupe?: string | null;
  sante: EtatSante;
  /** where "Gérer mes réservations" leads (null: not yet), and what the card says of the reservations */
  reservations: { lien: string | null; texte: string };
  /** the child's inscriptions */
  children?: ReactNode;
};

export function CarteEnfant({ enfant, ecole, groupe, sante, reservations, children }: Props) {
  const titre = `enfant-${enfant.id}`;
  const ouverture = `ouverture-${enfant.id}`;
  return (
    <article aria-labelledby={titre} className="flex flex-col gap-3 rounded-md border border-stone-300 p-3">
      <div>
        <h3 id={titre} className="font-bold">
          {enfant.prenoms} {enfant.nom.toUpperCase()}
        </h3>
        <p className="text-sm">Né(e) le {formatParis(enfant.dateNaissance, "dd/MM/yyyy")}</p>
        {(ecole || groupe) && (
          <p className="text-sm">
            {ecole && <>École : {ecole}</>}
            {ecole && groupe && " — "}
            {groupe && <>Groupe : {groupe}</>}
          </p>
        )}
      </div>
      {children}
      <EtatDossierSante sante={sante} />
      <ul className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <li>
          <Link href={`/famille/enfants/${enfant.id}/sante`} className="bouton-secondaire no-underline">
            Dossier santé<span className="sr-only"> {de(enfant.prenoms)}</span>
          </Link>
        </li>
        {reservations.lien && (
          <>
            <li>
              <Link href={reservations.lien} className="bouton-secondaire no-underline" aria-describedby={ouverture}>
                Gérer mes réservations<span className="sr-only"> pour {enfant.prenoms}</span>
              </Link>
            </li>
            <li>
              <Link href={`/famille/enfants/${enfant.id}/absences`} className="bouton-secondaire no-underline">
                Justifier une absence<span className="sr-only"> pour {enfant.prenoms}</span>
              </Link>
            </li>
          </>
        )}
        {(reservations.lien ? [] : ["Gérer mes réservations", "Justifier une absence"]).map((libelle) => (
          <li key={libelle}>
            <button
              type="button"
              aria-disabled="true"
              aria-describedby={ouverture}
              className="bouton-secondaire cursor-not-allowed opacity-70"
            >
              {libelle}
              <span className="sr-only"> pour {enfant.prenoms}</span>
            </button>
          </li>
        ))}
      </ul>
      <p id={ouverture} className="text-sm text-stone-700">
        {reservations.texte}
      </p>
    </article>
  );
}

function EtatDossierSante({ sante }: { sante: EtatSante }) {
  if (sante.enAttente !== null) {
    return (
      <p className="rounded-md border-l-4 border-sky-700 bg-sky-50 p-2 text-sm font-semibold">
        Dossier santé : mise à jour en cours de traitement (
        <Link href={`/demandes/${sante.enAttente}`}>demande N° {sante.enAttente}</Link>)
      </p>
    );
  }
  if (sante.derniereMiseAJour) {
    return (
      <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-2 text-sm font-semibold">
        Dossier santé à jour — dernière mise à jour le {formatParis(sante.derniereMiseAJour, "dd/MM/yyyy")}
      </p>
    );
  }
  return (
    <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm font-semibold">
      Dossier santé à compléter
    </p>
  );
}
