import Link from "next/link";
import { requireUsager } from "@/lib/auth/current";
import { familleDuUsager } from "@/lib/domain/famille/queries";
import { lienAgendaDuUsager } from "@/lib/domain/agenda/lien";
import { LienAgenda, RenouvelerLienForm } from "./LienAgenda";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Mon agenda" };

// The family's private calendar feed: the link to add to a calendar app, how, « Renouveler le lien » (the old one
// stops working), and each child's days as a file to download.
export default async function AgendaPage() {
  const { usager } = await requireUsager("/famille/agenda");
  const [famille, lien] = await Promise.all([familleDuUsager(usager.id), lienAgendaDuUsager(usager.id)]);
  if (!famille || !lien)
    return (
      <div className="carte">
        <h1 className="titre-page mb-2">Mon agenda</h1>
        <p>
          Votre espace n&apos;est pas encore rattaché à une famille : l&apos;agenda des réservations viendra ensuite.
        </p>
      </div>
    );
  return (
    <div className="carte space-y-6">
      <div>
        <h1 className="titre-page mb-1">Mon agenda</h1>
        <p>
          Les jours réservés de vos enfants (repas, garderie) dans votre agenda, mis à jour à chaque réservation ou
          annulation. Les jours en liste d&apos;attente ou en attente de validation y sont marqués comme tels.
        </p>
      </div>
      <section aria-labelledby="abonnement" className="rounded-md border border-stone-300 p-3">
        <h2 id="abonnement" className="mb-2 text-lg font-bold">
          S&apos;abonner depuis son agenda
        </h2>
        <p className="mb-3">
          Copiez ce lien, puis ajoutez-le comme agenda « par URL » : dans Google Agenda, « Autres agendas », « + », « À
          partir de l&apos;URL » ; dans Apple Calendrier, « Fichier », « Nouvel abonnement » ; dans Outlook, « Ajouter
          un calendrier », « S&apos;abonner à partir du web ». Ce lien est personnel : qui le connaît voit les jours
          réservés de vos enfants ; renouvelez-le si vous l&apos;avez partagé par erreur.
        </p>
        <LienAgenda lien={lien} />
        <RenouvelerLienForm />
      </section>
      <section aria-labelledby="telecharger" className="rounded-md border border-stone-300 p-3">
        <h2 id="telecharger" className="mb-2 text-lg font-bold">
          Télécharger les jours d&apos;un enfant
        </h2>
        <p className="mb-2">Un fichier .ics à ouvrir avec votre agenda : il n&apos;est pas mis à jour ensuite.</p>
        <ul>
          {famille.enfants.map(({ enfant }) => (
            <li key={enfant.id}>
              <a
                href={`/famille/enfants/${enfant.id}/agenda/fichier`}
                download
                className="inline-flex min-h-11 items-center"
              >
                Télécharger les réservations {de(enfant.prenoms)} (.ics)
              </a>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link href="/mon-espace">Retour à Mon accueil</Link>
      </p>
    </div>
  );
}
