import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { requireAgent } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import { maintenant } from "@/lib/web/horloge";
import { fenetreConsole } from "@/lib/domain/fenetre/queries";
import { attributionDeLaFenetre, collecteDeLaFenetre, joursDeLaFenetre } from "@/components/fenetre/texte";
import { DemandesParUnite, JournalFenetre } from "@/components/fenetre/JournalFenetre";
import { annulerFenetreAction } from "./actions";
import { attribuerFenetreAction, verifierTirageAction } from "./actions-attribution";
import { AnnulerFenetreForm, BoutonFenetre } from "./ActionsFenetre";

export const metadata = { title: "Période de réservation" };

// A booking window in the console: its dates, its published priorities and their points, the seed's SHA-256
// fingerprint while it collects (the seed itself once allocated), the requests per unit, the history, and
// after allocation the journal (rang, enfant, famille, points, critères, tirage, jours obtenus / en attente).
export default async function FenetrePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ creee?: string }>;
}) {
  await requireAgent();
  const { id } = await params;
  const { creee } = await searchParams;
  const fenetre = /^\d{1,9}$/.test(id) ? await fenetreConsole(Number(id)) : null;
  if (!fenetre) notFound();
  const now = await maintenant();
  const collecte = fenetre.statut === "COLLECTE";
  return (
    <div className="space-y-6">
      <p>
        <Link href="/agent/fenetres">Retour aux périodes de réservation</Link>
      </p>
      <h1 className="titre-page">Période de réservation : {fenetre.libelle}</h1>
      {creee === "1" && (
        <Alert
          kind="succes"
          reponse
          title="Période de réservation créée : les demandes seront reçues aux dates prévues."
        />
      )}
      <section aria-labelledby="resume">
        <h2 id="resume" className="mb-2 text-lg font-bold">
          {fenetre.etat}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            {fenetre.activite.replace(/\.$/, "")} :{" "}
            {fenetre.unites.map((u) => `${u.libelle} (${u.capacite} places)`).join(", ")}
          </li>
          <li>Jours de service : {joursDeLaFenetre(fenetre, true)}</li>
          <li>Demandes reçues {collecteDeLaFenetre(fenetre, true)}</li>
          <li>
            Attribution {attributionDeLaFenetre(fenetre, true)}
            {fenetre.attribueeLe && <> (faite le {dateHeure(fenetre.attribueeLe)})</>}
          </li>
          <li>Délai pour accepter une place proposée : {fenetre.delaiOffreHeures} heures</li>
        </ul>
        <p className="mt-2">
          <Link href={`/periodes-de-reservation/${fenetre.id}`}>Page publique de la période</Link>
        </p>
      </section>
      <section aria-labelledby="priorites">
        <h2 id="priorites" className="mb-2 text-lg font-bold">
          Priorités publiées
        </h2>
        {fenetre.criteres.length === 0 ? (
          <p>Aucune priorité : le tirage au sort départage toutes les demandes.</p>
        ) : (
          <ul className="list-disc pl-6">
            {fenetre.criteres.map((c) => (
              <li key={c.critere}>
                {c.libelle} : {c.points} points
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 break-all">
          {fenetre.graine ? (
            <>
              Graine du tirage : <code>{fenetre.graine}</code> (empreinte SHA-256 : <code>{fenetre.empreinte}</code>)
            </>
          ) : (
            <>
              Empreinte SHA-256 de la graine (la graine est publiée après l&apos;attribution) :{" "}
              <code>{fenetre.empreinte}</code>
            </>
          )}
        </p>
      </section>
      <DemandesParUnite demandes={fenetre.demandes} />
      {fenetre.journal.length > 0 && <JournalFenetre lignes={fenetre.journal} />}
      <section aria-labelledby="actions">
        <h2 id="actions" className="mb-2 text-lg font-bold">
          Actions
        </h2>
        {collecte && now < fenetre.fermeture && (
          <p className="mb-2">Les places pourront être attribuées après la clôture des demandes.</p>
        )}
        <BoutonFenetre
          action={attribuerFenetreAction}
          fenetreId={fenetre.id}
          libelle="Attribuer les places"
          visible={collecte && now >= fenetre.fermeture}
          principal
        />
        <BoutonFenetre
          action={verifierTirageAction}
          fenetreId={fenetre.id}
          libelle="Vérifier le tirage"
          visible={fenetre.statut === "ATTRIBUEE"}
        />
        <AnnulerFenetreForm
          action={annulerFenetreAction}
          fenetreId={fenetre.id}
          visible={collecte && now < fenetre.fermeture}
        />
      </section>
      <section aria-labelledby="historique">
        <h2 id="historique" className="mb-2 text-lg font-bold">
          Historique
        </h2>
        <ul className="space-y-1">
          {fenetre.historique.map((h) => (
            <li key={h.id}>
              {dateHeure(h.le)} — {h.de ? `${h.de} → ` : ""}
              {h.vers}, par {h.acteur}
              {h.motif && <> (motif : {h.motif})</>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
