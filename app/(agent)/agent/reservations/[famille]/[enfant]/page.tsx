import Link from "next/link";
import { notFound } from "next/navigation";
import { ChoixActivite } from "@/components/reservation/ChoixActivite";
import { CalendrierReservations } from "@/components/reservation/CalendrierReservations";
import { Alert } from "@/components/ui/Alert";
import { requireAgent } from "@/lib/auth/current";
import { maintenant } from "@/lib/web/horloge";
import { calendrierReservations, inscriptionsReservables } from "@/lib/domain/reservation/queries";
import { reserverPourLaFamilleAction } from "./actions";
import { HistoriqueDuMois } from "./HistoriqueDuMois";

export const metadata = { title: "Réservations d'un enfant" };

// The agents book or cancel a child's days for a household outside the deadlines (an illness, a late
// request): the same calendar as the parents', every open day modifiable; journaled, and the family is told.
export default async function ReservationsAgentPage({
  params,
  searchParams,
}: {
  params: Promise<{ famille: string; enfant: string }>;
  searchParams: Promise<{ inscription?: string; mois?: string }>;
}) {
  await requireAgent();
  const { famille: familleId, enfant: enfantId } = await params;
  const { inscription: choisie, mois } = await searchParams;
  const portee = { familleId, agent: true as const };
  const reservables = await inscriptionsReservables({ portee, enfantId });
  if (!reservables) notFound();
  const { enfant, inscriptions } = reservables;
  const inscriptionId = choisie ?? inscriptions[0]?.id;
  const calendrier = inscriptionId
    ? await calendrierReservations({ portee, enfantId, inscriptionId, now: await maintenant(), mois })
    : null;
  if (choisie && !calendrier) notFound();
  return (
    <div className="carte">
      <h1 className="titre-page mb-1">Réservations</h1>
      <p className="mb-4 text-lg font-semibold">
        {enfant.prenoms} {enfant.nom.toUpperCase()}
      </p>
      <p className="mb-4 text-sm">
        Les délais ne s&apos;appliquent pas au service Enfance. Chaque changement est journalisé et la famille en est
        informée par courriel.
      </p>
      <ChoixActivite inscriptions={inscriptions} courante={inscriptionId} />
      {!calendrier || !calendrier.ouvert ? (
        <Alert title="Aucune inscription acceptée pour cet enfant dans cette famille." />
      ) : (
        <>
          <CalendrierReservations
            key={calendrier.inscriptionId}
            calendrier={calendrier}
            prenom={enfant.prenoms}
            action={reserverPourLaFamilleAction}
          />
          <HistoriqueDuMois enfantId={enfantId} mois={calendrier.mois} unites={calendrier.unites} />
        </>
      )}
      <p className="mt-6">
        <Link href={`/agent/familles/${familleId}`}>Retour à la fiche famille</Link>
      </p>
    </div>
  );
}
