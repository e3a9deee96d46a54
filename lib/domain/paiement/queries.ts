// Reads of invoices and payments. A parent reaches only the invoices of the family they represent; the console
// reaches all of them (its pages check the agent first).
import "server-only";
import { db } from "@/lib/db";
import { normaliserCleEnfance } from "@/lib/cle-enfance";
import { etatFacture, payeCentimes, resteCentimes, SELECT_MONTANTS } from "@/lib/domain/paiement/soldes";

/** The caller's invoice by its number, or null (another family's invoice is as absent as a wrong number). */
export function factureDuUsager(usagerId: string, numero: string) {
  return db().facture.findFirst({
    where: { numero, famille: { representants: { some: { usagerId } } } },
    select: {
      id: true,
      numero: true,
      annee: true,
      familleId: true,
      periodeDebut: true,
      emiseLe: true,
      ...SELECT_MONTANTS,
    },
  });
}

/**
 * The caller's invoice, its state and the attempt its return page is about (`idOp`, its own only). The attempt is
 * read first: once it reads PAYEE, the invoice read after it sees the payment committed with it.
 */
export async function retourPaiement(usagerId: string, numero: string, idOp: string | null, now: Date) {
  const operation = await db().operationPayfip.findFirst({
    where: {
      ...(idOp ? { idOp } : {}),
      facture: { numero, famille: { representants: { some: { usagerId } } } },
    },
    orderBy: { creeLe: "desc" },
  });
  const facture = await factureDuUsager(usagerId, numero);
  if (!facture) return null;
  return {
    facture: { ...facture, etat: etatFacture(facture, now), reste: resteCentimes(facture) },
    operation,
  };
}

const FAMILLE_NOM = {
  id: true,
  cleEnfance: true,
  representants: { where: { role: "TITULAIRE" as const }, select: { prenom: true, nomUsage: true } },
} as const;

export const nomFamille = (famille: { cleEnfance: string; representants: { prenom: string; nomUsage: string }[] }) => {
  const titulaire = famille.representants[0];
  return titulaire ? `${titulaire.nomUsage.toUpperCase()} ${titulaire.prenom}` : famille.cleEnfance;
};

/** The console's list: the latest payments first, with what each paid. */
export function derniersPaiements(nombre = 100) {
  return db().paiement.findMany({
    orderBy: [{ date: "desc" }, { creeLe: "desc" }],
    take: nombre,
    include: {
      famille: { select: FAMILLE_NOM },
      affectations: { select: { montantCentimes: true, facture: { select: { numero: true } } } },
    },
  });
}

/** One payment with its family's open invoices (the allocation form), or null. */
export async function paiementAvecFactures(id: string) {
  const paiement = await db().paiement.findUnique({
    where: { id },
    include: {
      famille: { select: FAMILLE_NOM },
      affectations: { select: { factureId: true, montantCentimes: true } },
    },
  });
  if (!paiement) return null;
  const factures = await db().facture.findMany({
    where: {
      familleId: paiement.familleId,
      avoir: null,
    },
    select: {
      id: true,
      numero: true,
      echeanceLe: true,
      totalCentimes: true,
      affectations: { select: { montantCentimes: true, paiementId: true } },
    },
    orderBy: [{ echeanceLe: "asc" }, { numero: "asc" }],
  });
  const ouvertes = factures
    .map((f) => {
      const ici = f.affectations.find((a) => a.paiementId === paiement.id)?.montantCentimes ?? 0;
      // what the invoice owes when this payment's part is set aside: the most this payment may give it
      const plafond = f.totalCentimes - payeCentimes(f) + ici;
      return { id: f.id, numero: f.numero, echeanceLe: f.echeanceLe, totalCentimes: f.totalCentimes, ici, plafond };
    })
    .filter((f) => f.plafond > 0);
  return { paiement, factures: ouvertes };
}

/** Each family's balance: invoiced (credit notes aside), paid, and the difference (positive: it owes). */
export async function soldesDesFamilles() {
  const [factures, paiements, familles] = await Promise.all([
    db().facture.groupBy({ by: ["familleId"], where: { avoir: null }, _sum: { totalCentimes: true } }),
    db().paiement.groupBy({ by: ["familleId"], _sum: { montantCentimes: true } }),
    db().famille.findMany({
      where: { OR: [{ factures: { some: {} } }, { paiements: { some: {} } }] },
      select: FAMILLE_NOM,
    }),
  ]);
  const facture = new Map(factures.map((f) => [f.familleId, f._sum.totalCentimes ?? 0]));
  const paye = new Map(paiements.map((p) => [p.familleId, p._sum.montantCentimes ?? 0]));
  return familles
    .map((f) => {
      const factureCentimes = facture.get(f.id) ?? 0;
      const payeC = paye.get(f.id) ?? 0;
      return {
        famille: f,
        nom: nomFamille(f),
        factureCentimes,
        payeCentimes: payeC,
        soldeCentimes: factureCentimes - payeC,
      };
    })
    .sort((a, b) => b.soldeCentimes - a.soldeCentimes || a.nom.localeCompare(b.nom, "fr"));
}

/** The family of a clé enfance (the console's payment form), or null. */
export async function familleParCle(saisie: string) {
  const cleEnfance = normaliserCleEnfance(saisie);
  return cleEnfance ? db().famille.findUnique({ where: { cleEnfance }, select: FAMILLE_NOM }) : null;
}
