import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { LIBELLES_ETAT } from "@/lib/domain/paiement/etat";
import { requireUsager } from "@/lib/auth/current";
import { config } from "@/lib/config";
import { formatParis } from "@/lib/temps/dates";
import { MINIMUM_EN_LIGNE } from "@/lib/domain/paiement/payfip";
import { factureDuUsager } from "@/lib/domain/paiement/queries";
import { etatFacture, resteCentimes } from "@/lib/domain/paiement/soldes";
import { maintenant } from "@/lib/web/horloge";
import { euros } from "@/lib/argent/argent";
import { PayerForm } from "./PayerForm";

export const metadata = { title: "Payer une facture en ligne" };

type Props = { params: Promise<{ numero: string }> };

export default async function PayerFacturePage({ params }: Props) {
  const numero = decodeURIComponent((await params).numero);
  const { usager } = await requireUsager(`/factures/${encodeURIComponent(numero)}/payer`);
  const facture = numero.length <= 40 ? await factureDuUsager(usager.id, numero) : null;
  if (!facture) notFound();
  const etat = etatFacture(facture, await maintenant());
  const reste = resteCentimes(facture);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Payer la facture {facture.numero}
      </h1>
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Période</dt>
        <dd>{formatParis(facture.periodeDebut, "MMMM yyyy")}</dd>
        <dt className="font-semibold">État</dt>
        <dd>{LIBELLES_ETAT[etat]}</dd>
        <dt className="font-semibold">Reste à payer</dt>
        <dd>{euros(reste)}</dd>
        <dt className="font-semibold">Échéance</dt>
        <dd>{formatParis(facture.echeanceLe, "dd/MM/yyyy")}</dd>
      </dl>
      {reste === 0 ? (
        <Alert kind="info" title="Cette facture n'a plus rien à payer." />
      ) : !config.payfip ? (
        <Alert kind="info" title="Le paiement en ligne n'est pas proposé : réglez cette facture à la régie." />
      ) : reste < MINIMUM_EN_LIGNE ? (
        <Alert kind="info" title="Un paiement en ligne doit être d'au moins 1 € : réglez cette somme à la régie." />
      ) : (
        <>
          <p className="mb-4">
            Vous allez être dirigé vers PayFiP, le service de paiement sécurisé de la Direction générale des Finances
            publiques. Vos coordonnées bancaires y sont saisies : la commune n&apos;en reçoit ni n&apos;en conserve
            aucune.
          </p>
          <div className="mb-6">
            <PayerForm numero={facture.numero} />
          </div>
        </>
      )}
      <Link href="/factures">Retour à mes factures</Link>
    </section>
  );
}
