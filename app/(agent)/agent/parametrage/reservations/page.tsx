// Paramétrage des réservations (administrators): each activity's deadlines and opening days, a generation
// previewed (?apercu=<activité>) before it is saved, and the commune's closures.
import Link from "next/link";
import { SimpleForm } from "@/components/ui/SimpleForm";
import { requireAgent } from "@/lib/auth/current";
import { libelleDelai, lireDelai } from "@/lib/domain/reservation/delais";
import { jourEnClair } from "@/lib/domain/reservation/jours";
import { apercuJours, parametresReservations } from "@/lib/domain/reservation/parametrage";
import { enregistrerJoursAction, fermerAction } from "./actions";
import { FermetureForm } from "./FermetureForm";

export const metadata = { title: "Paramétrage des réservations" };

export default async function ParametrageReservationsPage({
  searchParams,
}: {
  searchParams: Promise<{ apercu?: string }>;
}) {
  await requireAgent("ADMIN");
  const { apercu: apercuDe } = await searchParams;
  const { annee, activites, fermetures } = await parametresReservations();
  const choisie = activites.find((a) => String(a.id) === apercuDe);
  const apercu = choisie && annee ? await apercuJours({ activiteId: choisie.id, anneeId: annee.id }) : null;
  return (
    <div>
      <h1 className="titre-page mb-2">Paramétrage des réservations</h1>
      <p className="mb-6">
        {annee
          ? `Année scolaire ${annee.libelle} : du ${jourEnClair(annee.debut)} ${annee.debut.slice(0, 4)} au ${jourEnClair(annee.fin)} ${annee.fin.slice(0, 4)}.`
          : "Aucune année scolaire en cours."}
      </p>

      <section aria-labelledby="activites" className="carte mb-6">
        <h2 id="activites" className="mb-4 text-lg font-bold uppercase text-marque-fonce">
          Activités
        </h2>
        <ul className="space-y-4">
          {activites.map((a) => {
            const reservation = lireDelai(a.delaiReservation);
            const annulation = lireDelai(a.delaiAnnulation);
            return (
              <li key={a.id} className="rounded-md border border-stone-300 p-3">
                <h3 className="font-semibold">{a.libelle}</h3>
                <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
                  <dt className="font-semibold">Délai de réservation</dt>
                  <dd>{reservation ? libelleDelai(reservation) : "non paramétré"}</dd>
                  <dt className="font-semibold">Délai d&apos;annulation</dt>
                  <dd>{annulation ? libelleDelai(annulation) : "non paramétré"}</dd>
                  <dt className="font-semibold">Unités</dt>
                  <dd>
                    {a.unites.map((u) => `${u.libelle}${u.capacite ? ` (${u.capacite} places)` : ""}`).join(", ")}
                    {a.unites.some((u) => u.exclusive) && " — exclusives le même jour"}
                  </dd>
                  <dt className="font-semibold">Jours d&apos;ouverture enregistrés</dt>
                  <dd>{a.jours}</dd>
                </dl>
                <Link href={`?apercu=${a.id}#apercu`} className="bouton-secondaire mt-2 inline-block no-underline">
                  Prévisualiser la génération<span className="sr-only"> : {a.libelle}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      {apercu && choisie && annee && (
        <section id="apercu" aria-labelledby="apercu-titre" className="carte mb-6">
          <h2 id="apercu-titre" className="mb-2 text-lg font-bold uppercase text-marque-fonce">
            Génération : {choisie.libelle}
          </h2>
          <p className="mb-2">
            {apercu.ouverts.length} jours d&apos;ouverture par unité et lieu : + {apercu.ajouts} à créer, −{" "}
            {apercu.retraits} à retirer
            {apercu.retraitsReserves > 0 &&
              ` (${apercu.retraitsReserves} jours réservés gardés : à traiter par un agent)`}
            .
          </p>
          <details className="mb-4">
            <summary className="cursor-pointer">Jours exclus ({apercu.exclus.length})</summary>
            <ul className="mt-2 text-sm">
              {apercu.exclus.map((e) => (
                <li key={e.jour}>
                  {jourEnClair(e.jour)} {e.jour.slice(0, 4)} : {e.raison}
                </li>
              ))}
            </ul>
          </details>
          <SimpleForm
            action={enregistrerJoursAction}
            bouton="Enregistrer la génération"
            hidden={{ activiteId: String(choisie.id), anneeId: String(annee.id) }}
          />
        </section>
      )}

      <section aria-labelledby="fermetures" className="carte mb-6">
        <h2 id="fermetures" className="mb-4 text-lg font-bold uppercase text-marque-fonce">
          Fermetures de la commune
        </h2>
        {fermetures.length > 0 && (
          <ul className="mb-4 text-sm">
            {fermetures.map((f) => (
              <li key={f.id}>
                {jourEnClair(f.date)} {f.date.slice(0, 4)} : {f.libelle}
              </li>
            ))}
          </ul>
        )}
        <FermetureForm action={fermerAction} />
      </section>
    </div>
  );
}
