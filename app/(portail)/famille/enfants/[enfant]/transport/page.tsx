import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { requireUsager } from "@/lib/auth/current";
import { pageTransport } from "@/lib/domain/transport/queries";
import { transportEnClair, type EtatTransport } from "@/lib/domain/transport/texte";
import { signalerTransportAction } from "./actions";
import { TransportForm } from "./TransportForm";

export const metadata = { title: "Transport scolaire" };

/** The form starts from the child's current answer (nothing ticked when none was ever given). */
function valeursDe(actuel: EtatTransport | null): Record<string, string> {
  if (!actuel) return {};
  return {
    prendLeBus: actuel.prendLeBus ? "OUI" : "NON",
    ...Object.fromEntries(actuel.jours.map((j) => [`jour${j}`, "on"])),
    ...(actuel.matin ? { matin: "on" } : {}),
    ...(actuel.soir ? { soir: "on" } : {}),
  };
}

// TRANSPORT SCOLAIRE of a child: its current answer as the agents accepted it, and the signalement the seed asked
// to make at the town hall « en parallèle de l'inscription auprès de » the operator, made here instead.
export default async function TransportPage({ params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/transport`);
  const donnees = await pageTransport({ usagerId: usager.id, enfantId });
  if (!donnees) notFound();
  const { enfant, operateur, actuel, enCours, jours } = donnees;
  return (
    <div className="carte space-y-6">
      <div>
        <h1 className="titre-page mb-1">Transport scolaire</h1>
        <p className="text-lg font-semibold">{enfant.prenoms}</p>
      </div>
      <p>
        Si votre enfant prend le transport scolaire, signalez-le ici à la mairie, en parallèle de l&apos;inscription
        auprès de {operateur}. Le service Enfance valide votre signalement ; les agents de la garderie et de la cantine
        savent alors quels jours votre enfant part en bus.
      </p>
      <section aria-labelledby="actuel" className="rounded-md border border-stone-300 p-3">
        <h2 id="actuel" className="mb-2 text-lg font-bold">
          Situation enregistrée
        </h2>
        <p>{actuel ? transportEnClair(actuel) : "Aucun signalement enregistré."}</p>
      </section>
      <section aria-labelledby="signaler">
        <h2 id="signaler" className="mb-2 text-lg font-bold">
          {actuel ? "Modifier le signalement" : "Signaler le transport scolaire"}
        </h2>
        {enCours ? (
          <Alert kind="info" title={`Votre signalement N° ${enCours} est en cours d'instruction.`}>
            <p>
              <Link href={`/demandes/${enCours}`}>Suivre ma demande</Link>
            </p>
          </Alert>
        ) : (
          <TransportForm
            action={signalerTransportAction.bind(null, enfant.id)}
            prenom={enfant.prenoms}
            jours={jours}
            valeurs={valeursDe(actuel)}
          />
        )}
      </section>
      <p>
        <Link href="/famille">Retour à Ma famille</Link>
      </p>
    </div>
  );
}
