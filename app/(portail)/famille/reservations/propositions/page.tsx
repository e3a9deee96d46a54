import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { requireUsager } from "@/lib/auth/current";
import { propositionsDeLaFamille } from "@/lib/domain/fenetre/propositions";
import { accepterOffreAction, declinerOffreAction } from "./actions";

export const metadata = { title: "Places proposées" };

const jours = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

// PLACES PROPOSÉES: the places a booking window's waiting list offers the family, each with its deadline and
// « Accepter » / « Refuser »; then the result of each window the family asked, with the reason. Linked from the
// offer's mail and from the calendars where a day is « Place proposée ».
const REPONSES: Record<string, string> = {
  acceptee: "Place acceptée : le jour est réservé.",
  refusee: "Place refusée : elle est proposée à la famille suivante.",
};

export default async function PropositionsPage({ searchParams }: { searchParams: Promise<{ reponse?: string }> }) {
  const { usager } = await requireUsager("/famille/reservations/propositions");
  const { reponse } = await searchParams;
  const { propositions, resultats } = await propositionsDeLaFamille(usager.id);
  const dite = reponse ? REPONSES[reponse] : undefined;
  return (
    <div className="carte">
      <h1 className="titre-page mb-4">Places proposées</h1>
      {dite && <Alert kind="succes" title={dite} reponse />}
      {propositions.length === 0 ? (
        <Alert kind="info" title="Aucune place ne vous est proposée en ce moment." />
      ) : (
        <ul className="space-y-6" aria-label="Places proposées">
          {propositions.map((p) => (
            <li key={p.id} className="rounded border border-stone-300 p-4">
              <h2 className="text-lg font-semibold">{`${p.enfant} — ${p.jour}`}</h2>
              <p>{p.unite}</p>
              <p className="mb-3">{`Réservée pour vous jusqu'au ${p.echeance}. Sans réponse d'ici là, elle sera proposée à la famille suivante.`}</p>
              <div className="flex flex-wrap gap-4">
                <ActionForm
                  action={accepterOffreAction}
                  bouton={`Accepter la place de ${p.enfant}, ${p.jour}`}
                  champs={[]}
                  cachees={{ reservationId: p.id }}
                />
                <ActionForm
                  action={declinerOffreAction}
                  bouton={`Refuser la place de ${p.enfant}, ${p.jour}`}
                  champs={[]}
                  cachees={{ reservationId: p.id }}
                  ton="danger"
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {resultats.length > 0 && (
        <section aria-labelledby="resultats" className="mt-8">
          <h2 id="resultats" className="mb-3 text-xl font-semibold">
            Résultats des périodes de réservation
          </h2>
          <ul className="space-y-4">
            {resultats.map((r) => (
              <li key={r.cle}>
                <h3 className="font-semibold">{`${r.fenetre} : ${r.enfant}, ${r.unite}`}</h3>
                <p>
                  {`${jours(r.joursAttribues)} obtenu${r.joursAttribues > 1 ? "s" : ""} sur ${jours(r.joursDemandes)} demandé${r.joursDemandes > 1 ? "s" : ""}`}
                  {r.joursEnAttente > 0 ? `, ${jours(r.joursEnAttente)} en liste d'attente (rang ${r.rang})` : ""}.
                </p>
                <p>{`Motif : ${r.raison}.`}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mt-6">
        <Link href="/famille/reservations">Retour aux réservations de la famille</Link>
      </p>
    </div>
  );
}
