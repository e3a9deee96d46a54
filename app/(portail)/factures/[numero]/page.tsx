import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentPayer, LignesFacture, TotauxFacture } from "@/components/facturation/DetailFacture";
import { requireUsager } from "@/lib/auth/current";
import { LIBELLES_ETAT } from "@/lib/domain/paiement/etat";
import { detailFacture } from "@/lib/domain/facturation/detail";
import { moisEnClair } from "@/lib/temps/periode";
import { euros } from "@/lib/argent/argent";
import { maintenant } from "@/lib/web/horloge";
import { PayerEnLigne } from "../PayerEnLigne";

export const metadata = { title: "Facture" };

type Props = { params: Promise<{ numero: string }> };

// One invoice of the household, readable without opening the PDF: the days of each line, what was deducted, what
// is left and how to pay it. Another family's number is the same 404 as a number that does not exist.
export default async function FacturePage({ params }: Props) {
  const numero = decodeURIComponent((await params).numero);
  const { usager } = await requireUsager(`/factures/${encodeURIComponent(numero)}`);
  const facture = numero.length <= 40 ? await detailFacture({ usagerId: usager.id }, numero, await maintenant()) : null;
  if (!facture) notFound();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Facture N° {facture.numero}
      </h1>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt>Période</dt>
        <dd>{moisEnClair(facture.periodeDebut)}</dd>
        <dt>Émise le</dt>
        <dd>{facture.emiseLe}</dd>
        <dt>À régler avant le</dt>
        <dd>{facture.echeanceLe}</dd>
        <dt>État</dt>
        <dd className="font-semibold">{LIBELLES_ETAT[facture.etat]}</dd>
        <dt>Quotient familial</dt>
        <dd>{facture.quotient.replace(/^Quotient familial : /, "")}</dd>
        {facture.prelevement && (
          <>
            <dt>Prélèvement automatique</dt>
            <dd className="font-semibold">
              {euros(facture.prelevement.montantCentimes)} sera prélevé le {facture.prelevement.date} (mandat{" "}
              {facture.prelevement.rum}). Payée avant cette date, elle ne sera pas prélevée.
            </dd>
          </>
        )}
      </dl>
      <LignesFacture facture={facture} />
      <TotauxFacture facture={facture} lienRecu={(recu) => `/factures/recus/${recu}/pdf`} />
      {facture.avoir && (
        <p className="mb-6">
          Facture annulée par l&apos;avoir N° {facture.avoir.numero} : {facture.avoir.motif}
        </p>
      )}
      {facture.resteCentimes > 0 && !facture.prelevement && <CommentPayer facture={facture} />}
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <a href={`/factures/${facture.numero}/pdf`} className="bouton-secondaire" download>
          Télécharger la facture (PDF)
        </a>
        {(facture.etat === "A_PAYER" || facture.etat === "EN_RETARD") && (
          <PayerEnLigne numero={facture.numero} resteCentimes={facture.resteCentimes} />
        )}
      </div>
      <p>
        <Link href="/factures">Retour à mes factures</Link>
      </p>
    </section>
  );
}
