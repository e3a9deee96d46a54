import Link from "next/link";
import { notFound } from "next/navigation";
import { ChoixActivite } from "@/components/reservation/ChoixActivite";
import { CalendrierReservations } from "@/components/reservation/CalendrierReservations";
import { Alert } from "@/components/ui/Alert";
import { BandeauFenetre } from "@/components/fenetre/BandeauFenetre";
import { requireUsager } from "@/lib/auth/current";
import { maintenant } from "@/lib/web/horloge";
import { calendrierReservations, inscriptionsReservables } from "@/lib/domain/reservation/queries";
import { tracesDuMois } from "@/lib/domain/reservation/historique";
import { enregistrerReservationsAction } from "./actions";

export const metadata = { title: "Gérer mes réservations" };

// GÉRER MES RÉSERVATIONS: one accepted inscription of the child at a time (?inscription=…), its school year's
// opening days one month at a time (?mois=2026-10, by default today's); nothing is saved before "Enregistrer".
export default async function ReservationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ enfant: string }>;
  searchParams: Promise<{ inscription?: string; mois?: string }>;
}) {
  const { enfant: enfantId } = await params;
  const { inscription: choisie, mois } = await searchParams;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/reservations`);
  const reservables = await inscriptionsReservables({ portee: { usagerId: usager.id }, enfantId });
  if (!reservables) notFound();
  const { enfant, inscriptions } = reservables;
  const inscriptionId = choisie ?? inscriptions[0]?.id;
  const calendrier = inscriptionId
    ? await calendrierReservations({
        portee: { usagerId: usager.id },
        enfantId,
        inscriptionId,
        now: await maintenant(),
        mois,
      })
    : null;
  if (choisie && !calendrier) notFound();
  // each day's last change, « annulé le 10/12 à 11:58 », read through the parent's households only
  const traces = calendrier?.ouvert
    ? await tracesDuMois({
        portee: { usagerId: usager.id },
        enfantId,
        uniteIds: calendrier.unites.map((u) => u.id),
        mois: calendrier.mois,
      })
    : undefined;
  return (
    <div className="carte">
      <h1 className="titre-page mb-1">Gérer mes réservations</h1>
      <p className="mb-4 text-lg font-semibold">
        {enfant.prenoms} {enfant.nom.toUpperCase()}
      </p>
      <ChoixActivite inscriptions={inscriptions} courante={inscriptionId} />
      {calendrier && <BandeauFenetre uniteIds={calendrier.unites.map((u) => u.id)} now={await maintenant()} />}
      {!calendrier ? (
        <Alert title="Aucune inscription acceptée">
          <p>Les réservations se font pour une inscription acceptée par le service Enfance.</p>
        </Alert>
      ) : !calendrier.ouvert ? (
        <Alert title={calendrier.message} />
      ) : (
        <CalendrierReservations
          key={calendrier.inscriptionId}
          calendrier={calendrier}
          prenom={enfant.prenoms}
          action={enregistrerReservationsAction}
          traces={traces}
          lienPropositions="/famille/reservations/propositions"
        />
      )}
      <p className="mt-6">
        <Link href="/famille/reservations">Réserver pour toute la famille</Link>
      </p>
      <p className="mt-2">
        <Link href="/mon-espace">Retour à Mon accueil</Link>
      </p>
    </div>
  );
}
