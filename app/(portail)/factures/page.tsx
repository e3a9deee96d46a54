import Link from "next/link";
import { requireUsager } from "@/lib/auth/current";
import { CompteFamille } from "@/components/facturation/CompteFamille";
import { attestationProvisoire } from "@/lib/domain/facturation/attestation";
import { anneesDePaiement, familleDeLUsager } from "@/lib/domain/facturation/queries";
import { compteFamille, famillesDuParent } from "@/lib/domain/paiement/compte";
import { datesDePrelevement, offrePrelevement } from "@/lib/domain/prelevement/queries-mandats";
import { dateFr } from "@/lib/temps/periode";
import { maintenant } from "@/lib/web/horloge";
import { PayerEnLigne } from "./PayerEnLigne";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Mes factures" };

// Mes factures: the household's account (the balance first, then its invoices, each with its detail, its PDF and
// « Payer en ligne », then the movements with their dates), one per household when the parent represents several;
// the attestations fiscales of the years something was paid. Only the parent's households: the families are
// read through the parent's representation.
export default async function MesFacturesPage() {
  const { usager } = await requireUsager("/factures");
  const now = await maintenant();
  const [familles, familleId] = await Promise.all([famillesDuParent(usager.id), familleDeLUsager(usager.id)]);
  const comptes = await Promise.all(familles.map(async (f) => ({ ...f, compte: await compteFamille(f.id, now) })));
  const [annees, prelevements, { ouvert }] = await Promise.all([
    familleId ? anneesDePaiement(familleId) : [],
    datesDePrelevement(familles.map((f) => f.id)),
    offrePrelevement(),
  ]);
  const plusieurs = comptes.length > 1;
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Mes factures
      </h1>
      {comptes.length === 0 && (
        <p className="mb-6">
          Aucune facture pour l&apos;instant : elles sont établies chaque mois pour le mois écoulé.
        </p>
      )}
      {comptes.map(({ id, nom, compte }) => (
        <section key={id} aria-labelledby={plusieurs ? `foyer-${id}` : undefined}>
          {plusieurs && (
            <h2 id={`foyer-${id}`} className="mt-4 mb-2 text-xl font-bold">
              Foyer {de(nom)}
            </h2>
          )}
          <CompteFamille
            compte={compte}
            niveau={plusieurs ? 3 : 2}
            lienFacture={(numero) => `/factures/${encodeURIComponent(numero)}`}
            actions={(f) => (
              <>
                <a href={`/factures/${f.numero}/pdf`} className="bouton-secondaire" download>
                  Télécharger la facture {f.numero} (PDF)
                </a>
                {prelevements.has(f.numero) && f.etat !== "ANNULEE" && (
                  <p className="font-semibold">Sera prélevé le {dateFr(prelevements.get(f.numero)!)}</p>
                )}
                {/* paid before the debit date, the invoice is left out of the month's debits (nothing taken twice) */}
                {(f.etat === "A_PAYER" || f.etat === "EN_RETARD") && (
                  <PayerEnLigne numero={f.numero} resteCentimes={f.resteCentimes} />
                )}
              </>
            )}
          />
        </section>
      ))}
      {ouvert && comptes.length > 0 && (
        <p className="mb-6">
          <Link href="/factures/prelevement" className="bouton-secondaire">
            Payer par prélèvement automatique
          </Link>
        </p>
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
                  Attestation fiscale {annee}
                  {attestationProvisoire(annee, now) ? " provisoire" : ""} (PDF)
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mb-6">
        Vos tarifs dépendent de votre quotient familial : <Link href="/famille/quotient">Mon quotient familial</Link>.
      </p>
      <p>
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
