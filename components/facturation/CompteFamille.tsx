// One family account as the parent (Mes factures) and the console (a family's billing page) both read it: the
// balance first, then the invoices (each with what an earlier credit paid of it), then the movements with their
// dates, newest first. A list, not a table: it reads the same at 360 px.
import type { ReactNode } from "react";
import { euros } from "@/lib/argent/argent";
import { LIBELLES_ETAT } from "@/lib/domain/paiement/etat";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import type { CompteFamille as Compte, Mouvement } from "@/lib/domain/paiement/compte";
import { jourDeDate, joursEnClair } from "@/lib/temps/jours";
import { modeEnClair } from "@/lib/domain/paiement/modes";

const STYLE_ETAT = {
  A_PAYER: "bg-amber-100 text-amber-950",
  EN_RETARD: "bg-red-100 text-red-900",
  PAYEE: "bg-green-100 text-green-900",
  ANNULEE: "bg-stone-200 text-stone-900",
} as const;

type Facture = Compte["factures"][number];

/** « Reste à payer : 28,45 € », « Avoir disponible : 20,00 € » or « Votre compte est à jour ». */
export function Solde({ soldeCentimes }: { soldeCentimes: number }) {
  const texte =
    soldeCentimes > 0
      ? `Reste à payer : ${euros(soldeCentimes)}`
      : soldeCentimes < 0
        ? `Avoir disponible : ${euros(-soldeCentimes)}`
        : "Votre compte est à jour";
  const style = soldeCentimes > 0 ? "border-amber-700 bg-amber-50" : "border-green-700 bg-green-50";
  return (
    <p className={`mb-4 rounded border-l-4 p-3 text-xl font-bold ${style}`} data-testid="solde">
      {texte}
    </p>
  );
}

function libelleMouvement(m: Mouvement): string {
  if (m.genre === "facture") {
    return `Facture ${m.numero} — ${moisEnClair(jourDeDate(m.periodeDebut))}${m.annulee ? " (annulée)" : ""}`;
  }
  if (m.genre === "paiement") {
    if (m.rejeteLe) return `Prélèvement rejeté par la banque le ${dateFr(m.rejeteLe)} (non compté)`;
    const reference = m.reference && m.mode !== "CB_PAYFIP" ? ` n° ${m.reference}` : "";
    const recu = m.recuNumero ? ` — reçu ${m.recuNumero}` : "";
    return `Paiement : ${modeEnClair(m.mode)}${reference}${recu}`;
  }
  return m.factureAnnulee
    ? `Avoir ${m.numero} : annulation de la facture ${m.factureAnnulee} (${m.motif})`
    : `Avoir ${m.numero} : ${m.motif}`;
}

/** A movement's amount as the account reads it: what the family owes (+) or what it has given or been given (−). */
const montantMouvement = (m: Mouvement) =>
  m.genre === "facture"
    ? euros(m.montantCentimes)
    : m.genre === "paiement" && m.rejeteLe
      ? euros(0)
      : `− ${euros(m.montantCentimes)}`;

export function CompteFamille({
  compte,
  niveau,
  lienFacture,
  actions,
}: {
  compte: Compte;
  /** the heading level of the invoices' titles (2 alone on the page, 3 under a household's name) */
  niveau: 2 | 3;
  /** where an invoice's number leads (the portal's page or the console's) */
  lienFacture: (numero: string) => string;
  /** what may be done with an invoice (download, pay online) */
  actions?: (facture: Facture) => ReactNode;
}) {
  const Titre = niveau === 2 ? "h2" : "h3";
  const SousTitre = niveau === 2 ? "h2" : "h3";
  return (
    <div>
      <Solde soldeCentimes={compte.soldeCentimes} />
      {compte.factures.length === 0 ? (
        <p className="mb-6">
          Aucune facture pour l&apos;instant : elles sont établies chaque mois pour le mois écoulé.
        </p>
      ) : (
        <ul className="mb-6 divide-y divide-stone-200">
          {compte.factures.map((f) => (
            <li key={f.numero} className="py-4">
              <Titre className="text-lg font-bold">
                Facture N° {f.numero} — {moisEnClair(jourDeDate(f.periodeDebut))}
              </Titre>
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
                {f.deduitCentimes > 0 && (
                  <>
                    <dt>Avoir déduit</dt>
                    <dd>dont {euros(f.deduitCentimes)} déduits de votre avoir</dd>
                  </>
                )}
                {f.payeCentimes > 0 && f.etat !== "PAYEE" && f.etat !== "ANNULEE" && (
                  <>
                    <dt>Reste à payer</dt>
                    <dd>{euros(f.resteCentimes)}</dd>
                  </>
                )}
              </dl>
              <div className="flex flex-wrap items-center gap-3">
                <a href={lienFacture(f.numero)}>
                  Détail de la facture<span className="sr-only"> {f.numero}</span>
                </a>
                {actions?.(f)}
              </div>
            </li>
          ))}
        </ul>
      )}
      {compte.mouvements.length > 0 && (
        <>
          <SousTitre className="mb-2 text-lg font-bold uppercase">Mouvements du compte</SousTitre>
          <ul className="mb-6 divide-y divide-stone-200">
            {compte.mouvements.map((m, i) => (
              <li key={i} className="flex flex-wrap justify-between gap-x-4 py-2">
                <span>
                  <span className="font-semibold">{dateFr(m.date)}</span> — {libelleMouvement(m)}
                  {m.genre === "facture" && m.regularisations.length > 0 && (
                    <ul className="mt-1 list-disc pl-6 text-sm">
                      {m.regularisations.map((r, j) => (
                        <li key={j}>
                          Régularisation : {r.enfantNom}, {r.libelle}, {joursEnClair(r.jours.map((d) => jourDeDate(d)))}{" "}
                          ({r.motif}) : {euros(r.montantCentimes)}
                        </li>
                      ))}
                    </ul>
                  )}
                </span>
                <span className="font-semibold whitespace-nowrap">{montantMouvement(m)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
