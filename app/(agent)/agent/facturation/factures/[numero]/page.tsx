import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { LIBELLES_ETAT } from "@/lib/domain/paiement/etat";
import { NUMERO } from "@/lib/argent/numerotation";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import { factureALire } from "@/lib/domain/facturation/queries";
import { detailFacture } from "@/lib/domain/facturation/detail";
import { LignesFacture, TotauxFacture } from "@/components/facturation/DetailFacture";
import { maintenant } from "@/lib/web/horloge";
import { jourDeDate, jourParis } from "@/lib/temps/jours";
import { aHabilitationFacturation } from "@/lib/domain/facturation/habilitation";
import { emettreAvoirAction } from "../../actions";

export const metadata = { title: "Facture" };

// One invoice as issued (never edited): its lines, what was paid, its PDF, and its cancellation by an avoir.
export default async function FactureAgentPage({ params }: { params: Promise<{ numero: string }> }) {
  const { agent } = await requireAgent();
  const { numero } = await params;
  if (!NUMERO.test(numero)) notFound();
  const now = await maintenant();
  const [facture, detail] = await Promise.all([
    factureALire({ agent: true }, numero, jourParis(now)),
    detailFacture({ agent: true }, numero, now),
  ]);
  if (!facture || !detail) notFound();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Facture N° {facture.numero}
      </h1>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt>Famille</dt>
        <dd>
          <Link href={`/agent/facturation/familles/${facture.familleId}`}>
            {facture.destinataire} ({facture.famille.cleEnfance})
          </Link>
        </dd>
        <dt>Période</dt>
        <dd>{moisEnClair(jourDeDate(facture.periodeDebut))}</dd>
        <dt>Émise le</dt>
        <dd>{dateFr(facture.emiseLe)}</dd>
        <dt>Échéance</dt>
        <dd>{dateFr(facture.echeanceLe)}</dd>
        <dt>Quotient familial</dt>
        <dd>{facture.qfNonCommunique ? "QF non communiqué" : `${facture.quotient} €`}</dd>
        <dt>État</dt>
        <dd>{LIBELLES_ETAT[facture.etat]}</dd>
      </dl>
      <h2 className="mb-2 text-lg font-bold uppercase">Lignes</h2>
      <LignesFacture facture={detail} />
      <TotauxFacture facture={detail} lienRecu={(recu) => `/agent/facturation/recus/${recu}/pdf`} />
      <p className="mb-6 flex flex-wrap gap-3">
        {!facture.avoir && facture.resteCentimes > 0 && (
          <Link href={`/agent/paiements/nouveau?facture=${facture.numero}`} className="bouton-principal">
            Enregistrer un paiement
          </Link>
        )}
        <a href={`/agent/facturation/factures/${facture.numero}/pdf`} className="bouton-secondaire" download>
          Télécharger la facture (PDF)
        </a>
      </p>
      {facture.avoir ? (
        <p className="mb-6">
          Annulée par l&apos;avoir N° {facture.avoir.numero} du {dateFr(facture.avoir.emisLe)} : {facture.avoir.motif}
        </p>
      ) : (
        <>
          <h2 className="mb-2 text-lg font-bold uppercase">Annuler la facture</h2>
          <p className="mb-3 text-sm">
            Une facture n&apos;est jamais modifiée : son annulation émet un avoir numéroté du même montant.
          </p>
          {(await aHabilitationFacturation(agent.id)) ? (
            <ActionForm
              action={emettreAvoirAction.bind(null, facture.numero)}
              bouton="Émettre un avoir"
              ton="danger"
              champs={[{ kind: "zoneTexte", name: "motif", label: "Motif de l'annulation", maxLength: 500 }]}
            />
          ) : (
            <p>
              L&apos;émission d&apos;un avoir demande l&apos;habilitation Facturation, accordée par un administrateur.
            </p>
          )}
        </>
      )}
      <p className="mt-6">
        <Link href={`/agent/facturation?mois=${jourDeDate(facture.periodeDebut).slice(0, 7)}`}>
          Retour à la facturation
        </Link>
      </p>
    </section>
  );
}
