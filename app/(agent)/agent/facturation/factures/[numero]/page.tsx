import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { euros } from "@/lib/domain/facturation/argent";
import { LIBELLES_ETAT } from "@/lib/domain/facturation/etat";
import { NUMERO } from "@/lib/domain/facturation/numerotation";
import { dateFr, moisEnClair } from "@/lib/domain/facturation/periode";
import { factureALire } from "@/lib/domain/facturation/queries";
import { maintenant } from "@/lib/web/horloge";
import { jourDeDate, jourParis } from "@/lib/temps/jours";
import { emettreAvoirAction } from "../../actions";

export const metadata = { title: "Facture" };

// One invoice as issued (never edited): its lines, what was paid, its PDF, and its cancellation by an avoir.
export default async function FactureAgentPage({ params }: { params: Promise<{ numero: string }> }) {
  await requireAgent();
  const { numero } = await params;
  if (!NUMERO.test(numero)) notFound();
  const facture = await factureALire({ agent: true }, numero, jourParis(await maintenant()));
  if (!facture) notFound();
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
      <ul className="mb-4 divide-y divide-stone-200">
        {facture.lignes.map((l) => (
          <li key={l.id} className="flex flex-wrap justify-between gap-x-4 py-2">
            <span>
              {l.enfantNom} — {l.libelle} ({moisEnClair(jourDeDate(l.mois))}) : {l.quantite} ×{" "}
              {euros(l.prixUnitaireCentimes)}
            </span>
            <span className="font-semibold">{euros(l.montantCentimes)}</span>
          </li>
        ))}
      </ul>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">Total</dt>
        <dd className="font-bold">{euros(facture.totalCentimes)}</dd>
        <dt>Déjà payé</dt>
        <dd>{euros(facture.payeCentimes)}</dd>
        <dt>Reste à payer</dt>
        <dd>{euros(facture.resteCentimes)}</dd>
      </dl>
      <p className="mb-6">
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
          <ActionForm
            action={emettreAvoirAction.bind(null, facture.numero)}
            bouton="Émettre un avoir"
            ton="danger"
            champs={[{ kind: "zoneTexte", name: "motif", label: "Motif de l'annulation", maxLength: 500 }]}
          />
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
