import Link from "next/link";
import { requireUsager } from "@/lib/auth/current";
import { euros } from "@/lib/domain/facturation/argent";
import { LIBELLES_ETAT } from "@/lib/domain/facturation/etat";
import { dateFr, moisEnClair } from "@/lib/domain/facturation/periode";
import { anneesDePaiement, facturesDeLUsager, familleDeLUsager } from "@/lib/domain/facturation/queries";
import { maintenant } from "@/lib/web/horloge";
import { jourDeDate, jourParis } from "@/lib/temps/jours";
import { PayerEnLigne } from "./PayerEnLigne";

export const metadata = { title: "Mes factures" };

const STYLE_ETAT = {
  A_PAYER: "bg-amber-100 text-amber-950",
  EN_RETARD: "bg-red-100 text-red-900",
  PAYEE: "bg-green-100 text-green-900",
  ANNULEE: "bg-stone-200 text-stone-900",
} as const;

// Mes factures: the household's monthly invoices, newest first, each with its PDF; the attestations fiscales of
// the years something was paid. Only this household's: the queries go through the parent's representation.
export default async function MesFacturesPage() {
  const { usager } = await requireUsager("/factures");
  const aujourdhui = jourParis(await maintenant());
  const [factures, familleId] = await Promise.all([
    facturesDeLUsager(usager.id, aujourdhui),
    familleDeLUsager(usager.id),
  ]);
  const annees = familleId ? await anneesDePaiement(familleId) : [];
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Mes factures
      </h1>
      {factures.length === 0 ? (
        <p className="mb-6">
          Aucune facture pour l&apos;instant : elles sont établies chaque mois pour le mois écoulé.
        </p>
      ) : (
        <ul className="mb-6 divide-y divide-stone-200">
          {factures.map((f) => (
            <li key={f.id} className="py-4">
              <h2 className="text-lg font-bold">
                Facture N° {f.numero} — {moisEnClair(jourDeDate(f.periodeDebut))}
              </h2>
              <dl className="my-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt>Montant</dt>
                <dd className="font-semibold">{euros(f.totalCentimes)}</dd>
                <dt>État</dt>
                <dd>
                  <span className={`rounded px-2 py-0.5 font-semibold ${STYLE_ETAT[f.etat]}`}>
                    {LIBELLES_ETAT[f.etat]}
                  </span>
                </dd>
                <dt>À régler avant le</dt>
                <dd>{dateFr(f.echeanceLe)}</dd>
                {f.payeCentimes > 0 && f.etat !== "PAYEE" && (
                  <>
                    <dt>Déjà payé</dt>
                    <dd>{euros(f.payeCentimes)}</dd>
                  </>
                )}
              </dl>
              <div className="flex flex-wrap items-center gap-3">
                <a href={`/factures/${f.numero}/pdf`} className="bouton-secondaire" download>
                  Télécharger la facture {f.numero} (PDF)
                </a>
                {(f.etat === "A_PAYER" || f.etat === "EN_RETARD") && (
                  <PayerEnLigne numero={f.numero} resteCentimes={f.resteCentimes} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {annees.length > 0 && (
        <>
          <h2 className="mb-2 text-lg font-bold uppercase">Attestations fiscales</h2>
          <p className="mb-2 text-sm">
            Frais de garde des enfants de moins de six ans payés dans l&apos;année (garderie, hors repas), pour votre
            déclaration de revenus.
          </p>
          <ul className="mb-6 list-disc pl-6">
            {annees.map((annee) => (
              <li key={annee}>
                <a href={`/factures/attestation/${annee}`} download>
                  Attestation fiscale {annee} (PDF)
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
