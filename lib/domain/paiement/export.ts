// The treasurer's CSV exports (lib/csv-excel.ts: UTF-8 with BOM, ";", dates JJ/MM/AAAA): every invoice with what
// was paid and what is due, and every payment with the invoices it paid. Amounts in euros with a decimal comma,
// as a French Excel reads them.
import "server-only";
import { LIBELLES_ETAT } from "@/lib/domain/facturation/etat";
import { csvExcel } from "@/lib/csv-excel";
import { db } from "@/lib/db";
import { etatFacture, payeCentimes, resteCentimes, SELECT_MONTANTS } from "@/lib/domain/paiement/soldes";
import { LIBELLES_MODE } from "@/lib/domain/paiement/schemas";

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
