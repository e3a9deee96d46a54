// The body of an invoice as the portal and the console show it: per child, each line with the days it bills
// (a parent checks them against a calendar), the régularisations with their day and reason, then the total, what
// was already deducted and what is left, and how to pay. Lists, not a table: at 360 px a line wraps instead of
// scrolling sideways.
import { euros } from "@/lib/argent/argent";
import type { DetailFacture as Detail } from "@/lib/domain/facturation/detail";
import { ibanEnClair } from "@/lib/argent/iban";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import { dateDeJour } from "@/lib/temps/jours";
import { de } from "@/lib/texte/elision";

export function LignesFacture({ facture }: { facture: Detail }) {
  return (
    <>
      {facture.enfants.map((enfant) => (
        <section key={enfant.nom} className="mb-4" aria-label={`Lignes ${de(enfant.nom)}`}>
          <h2 className="mb-1 text-lg font-bold">{enfant.nom}</h2>
          <ul className="divide-y divide-stone-200 border-y border-stone-200">
            {enfant.lignes.map((l) => (
              <li key={l.id} className="py-2">
                <div className="flex flex-wrap justify-between gap-x-4">
                  <span className="font-semibold">
                    {l.regularisation ? `Régularisation — ${l.libelle}` : `${l.libelle} (${moisEnClair(l.mois)})`}
                  </span>
                  <span className="font-semibold">{euros(l.montantCentimes)}</span>
                </div>
                <p className="text-sm">
                  {l.quantite} × {euros(l.prixUnitaireCentimes)}
                </p>
                {l.regularisation ? (
                  <p className="text-sm">
                    {l.joursEnClair} : {l.regularisation}
                  </p>
                ) : (
                  l.jours.length > 0 && <p className="text-sm">Jours : {l.joursEnClair}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function TotauxFacture({ facture, lienRecu }: { facture: Detail; lienRecu: (numero: string) => string }) {
  return (
    <dl className="mb-6 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
      <dt className="font-bold">Total</dt>
      <dd className="text-right font-bold">{euros(facture.totalCentimes)}</dd>
      {facture.deductions.map((d, i) => (
        <div key={i} className="contents">
          <dt>
            Déjà déduit : {d.libelle} du {dateFr(dateDeJour(d.date))}
            {d.recu && (
              <>
                {" "}
                <a href={lienRecu(d.recu)} download>
                  Télécharger le reçu {d.recu} (PDF)
                </a>
              </>
            )}
          </dt>
          <dd className="text-right">− {euros(d.montantCentimes)}</dd>
        </div>
      ))}
      <dt className="font-bold">Reste à payer</dt>
      <dd className="text-right font-bold">{euros(facture.resteCentimes)}</dd>
    </dl>
  );
}

export function CommentPayer({ facture }: { facture: Detail }) {
  const { reglement } = facture;
  return (
    <section className="mb-6" aria-labelledby="comment-payer">
      <h2 id="comment-payer" className="mb-2 text-lg font-bold uppercase">
        Comment payer
      </h2>
      <p className="mb-2">
        À régler avant le {facture.echeanceLe}. {reglement.modesPaiement}
      </p>
      {reglement.iban ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>Virement à l&apos;ordre de</dt>
          <dd>{reglement.regie}</dd>
          <dt>IBAN</dt>
          <dd className="break-all font-mono">{ibanEnClair(reglement.iban)}</dd>
          {reglement.bic && (
            <>
              <dt>BIC</dt>
              <dd className="font-mono">{reglement.bic}</dd>
            </>
          )}
        </dl>
      ) : null}
      {reglement.iban ? (
        <p className="mt-2 font-bold">Référence à indiquer : {reglement.reference}</p>
      ) : (
        <p>Rappelez le numéro de facture {reglement.reference}.</p>
      )}
    </section>
  );
}
