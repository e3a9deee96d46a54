// The treasurer's CSV exports (lib/csv-excel.ts: UTF-8 with BOM, ";", dates JJ/MM/AAAA): every invoice with what
// was paid and what is due, and every payment with the invoices it paid. Amounts in euros with a decimal comma,
// as a French Excel reads them.
import "server-only";
import { LIBELLES_ETAT } from "@/lib/domain/paiement/etat";
import { csvExcel } from "@/lib/csv-excel";
import { db } from "@/lib/db";
import { etatFacture, payeCentimes, resteCentimes, SELECT_MONTANTS } from "@/lib/domain/paiement/soldes";
import { LIBELLES_MODE } from "@/lib/domain/paiement/modes";
import { rapprochementDuMois } from "@/lib/domain/paiement/rapprochement";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import { ajouterJours, dateDeJour, type Jour } from "@/lib/temps/jours";

/** "123,45": a number a French Excel reads, without the currency sign */
const montant = (centimes: number) => (centimes / 100).toFixed(2).replace(".", ",");

export async function csvFactures(now: Date): Promise<string> {
  const factures = await db().facture.findMany({
    select: {
      numero: true,
      emiseLe: true,
      periodeDebut: true,
      periodeFin: true,
      destinataire: true,
      famille: { select: { cleEnfance: true } },
      ...SELECT_MONTANTS,
      avoir: { select: { id: true, numero: true } },
    },
    orderBy: { numero: "asc" },
  });
  return csvExcel(
    [
      "Numéro",
      "Émise le",
      "Période du",
      "Au",
      "Famille (clé enfance)",
      "Destinataire",
      "Montant",
      "Payé",
      "Reste dû",
      "Échéance",
      "État",
      "Avoir",
    ],
    factures.map((f) => [
      f.numero,
      f.emiseLe,
      f.periodeDebut,
      f.periodeFin,
      f.famille.cleEnfance,
      f.destinataire,
      montant(f.totalCentimes),
      montant(payeCentimes(f)),
      montant(resteCentimes(f)),
      f.echeanceLe,
      LIBELLES_ETAT[etatFacture(f, now)],
      f.avoir?.numero ?? "",
    ]),
  );
}

export async function csvPaiements(): Promise<string> {
  const paiements = await db().paiement.findMany({
    include: {
      famille: { select: { cleEnfance: true } },
      affectations: { select: { montantCentimes: true, facture: { select: { numero: true } } } },
    },
    orderBy: [{ date: "asc" }, { creeLe: "asc" }],
  });
  return csvExcel(
    ["Date", "Famille (clé enfance)", "Mode", "Référence", "Montant", "Affecté", "Non affecté", "Factures payées"],
    paiements.map((p) => {
      const affecte = p.affectations.reduce((s, a) => s + a.montantCentimes, 0);
      return [
        p.date,
        p.famille.cleEnfance,
        LIBELLES_MODE[p.mode],
        p.reference ?? "",
        montant(p.montantCentimes),
        montant(affecte),
        montant(p.montantCentimes - affecte),
        p.affectations.map((a) => `${a.facture.numero} (${montant(a.montantCentimes)})`).join(", "),
      ];
    }),
  );
}

/**
 * The month's reconciliation for the régisseur (lib/domain/paiement/rapprochement.ts): one row per figure, each a
 * count where it has one and an amount ≥ 0 (a credit is its own row, never a negative amount that Excel would be
 * handed as text), then the month's payments one by one to check against the deposits.
 */
export async function csvRapprochement(mois: Jour, now: Date): Promise<string> {
  const r = await rapprochementDuMois(mois, now);
  const veille = dateFr(dateDeJour(ajouterJours(r.mois, -1)));
  const au = dateFr(dateDeJour(r.au));
  const paiements = await db().paiement.findMany({
    where: { date: { gte: dateDeJour(r.mois), lte: dateDeJour(r.au) } },
    select: {
      date: true,
      mode: true,
      reference: true,
      montantCentimes: true,
      recuNumero: true,
      famille: { select: { cleEnfance: true } },
    },
    orderBy: [{ date: "asc" }, { creeLe: "asc" }],
  });
  return csvExcel(
    ["Rubrique", "Nombre", "Montant"],
    [
      [`Reste dû sur les factures au ${veille}`, "", montant(r.debut.resteDuCentimes)],
      [`Avoirs détenus par les familles au ${veille}`, "", montant(r.debut.creditsCentimes)],
      [`Factures émises en ${moisEnClair(r.mois)}`, r.factures.nombre, montant(r.factures.totalCentimes)],
      [`Avoirs émis en ${moisEnClair(r.mois)}`, r.avoirs.nombre, montant(r.avoirs.totalCentimes)],
      ...r.encaisse.map((e) => [`Encaissé — ${LIBELLES_MODE[e.mode]}`, e.nombre, montant(e.totalCentimes)]),
      ["Encaissé — total", r.encaisseNombre, montant(r.encaisseCentimes)],
      [`Reste dû sur les factures au ${au}`, "", montant(r.fin.resteDuCentimes)],
      [`Avoirs détenus par les familles au ${au}`, "", montant(r.fin.creditsCentimes)],
      [],
      ["Paiements du mois", "", ""],
      ["Date", "Famille (clé enfance)", "Mode", "Référence", "Montant", "Reçu"],
      ...paiements.map((p) => [
        p.date,
        p.famille.cleEnfance,
        LIBELLES_MODE[p.mode],
        p.mode === "CB_PAYFIP" ? "" : (p.reference ?? ""),
        montant(p.montantCentimes),
        p.recuNumero ?? "",
      ]),
    ],
  );
}
