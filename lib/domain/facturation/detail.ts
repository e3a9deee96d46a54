// An invoice as its page and its PDF show it: the lines grouped by child, each with the days it bills, the
// régularisations with their day and reason, what payments and avoirs already deducted, what is left, and how to
// pay (the régie's IBAN/BIC and the reference for a virement). Read through the caller: a parent reaches only
// their household's invoices, another family's number is null like one that does not exist.
import "server-only";
import { db } from "@/lib/db";
import { etatFacture } from "@/lib/domain/paiement/etat";
import { parametresFacturation } from "@/lib/domain/facturation/parametres";
import { modeEnClair } from "@/lib/domain/paiement/modes";
import type { Lecteur } from "@/lib/domain/facturation/queries";
import { dateFr } from "@/lib/temps/periode";
import { jourDeDate, jourParis, joursEnClair, type Jour } from "@/lib/temps/jours";

const portee = (lecteur: Lecteur) =>
  "agent" in lecteur ? {} : { famille: { representants: { some: { usagerId: lecteur.usagerId } } } };

export type LigneDetail = {
  id: string;
  libelle: string;
  /** first day of the month the days belong to */
  mois: Jour;
  jours: Jour[];
  /** "lun. 2, mar. 3, jeu. 5 nov." */
  joursEnClair: string;
  quantite: number;
  prixUnitaireCentimes: number;
  montantCentimes: number;
  /** why a day changed after its invoice; null for a month's days */
  regularisation: string | null;
};

/** `recu`: the reçu of the payment it came from, null for an avoir */
export type Deduction = { libelle: string; date: Jour; montantCentimes: number; recu: string | null };

export async function detailFacture(lecteur: Lecteur, numero: string, now: Date) {
  const facture = await db().facture.findFirst({
    where: { numero, ...portee(lecteur) },
    include: {
      lignes: { orderBy: { ordre: "asc" } },
      avoir: { select: { numero: true, emisLe: true, motif: true } },
      famille: { select: { cleEnfance: true } },
      affectations: {
        select: { montantCentimes: true, paiement: { select: { mode: true, date: true, recuNumero: true } } },
      },
      affectationsAvoir: { select: { montantCentimes: true, avoir: { select: { numero: true, emisLe: true } } } },
      // the pre-notification (issue 29): the debit planned or presented for this invoice
      prelevements: {
        where: { statut: { in: ["PREVU", "PRESENTE"] } },
        orderBy: { creeLe: "desc" },
        take: 1,
        select: { datePrelevement: true, montantCentimes: true, mandat: { select: { rum: true } } },
      },
    },
  });
  if (!facture) return null;
  const parametres = await parametresFacturation();

  const enfants: { nom: string; lignes: LigneDetail[] }[] = [];
  for (const l of facture.lignes) {
    let enfant = enfants.at(-1);
    if (enfant?.nom !== l.enfantNom) enfants.push((enfant = { nom: l.enfantNom, lignes: [] }));
    const jours = l.jours.map(jourDeDate).sort();
    enfant.lignes.push({
      id: l.id,
      libelle: l.libelle,
      mois: jourDeDate(l.mois),
      jours,
      joursEnClair: joursEnClair(jours),
      quantite: l.quantite,
      prixUnitaireCentimes: l.prixUnitaireCentimes,
      montantCentimes: l.montantCentimes,
      regularisation: l.regularisation,
    });
  }

  const deductions: Deduction[] = [
    ...facture.affectations.map((a) => ({
      libelle:
        `Paiement — ${modeEnClair(a.paiement.mode)}` +
        (a.paiement.recuNumero ? ` (reçu ${a.paiement.recuNumero})` : ""),
      date: jourDeDate(a.paiement.date),
      montantCentimes: a.montantCentimes,
      recu: a.paiement.recuNumero,
    })),
    ...facture.affectationsAvoir.map((a) => ({
      libelle: `Avoir N° ${a.avoir.numero}`,
      date: jourDeDate(a.avoir.emisLe),
      montantCentimes: a.montantCentimes,
      recu: null,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const deduitCentimes = deductions.reduce((s, d) => s + d.montantCentimes, 0);
  const annulee = facture.avoir !== null;

  return {
    id: facture.id,
    numero: facture.numero,
    familleId: facture.familleId,
    cleEnfance: facture.famille.cleEnfance,
    periodeDebut: jourDeDate(facture.periodeDebut),
    emiseLe: dateFr(facture.emiseLe),
    echeanceLe: dateFr(facture.echeanceLe),
    destinataire: facture.destinataire,
    adresse: facture.adresse,
    quotient: facture.qfNonCommunique
      ? "QF non communiqué (tarif de la tranche la plus haute)"
      : `Quotient familial : ${facture.quotient} €`,
    enfants,
    totalCentimes: facture.totalCentimes,
    deductions,
    deduitCentimes,
    resteCentimes: annulee ? 0 : Math.max(0, facture.totalCentimes - deduitCentimes),
    avoir: facture.avoir,
    /** « 42,50 € sera prélevé le 10/12/2026 » under the mandate `rum`, or null */
    prelevement: facture.prelevements[0]
      ? {
          date: dateFr(facture.prelevements[0].datePrelevement),
          montantCentimes: facture.prelevements[0].montantCentimes,
          rum: facture.prelevements[0].mandat.rum,
        }
      : null,
    etat: etatFacture({
      totalCentimes: facture.totalCentimes,
      payeCentimes: deduitCentimes,
      echeance: jourDeDate(facture.echeanceLe),
      annulee,
      aujourdhui: jourParis(now),
    }),
    reglement: {
      regie: parametres.regie,
      modesPaiement: parametres.modesPaiement,
      iban: parametres.iban,
      bic: parametres.bic,
      /** what to write on a virement: the invoice's number */
      reference: facture.numero,
    },
  };
}

export type DetailFacture = NonNullable<Awaited<ReturnType<typeof detailFacture>>>;
