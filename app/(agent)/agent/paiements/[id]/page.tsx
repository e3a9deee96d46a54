import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { nomFamille, paiementAvecFactures } from "@/lib/domain/paiement/queries";
import { euros } from "@/lib/argent/argent";
import { LIBELLES_MODE } from "@/lib/domain/paiement/modes";
import { NavigationPaiements } from "../Navigation";
import { AffectationForm } from "./AffectationForm";

export const metadata = { title: "Paiement — Console des agents" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const saisie = (centimes: number) => (centimes / 100).toFixed(2).replace(".", ",");

export default async function PaiementPage({ params, searchParams }: Props) {
  await requireAgent();
  const { id } = await params;
  const donnees = /^[0-9a-f-]{36}$/.test(id) ? await paiementAvecFactures(id) : null;
  if (!donnees) notFound();
  const { paiement, factures } = donnees;
  const affecte = paiement.affectations.reduce((s, a) => s + a.montantCentimes, 0);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Paiement du {formatParis(paiement.date, "dd/MM/yyyy")}
      </h1>
      <NavigationPaiements courant="" />
      {(await searchParams).enregistre === "1" && <Alert kind="succes" title="Le paiement est enregistré." />}
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Famille</dt>
        <dd>
          {nomFamille(paiement.famille)} ({paiement.famille.cleEnfance})
        </dd>
        <dt className="font-semibold">Mode</dt>
        <dd>{LIBELLES_MODE[paiement.mode]}</dd>
        {paiement.reference && (
          <>
            <dt className="font-semibold">Référence</dt>
            <dd>{paiement.reference}</dd>
          </>
        )}
        <dt className="font-semibold">Montant</dt>
        <dd>{euros(paiement.montantCentimes)}</dd>
        <dt className="font-semibold">Non affecté</dt>
        <dd>{euros(paiement.montantCentimes - affecte)}</dd>
      </dl>
      <h2 className="mb-2 text-lg font-bold uppercase">Affectation aux factures</h2>
      {factures.length === 0 ? (
        <p>La famille n&apos;a aucune facture à payer.</p>
      ) : (
        <AffectationForm
          paiementId={paiement.id}
          lignes={factures.map((f) => ({
            id: f.id,
            numero: f.numero,
            echeance: formatParis(f.echeanceLe, "dd/MM/yyyy"),
            plafond: euros(f.plafond),
            valeur: saisie(f.ici),
          }))}
        />
      )}
    </section>
  );
}
