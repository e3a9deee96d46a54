import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { LIBELLES_ETAT } from "@/lib/domain/paiement/etat";
import { requireUsager } from "@/lib/auth/current";
import { config } from "@/lib/config";
import { constaterOperation } from "@/lib/domain/paiement/payfip";
import { retourPaiement } from "@/lib/domain/paiement/queries";
import { maintenant } from "@/lib/web/horloge";
import { euros } from "@/lib/argent/argent";

export const metadata = { title: "Retour du paiement en ligne" };

type Props = {
  params: Promise<{ numero: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Where PayFiP sends the payer back (?idop=). The result is asked of PayFiP here too (the notification may not
// have arrived yet): the same idempotent command, for an operation of the caller's own invoice only.
export default async function RetourPaiementPage({ params, searchParams }: Props) {
  const numero = decodeURIComponent((await params).numero);
  const { usager } = await requireUsager(`/factures/${encodeURIComponent(numero)}/payer`);
  const parametre = (await searchParams).idop;
  const idOp = typeof parametre === "string" && parametre.length <= 64 ? parametre : null;
  const now = await maintenant();
  let retour = numero.length <= 40 ? await retourPaiement(usager.id, numero, idOp, now) : null;
  if (!retour) notFound();
  // an attempt a newer one closed may still have been paid on its own page (another tab): asked too
  const aDemander = retour.operation?.statut === "EN_COURS" || retour.operation?.statut === "ABANDONNEE";
  if (retour.operation && aDemander && config.payfip) {
    await constaterOperation({ operation: retour.operation, now, reglages: config.payfip });
    retour = (await retourPaiement(usager.id, numero, idOp, now))!;
  }
  const { facture, operation } = retour;
  const payee = facture.etat === "PAYEE" || operation?.statut === "PAYEE";
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Facture {facture.numero}
      </h1>
      {payee ? (
        <Alert kind="succes" title={`Paiement accepté : votre facture ${facture.numero} est payée.`}>
          <p>Merci. Un ticket de paiement vous a été envoyé par PayFiP à votre adresse électronique.</p>
        </Alert>
      ) : operation?.statut === "REFUSEE" ? (
        <Alert kind="erreur" title="Paiement refusé : votre facture reste à payer.">
          <p>
            Votre banque a refusé le paiement et aucune somme n&apos;a été prélevée. Vous pouvez réessayer avec une
            autre carte, ou payer à la régie.
          </p>
        </Alert>
      ) : operation?.statut === "EN_COURS" && operation.resultrans === "A" ? (
        <Alert kind="erreur" title="Paiement abandonné : votre facture reste à payer.">
          <p>Aucune somme n&apos;a été prélevée. Vous pouvez payer à nouveau en ligne dès maintenant.</p>
        </Alert>
      ) : operation?.statut === "EN_COURS" ? (
        <Alert kind="info" title="Votre paiement est en cours de traitement.">
          <p>Rechargez cette page dans quelques instants pour en connaître le résultat.</p>
        </Alert>
      ) : (
        <Alert kind="erreur" title="Le paiement n'a pas abouti : votre facture reste à payer.">
          <p>Aucune somme n&apos;a été prélevée. Vous pouvez réessayer, ou payer à la régie.</p>
        </Alert>
      )}
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">État</dt>
        <dd data-testid="etat-facture">{LIBELLES_ETAT[facture.etat]}</dd>
        <dt className="font-semibold">Reste à payer</dt>
        <dd>{euros(facture.reste)}</dd>
      </dl>
      <p className="flex flex-wrap gap-4">
        {!payee && <Link href={`/factures/${encodeURIComponent(facture.numero)}/payer`}>Payer cette facture</Link>}
        <Link href="/factures">Retour à mes factures</Link>
      </p>
    </section>
  );
}
