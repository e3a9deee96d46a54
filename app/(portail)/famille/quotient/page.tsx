import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { dateEnLettres, sourceDuQuotient } from "@/components/quotient/mots";
import { requireUsager } from "@/lib/auth/current";
import { config } from "@/lib/config";
import { MESSAGES_API_PARTICULIER } from "@/lib/api-particulier/client";
import { PAGE_QUOTIENT, type IssueLecture } from "@/lib/domain/facturation/quotient-franceconnect";
import { quotientDuUsager } from "@/lib/domain/facturation/quotient-page";
import { dateDeJour, jourParis } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";
import { ConsentementForm, MiseAJourForm } from "./QuotientForms";

export const metadata = { title: "Mon quotient familial" };

/** What the page says after a FranceConnect sign-in that read the QF (lib/domain/facturation/quotient-franceconnect.ts). */
const LECTURES: Record<IssueLecture, { kind: "succes" | "erreur"; texte: string }> = {
  nouveau: { kind: "succes", texte: "Votre quotient familial est mis à jour depuis la CAF ou la MSA." },
  inchange: { kind: "succes", texte: "Votre quotient familial n'a pas changé." },
  sans_consentement: {
    kind: "erreur",
    texte: "Cochez d'abord l'autorisation de consulter votre quotient familial, puis mettez-le à jour.",
  },
  introuvable: { kind: "erreur", texte: MESSAGES_API_PARTICULIER.introuvable },
  requete: { kind: "erreur", texte: MESSAGES_API_PARTICULIER.indisponible },
  configuration: { kind: "erreur", texte: MESSAGES_API_PARTICULIER.indisponible },
  limite: { kind: "erreur", texte: "Trop de demandes auprès de la CAF en ce moment : réessayez dans une minute." },
  indisponible: { kind: "erreur", texte: MESSAGES_API_PARTICULIER.indisponible },
};

// The family's QF (the one that applies today, from when, its source), the history, and, when the commune has
// API Particulier, the consent and « Mettre à jour depuis la CAF ou la MSA »: through FranceConnect again for a
// parent signed in with it (its access token exists only at the sign-in), otherwise with the titulaire's identity.
export default async function QuotientPage({ searchParams }: { searchParams: Promise<{ lecture?: string }> }) {
  const { usager, session } = await requireUsager(PAGE_QUOTIENT);
  const famille = await quotientDuUsager(usager.id);
  if (!famille)
    return (
      <div className="carte">
        <h1 className="titre-page mb-2">Mon quotient familial</h1>
        <p>
          Votre espace n&apos;est pas encore rattaché à une famille :{" "}
          <Link href="/famille/declarer">déclarer ma famille</Link>.
        </p>
      </div>
    );
  const aujourdhui = dateDeJour(jourParis(await maintenant())).getTime();
  const actuel = famille.quotients.find(
    (q) => q.du.getTime() <= aujourdhui && (q.au === null || q.au.getTime() >= aujourdhui),
  );
  const lecture = LECTURES[(await searchParams).lecture as IssueLecture];
  const consenti = famille.consentementQfLe !== null;
  return (
    <div className="carte space-y-6">
      <div>
        <h1 className="titre-page mb-1">Mon quotient familial</h1>
        <p>Le quotient familial (QF) fixe le tarif de la cantine et de la garderie de vos enfants.</p>
      </div>
      {lecture && <Alert kind={lecture.kind} title={lecture.texte} reponse />}
      <section aria-labelledby="actuel" className="rounded-md border border-stone-300 p-3">
        <h2 id="actuel" className="mb-2 text-lg font-bold">
          Votre quotient familial
        </h2>
        {actuel ? (
          <p>
            <strong className="text-xl">{actuel.valeur} €</strong> depuis le {dateEnLettres(actuel.du)} (
            {sourceDuQuotient(actuel)}).
          </p>
        ) : (
          <p>
            Aucun quotient familial n&apos;est connu : vos factures sont au tarif le plus haut (« QF non communiqué »).
          </p>
        )}
        <p className="mt-2">
          Pas de dossier à la CAF ou à la MSA ? Déposez votre attestation de quotient familial dans{" "}
          <Link href="/mes-documents">Mes documents</Link> : le service Enfance la saisira.
        </p>
      </section>
      {config.apiParticulier && (
        <section aria-labelledby="caf" className="rounded-md border border-stone-300 p-3">
          <h2 id="caf" className="mb-2 text-lg font-bold">
            Depuis la CAF ou la MSA
          </h2>
          <p className="mb-3">
            Avec votre accord, la commune lit votre quotient familial directement auprès de la CAF ou de la MSA (API
            Particulier), chaque mois : plus d&apos;attestation à déposer. Vous pouvez retirer cet accord à tout moment.
          </p>
          <ConsentementForm consenti={consenti} />
          {consenti && famille.consentementQfLe && (
            <p className="mt-2 text-sm">Autorisation donnée le {dateEnLettres(famille.consentementQfLe)}.</p>
          )}
          {consenti &&
            (session.idTokenFranceconnect && config.franceconnect ? (
              <form method="post" action="/api/auth/signin/franceconnect" className="mt-4">
                {/* the access token exists only at the sign-in: FranceConnect again, back here (lib/auth/oidc.ts) */}
                <input type="hidden" name="suite" value={PAGE_QUOTIENT} />
                <button type="submit" className="bouton-principal">
                  Mettre à jour depuis la CAF ou la MSA
                </button>
                <p className="mt-1 text-sm">Vous passerez de nouveau par FranceConnect.</p>
              </form>
            ) : (
              <div className="mt-4">
                <MiseAJourForm />
              </div>
            ))}
        </section>
      )}
      {famille.quotients.length > 0 && (
        <section aria-labelledby="historique">
          <h2 id="historique" className="mb-2 text-lg font-bold">
            Historique
          </h2>
          <ul className="divide-y divide-stone-200">
            {famille.quotients.map((q) => (
              <li key={q.id} className="py-2">
                <strong>{q.valeur} €</strong> du {dateEnLettres(q.du)}
                {q.au ? ` au ${dateEnLettres(q.au)}` : ""} — {sourceDuQuotient(q)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
