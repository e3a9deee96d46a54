import Link from "next/link";
import { notFound } from "next/navigation";
import { BadgeStatut } from "@/components/demande/BadgeStatut";
import { Recap } from "@/components/demande/Recap";
import { requireUsager } from "@/lib/auth/current";
import { FilMessages } from "@/components/demande/FilMessages";
import { Historique, horodatage } from "@/components/demande/Historique";
import { IdentiteDemandeur } from "@/components/demande/IdentiteDemandeur";
import { MessageForm } from "@/components/demande/MessageForm";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { marquerMessagesLus } from "@/lib/domain/demande/messages";
import { DEMARCHES, libelleDemande, liensReprise, recapPourUsager } from "@/lib/domain/demarches";
import { foyerDuUsager } from "@/lib/domain/inscription/queries";
import { CreerInscription } from "@/components/inscription/CreerInscription";
import { envoyerMessageAction } from "./actions";

export const metadata = { title: "Suivi de la demande" };

const ONGLETS = {
  demandeur: "Le demandeur",
  demande: "La demande",
  inscrire: "Inscrire",
  historique: "Historique",
  echanges: "Échanges",
} as const;
type Onglet = keyof typeof ONGLETS;

export default async function SuiviDemandePage({
  params,
  searchParams,
}: {
  params: Promise<{ numero: string }>;
  searchParams: Promise<{ onglet?: string }>;
}) {
  const [{ numero: brut }, { onglet: demande_onglet }] = await Promise.all([params, searchParams]);
  const numero = /^\d{1,9}$/.test(brut) ? Number(brut) : NaN;
  const { usager } = await requireUsager(`/demandes/${brut}`);
  const demande = Number.isNaN(numero) ? null : await demandeDuUsager(usager.id, numero);
  if (!demande) notFound();
  const type = DEMARCHES[demande.type];
  // the seed's "Inscrire" tab: a démarche that declares children (an Ajout de famille), deposited or accepted,
  // lets the parent enrol them
  const foyer =
    type.inscrireDepuisLeSuivi && !["REFUSEE", "ANNULEE"].includes(demande.statut)
      ? await foyerDuUsager(usager.id)
      : null;
  const onglets = (Object.keys(ONGLETS) as Onglet[]).filter((cle) => cle !== "inscrire" || foyer);
  const onglet: Onglet =
    demande_onglet && onglets.includes(demande_onglet as Onglet) ? (demande_onglet as Onglet) : "demande";
  const nonLus = demande.messages.filter((m) => m.auteur === "AGENT" && !m.luAt).length;
  // Opening Échanges reads the agents' messages: this page still flags them, the next ones will not.
  if (onglet === "echanges" && nonLus > 0) await marquerMessagesLus({ usagerId: usager.id, demandeId: demande.id });

  return (
    <div className="carte">
      <h1 className="titre-page mb-4">Suivi de la demande N° {demande.numero}</h1>
      <div className="mb-6 flex flex-col gap-2 rounded-md bg-stone-100 p-4 sm:flex-row sm:items-center sm:justify-between">
        <p>
          <span className="block text-sm text-stone-700">{horodatage(demande.deposeeAt ?? demande.createdAt)}</span>
          <span className="block font-bold">DEMANDE N° {demande.numero}</span>
          <span className="block">
            <span className="uppercase">{type.domaine}</span> {libelleDemande(demande)}
          </span>
        </p>
        <p>
          <span className="sr-only">État : </span>
          <BadgeStatut statut={demande.statut} />
        </p>
      </div>
      {demande.statut === "A_COMPLETER" && liensReprise(demande) && (
        <div className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="mb-3 font-semibold">Les agents de la mairie vous demandent de compléter cette demande.</p>
          <Link href={liensReprise(demande)!.reprendre} className="bouton-principal no-underline">
            Compléter ma demande
          </Link>
        </div>
      )}

      <nav aria-label="Rubriques de la demande" className="mb-6 border-b border-stone-300">
        <ul className="flex flex-wrap gap-1">
          {onglets.map((cle) => (
            <li key={cle}>
              <Link
                href={`/demandes/${demande.numero}?onglet=${cle}`}
                aria-current={cle === onglet ? "page" : undefined}
                className={`-mb-px inline-block rounded-t-md border px-3 py-2 no-underline ${
                  cle === onglet
                    ? "border-stone-300 border-b-white bg-white font-bold text-marque-fonce"
                    : "border-transparent text-stone-800 hover:bg-stone-100"
                }`}
              >
                {ONGLETS[cle]}
                {cle === "echanges" && nonLus > 0 && (
                  <span className="ml-2 rounded-full bg-marque px-2 text-sm text-white">
                    {nonLus} nouveau{nonLus > 1 ? "x" : ""}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2 className="mb-4 text-lg font-bold uppercase">
        {onglet === "inscrire" ? "Créer une inscription" : ONGLETS[onglet]}
      </h2>
      {onglet === "inscrire" && foyer && <CreerInscription foyer={foyer} />}
      {onglet === "demandeur" && <IdentiteDemandeur usager={demande.usager} />}
      {onglet === "demande" && <Recap sections={await recapPourUsager(demande)} />}
      {onglet === "historique" && <Historique lignes={demande.historique} />}
      {onglet === "echanges" && (
        <>
          {demande.messages.length === 0 ? (
            <p className="mb-6">
              Aucun message pour l&apos;instant. Vous pouvez écrire aux agents qui traitent votre demande.
            </p>
          ) : (
            <FilMessages messages={demande.messages} lecteur="USAGER" />
          )}
          {demande.statut !== "ANNULEE" && (
            <MessageForm action={envoyerMessageAction} numero={demande.numero as number} titre="Écrire aux agents" />
          )}
        </>
      )}

      {demande.statut === "DEPOSEE" && (
        <p className="mt-8 border-t border-stone-200 pt-4">
          <Link href={`/demandes/${demande.numero}/annuler`}>Annuler cette demande</Link>
        </p>
      )}
      <p className="mt-4">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </div>
  );
}
