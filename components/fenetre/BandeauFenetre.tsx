// The banner of a parent's calendar (the month view, the family view) while a booking window governs one of
// the units shown: nobody gains by arriving at the opening, every request received in the window is treated
// together, then allocated by the published priorities and a draw. ONE query (fenetresDuCalendrier); nothing
// when no window concerns these units.
import Link from "next/link";
import { fenetresDuCalendrier } from "@/lib/domain/fenetre/queries";
import { attributionDeLaFenetre, collecteDeLaFenetre, joursDeLaFenetre } from "@/components/fenetre/texte";

export async function BandeauFenetre({ uniteIds, now }: { uniteIds: number[]; now: Date }) {
  const fenetres = await fenetresDuCalendrier(uniteIds, now);
  if (fenetres.length === 0) return null;
  return (
    <>
      {fenetres.map((f) => {
        const verbe = now < f.ouverture ? "seront ouvertes" : now < f.fermeture ? "sont ouvertes" : "étaient ouvertes";
        return (
          <section
            key={f.id}
            aria-labelledby={`fenetre-${f.id}`}
            className="mb-4 rounded-md border-l-4 border-sky-700 bg-sky-50 p-4 text-sky-950"
          >
            <h2 id={`fenetre-${f.id}`} className="font-bold">
              Période de réservation : {f.libelle}
            </h2>
            <p className="mt-1">
              Les réservations {joursDeLaFenetre(f)} {verbe} {collecteDeLaFenetre(f)} : toutes les demandes reçues dans
              ce délai sont traitées ensemble, sans avantage à l&apos;heure d&apos;arrivée. Attribution{" "}
              {attributionDeLaFenetre(f)}, par priorités puis tirage au sort.
            </p>
            <p className="mt-2">
              <Link href={`/periodes-de-reservation/${f.id}`}>
                Voir les priorités et le tirage au sort<span className="sr-only"> : {f.libelle}</span>
              </Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
