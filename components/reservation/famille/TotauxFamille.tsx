// What the ticked days will cost, per child and for the family, for the week shown and its month: the billing
// module's prices (baremesDeLaFamille) through the estimate the invoice's rounding makes (estimation.ts),
// recomputed at each toggle. An estimation: the invoice is what counts.
import { estimer, type Bareme } from "@/lib/domain/reservation/estimation";
import { joursReserves, type Ligne } from "@/lib/domain/reservation/famille-vue-brouillon";
import { ajouterJours, MOIS, type Jour } from "@/lib/temps/jours-calcul";
import { de } from "@/lib/texte/elision";

/** "45,60 €", as the invoices print an amount (lib/argent's euros, without its server-side Decimal). */
const euros = (centimes: number) =>
  `${Math.trunc(centimes / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")},${String(centimes % 100).padStart(2, "0")} €`;
const repas = (n: number) => `${n} ${n > 1 ? "repas et places" : "repas ou place"}`;

type Compte = { semaine: number; mois: number };

export function TotauxFamille({
  baremes,
  lignes,
  enfants,
  semaine,
  mois,
}: {
  baremes: readonly Bareme[];
  /** every child × activity with its draft */
  lignes: readonly Ligne[];
  enfants: { enfantId: string; prenom: string }[];
  semaine: Jour;
  mois: string;
}) {
  const jours = joursReserves(lignes);
  const estimation = estimer(baremes, jours);
  // the days booked per child (and "famille"), for the week and the month
  const comptes: Record<string, Compte> = {};
  for (const j of jours)
    for (const cle of [j.enfantId, "famille"]) {
      const c = (comptes[cle] ??= { semaine: 0, mois: 0 });
      if (j.date >= semaine && j.date <= ajouterJours(semaine, 6)) c.semaine += 1;
      if (j.date.startsWith(mois)) c.mois += 1;
    }
  const nomMois = MOIS[Number(mois.slice(5, 7)) - 1];
  const ligne = (
    compte: Compte | undefined,
    parts: { semaines: Record<string, number>; mois: Record<string, number> } | undefined,
  ) => (
    <>
      <td className="py-1 pr-2">
        {repas(compte?.semaine ?? 0)} = {euros(parts?.semaines[semaine] ?? 0)}
      </td>
      <td className="py-1">
        {repas(compte?.mois ?? 0)} = {euros(parts?.mois[mois] ?? 0)}
      </td>
    </>
  );
  return (
    <section aria-labelledby="titre-estimation" className="rounded-md border border-stone-300 p-3">
      <h2 id="titre-estimation" className="font-semibold">
        Estimation du coût
      </h2>
      <p className="text-xs text-stone-700">
        Calculée avec vos tarifs et votre quotient familial ; la facture du mois fait foi.
      </p>
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="text-left">
            <th scope="col" className="pr-2">
              <span className="sr-only">Enfant</span>
            </th>
            <th scope="col" className="pr-2">
              Semaine du {Number(semaine.slice(8, 10))}/{semaine.slice(5, 7)}
            </th>
            <th scope="col">Mois {de(nomMois ?? "")}</th>
          </tr>
        </thead>
        <tbody>
          {enfants.map((e) => (
            <tr key={e.enfantId}>
              <th scope="row" className="pr-2 text-left font-normal">
                {e.prenom}
              </th>
              {ligne(comptes[e.enfantId], estimation.parEnfant[e.enfantId])}
            </tr>
          ))}
          <tr className="border-t border-stone-400 font-bold" data-testid="total-famille">
            <th scope="row" className="pr-2 text-left">
              Famille
            </th>
            {ligne(comptes.famille, estimation.famille)}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
