import { notFound } from "next/navigation";
import { fenetrePublique } from "@/lib/domain/fenetre/queries";
import { CRITERES } from "@/lib/domain/fenetre/schemas";
import { attributionDeLaFenetre, collecteDeLaFenetre, joursDeLaFenetre } from "@/components/fenetre/texte";

export const metadata = { title: "Période de réservation" };

// A booking window as anyone may read it (the parents' banner links here): its dates, the priorities the commune
// published with their points, how ties are drawn, and the seed's fingerprint (the seed itself once allocated),
// so the draw can be checked. Nothing about a family, a child or how many asked.
export default async function PeriodePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const fenetre = /^\d{1,9}$/.test(id) ? await fenetrePublique(Number(id)) : null;
  if (!fenetre) notFound();
  const explications = new Map(CRITERES.map((c) => [c.critere, c.explication]));
  return (
    <article className="carte space-y-4" aria-labelledby="titre">
      <h1 id="titre" className="titre-page">
        Période de réservation : {fenetre.libelle}
      </h1>
      <p>
        {fenetre.activite.replace(/\.$/, "")} — {fenetre.unites.map((u) => u.libelle).join(", ")}.
      </p>
      <section aria-labelledby="dates">
        <h2 id="dates" className="mb-2 text-lg font-bold">
          Les dates
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>Jours de service concernés : {joursDeLaFenetre(fenetre, true)}.</li>
          <li>Demandes reçues {collecteDeLaFenetre(fenetre, true)}.</li>
          <li>
            Attribution des places {attributionDeLaFenetre(fenetre, true)}
            {fenetre.statut === "ATTRIBUEE" ? " : les places sont attribuées." : "."}
          </li>
        </ul>
        <p className="mt-2">
          Toutes les demandes reçues pendant la période sont traitées ensemble : l&apos;heure d&apos;arrivée ne donne
          aucun avantage. Chaque famille reçoit le résultat par courriel et dans son calendrier.
        </p>
      </section>
      <section aria-labelledby="priorites">
        <h2 id="priorites" className="mb-2 text-lg font-bold">
          Les priorités
        </h2>
        {fenetre.criteres.length === 0 ? (
          <p>Aucune priorité : toutes les demandes sont départagées par le tirage au sort.</p>
        ) : (
          <>
            <p className="mb-2">
              Chaque demande reçoit les points des priorités qu&apos;elle remplit ; les places vont d&apos;abord aux
              demandes qui ont le plus de points.
            </p>
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Priorités et points</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-3">
                    Priorité
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Points
                  </th>
                </tr>
              </thead>
              <tbody>
                {fenetre.criteres.map((c) => (
                  <tr key={c.critere} className="border-b border-stone-200">
                    <td className="py-2 pr-3">
                      <span className="font-semibold">{c.libelle}</span> : {explications.get(c.critere)}
                    </td>
                    <td className="py-2 pr-3">{c.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section aria-labelledby="tirage">
        <h2 id="tirage" className="mb-2 text-lg font-bold">
          Le tirage au sort
        </h2>
        <p>
          À points égaux, un tirage au sort départage les demandes. Il est calculé à partir d&apos;une graine, un nombre
          tiré au hasard à la création de la période et qui ne change plus : chaque enfant reçoit un numéro de tirage
          déduit de la graine, le plus petit passe en premier. Les places qui se libèrent ensuite sont proposées dans
          l&apos;ordre de la liste d&apos;attente ; une place proposée doit être acceptée dans les{" "}
          {fenetre.delaiOffreHeures} heures, sinon elle passe à la demande suivante.
        </p>
        {fenetre.graine ? (
          <p className="mt-2 break-all">
            Graine publiée : <code>{fenetre.graine}</code> (empreinte SHA-256 annoncée avant l&apos;attribution :{" "}
            <code>{fenetre.empreinte}</code>). Chacun peut refaire le tirage et le comparer.
          </p>
        ) : (
          <p className="mt-2 break-all">
            La graine reste secrète jusqu&apos;à l&apos;attribution, pour que personne ne puisse calculer le tirage à
            l&apos;avance ; son empreinte SHA-256 est publiée dès maintenant : <code>{fenetre.empreinte}</code>. La
            graine publiée après l&apos;attribution devra correspondre à cette empreinte.
          </p>
        )}
      </section>
    </article>
  );
}
