// Reads of invoices, always through the caller: a parent reaches only their household's invoices (another
// family's number is the same 404 as a number that does not exist); agents reach every one.
import "server-only";
import { db } from "@/lib/db";
import { etatFacture } from "@/lib/domain/paiement/etat";
import { jourDeDate, type Jour } from "@/lib/temps/jours";

export type Lecteur = { usagerId: string } | { agent: true };

const portee = (lecteur: Lecteur) =>
  "agent" in lecteur ? {} : { famille: { representants: { some: { usagerId: lecteur.usagerId } } } };

/** "montant payé" of invoices: the sum of their allocations, of payments and of avoirs de régularisation. */
export async function montantsPayes(factureIds: string[]): Promise<Map<string, number>> {
  const [paiements, avoirs] = await Promise.all([
    db().affectationPaiement.groupBy({
      by: ["factureId"],
      where: { factureId: { in: factureIds } },
      _sum: { montantCentimes: true },
    }),
    db().affectationAvoir.groupBy({
      by: ["factureId"],
      where: { factureId: { in: factureIds } },
      _sum: { montantCentimes: true },
    }),
  ]);
  const payes = new Map(paiements.map((s) => [s.factureId, s._sum.montantCentimes ?? 0]));
  for (const a of avoirs) payes.set(a.factureId, (payes.get(a.factureId) ?? 0) + (a._sum.montantCentimes ?? 0));
  return payes;
}

const avecEtat = async <F extends { id: string; totalCentimes: number; echeanceLe: Date; avoir: unknown }>(
  factures: F[],
  aujourdhui: Jour,
) => {
  const payes = await montantsPayes(factures.map((f) => f.id));
  return factures.map((f) => {
    const payeCentimes = payes.get(f.id) ?? 0;
    return {
      ...f,
      payeCentimes,
      resteCentimes: f.avoir ? 0 : Math.max(0, f.totalCentimes - payeCentimes),
      etat: etatFacture({
        totalCentimes: f.totalCentimes,
        payeCentimes,
        echeance: jourDeDate(f.echeanceLe),
        annulee: f.avoir !== null,
        aujourdhui,
      }),
    };
  });
};

/** Mes factures: the household's invoices, newest first. */
export async function facturesDeLUsager(usagerId: string, aujourdhui: Jour) {
  const factures = await db().facture.findMany({
    where: portee({ usagerId }),
    orderBy: [{ periodeDebut: "desc" }, { numero: "desc" }],
    select: {
      id: true,
      numero: true,
      periodeDebut: true,
      emiseLe: true,
      echeanceLe: true,
      totalCentimes: true,
      avoir: { select: { numero: true } },
    },
  });
  return avecEtat(factures, aujourdhui);
}

/** One invoice with its lines, or null (not theirs, or no such number). */
export async function factureALire(lecteur: Lecteur, numero: string, aujourdhui: Jour) {
  const facture = await db().facture.findFirst({
    where: { numero, ...portee(lecteur) },
    include: {
      lignes: { orderBy: { ordre: "asc" } },
      avoir: true,
      famille: { select: { cleEnfance: true } },
    },
  });
  if (!facture) return null;
  const [avec] = await avecEtat([facture], aujourdhui);
  return avec!;
}

/** The console's list of a month's invoices. */
export async function facturesDuMois(mois: Date, aujourdhui: Jour) {
  const factures = await db().facture.findMany({
    where: { periodeDebut: mois },
    orderBy: { numero: "asc" },
    select: {
      id: true,
      numero: true,
      destinataire: true,
      familleId: true,
      echeanceLe: true,
      totalCentimes: true,
      avoir: { select: { numero: true } },
      famille: { select: { cleEnfance: true } },
    },
  });
  return avecEtat(factures, aujourdhui);
}

export const dernieresFacturations = (nombre = 10) =>
  db().runFacturation.findMany({ orderBy: { debut: "desc" }, take: nombre });

export const runFacturation = (id: string) => db().runFacturation.findUnique({ where: { id } });

/** The years a household has paid something in, for its attestations fiscales. */
export async function anneesDePaiement(familleId: string): Promise<number[]> {
  const lignes = await db().$queryRaw<{ annee: number }[]>`
    SELECT DISTINCT extract(year FROM date)::int AS annee FROM "Paiement" WHERE "familleId" = ${familleId}
    ORDER BY 1 DESC`;
  return lignes.map((l) => l.annee);
}

/** The household a parent belongs to (for the attestation fiscale), or null. */
export async function familleDeLUsager(usagerId: string) {
  const r = await db().representant.findFirst({ where: { usagerId }, select: { familleId: true } });
  return r?.familleId ?? null;
}

/** The console's billing page of a household: its QFs, the attestations it may upload, its invoices. */
export async function familleFacturation(familleId: string, aujourdhui: Jour) {
  const famille = await db().famille.findUnique({
    where: { id: familleId },
    select: {
      id: true,
      cleEnfance: true,
      representants: { select: { role: true, prenom: true, nomUsage: true } },
      quotients: { orderBy: [{ du: "desc" }, { creeLe: "desc" }] },
      pieces: {
        where: { type: "ATTESTATION_CAF" },
        orderBy: { uploadedAt: "desc" },
        select: { id: true, nom: true, uploadedAt: true },
      },
    },
  });
  if (!famille) return null;
  const factures = await db().facture.findMany({
    where: { familleId },
    orderBy: [{ periodeDebut: "desc" }],
    select: {
      id: true,
      numero: true,
      periodeDebut: true,
      echeanceLe: true,
      totalCentimes: true,
      avoir: { select: { numero: true } },
    },
  });
  return { ...famille, factures: await avecEtat(factures, aujourdhui), annees: await anneesDePaiement(familleId) };
}
