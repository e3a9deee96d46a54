// What a reçu says, read as it stood when the payment was recorded: the invoices it paid (the part on each and
// what each still owed then) and the family's balance once it was counted. "Then" is the payment's creeLe:
// invoices, payments and avoirs recorded later are left out, so the PDF downloaded next month says what the
// mailed one said.
import "server-only";
import type { Tx } from "@/lib/db";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import type { RecuPdf } from "@/lib/domain/paiement/pdf-recu";
import { formatParis } from "@/lib/temps/dates";
import { jourDeDate } from "@/lib/temps/jours";

const somme = (lignes: { montantCentimes: number }[]) => lignes.reduce((s, l) => s + l.montantCentimes, 0);

/** The reçu's content without the commune's header; null when the payment has no reçu number. */
export async function contenuRecu(client: Tx, paiementId: string, emisLe: Date) {
  const paiement = await client.paiement.findUnique({
    where: { id: paiementId },
    include: {
      famille: {
        select: {
          cleEnfance: true,
          representants: { select: { role: true, prenom: true, nomUsage: true }, orderBy: { role: "asc" } },
        },
      },
    },
  });
  if (!paiement?.recuNumero) return null;
  const t = paiement.creeLe;
  const avant = { creeLe: { lte: t } };
  const [affectations, factures, paiements, avoirs] = await Promise.all([
    client.affectationPaiement.findMany({
      where: { paiementId },
      select: {
        montantCentimes: true,
        facture: {
          select: {
            numero: true,
            periodeDebut: true,
            totalCentimes: true,
            avoir: { select: { creeLe: true } },
            affectations: { where: { paiement: avant }, select: { montantCentimes: true } },
            affectationsAvoir: { where: { avoir: avant }, select: { montantCentimes: true } },
          },
        },
      },
      orderBy: { facture: { echeanceLe: "asc" } },
    }),
    client.facture.findMany({
      where: { familleId: paiement.familleId, ...avant, OR: [{ avoir: null }, { avoir: { creeLe: { gt: t } } }] },
      select: { totalCentimes: true },
    }),
    client.paiement.findMany({ where: { familleId: paiement.familleId, ...avant }, select: { montantCentimes: true } }),
    // avoirs de régularisation: a credit of the family (an avoir cancelling an invoice removed it above)
    client.avoir.findMany({
      where: { familleId: paiement.familleId, factureId: null, ...avant },
      select: { montantCentimes: true },
    }),
  ]);
  const titulaire = paiement.famille.representants[0];
  return {
    familleId: paiement.familleId,
    pdf: {
      numero: paiement.recuNumero,
      date: dateFr(paiement.date),
      emisLe: formatParis(emisLe, "dd/MM/yyyy"),
      mode: paiement.mode,
      montantCentimes: paiement.montantCentimes,
      destinataire: titulaire ? `${titulaire.prenom} ${titulaire.nomUsage.toUpperCase()}` : "",
      cleEnfance: paiement.famille.cleEnfance,
      factures: affectations.map(({ montantCentimes, facture: f }) => ({
        numero: f.numero,
        periode: moisEnClair(jourDeDate(f.periodeDebut)),
        partCentimes: montantCentimes,
        resteCentimes:
          f.avoir && f.avoir.creeLe <= t
            ? 0
            : Math.max(0, f.totalCentimes - somme(f.affectations) - somme(f.affectationsAvoir)),
      })),
      nonAffecteCentimes: paiement.montantCentimes - somme(affectations),
      soldeCentimes:
        somme(factures.map((f) => ({ montantCentimes: f.totalCentimes }))) - somme(paiements) - somme(avoirs),
    } satisfies Omit<RecuPdf, "commune" | "regie">,
  };
}
