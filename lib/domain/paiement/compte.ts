// The family account: what a household owes or has to its credit, and the one rule that spends its credit.
// Money received (Paiement) and avoirs de régularisation (Avoir without factureId) pay the family's oldest open
// invoices (due date, then number) as soon as both exist, whichever came first: after a payment, an emission,
// an avoir or a cancellation the caller runs appliquerCredits in its own transaction. A household in garde
// alternée is its own Famille (each books and pays its own days), so an account is one Famille.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { etatFacture, payeCentimes, resteCentimes, verrouillerFactures } from "@/lib/domain/paiement/soldes";
import type { ModePaiement } from "@/lib/generated/prisma/client";

/**
 * The accounts' lock: the families' rows, in a stable order (two commands never deadlock on it), FOR NO KEY
 * UPDATE so rows pointing at the family (an invoice, a booking) can still be inserted meanwhile. Whoever spends
 * a family's credit holds it first, then reads what is free: a euro is never allocated twice.
 */
export async function verrouillerComptes(tx: Tx, familleIds: string[]): Promise<void> {
  if (familleIds.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Famille" WHERE id = ANY(${[...new Set(familleIds)].sort()}::text[])
    ORDER BY id FOR NO KEY UPDATE`;
}

type Credit = { genre: "P" | "A"; id: string; familleId: string; libre: number };
type Ouverte = { id: string; familleId: string; reste: number };

/** The unused part of each payment and avoir de régularisation of these families, oldest first. */
const creditsLibres = (tx: Tx, familles: string[]) =>
  tx.$queryRaw<Credit[]>`
    SELECT genre, id, "familleId", libre FROM (
      SELECT 'P' AS genre, p.id, p."familleId", p.date AS jour, p."creeLe",
             p."montantCentimes" - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationPaiement" x
                                             WHERE x."paiementId" = p.id), 0)::int AS libre
      FROM "Paiement" p WHERE p."familleId" = ANY(${familles}::text[]) AND p."rejeteLe" IS NULL
      UNION ALL
      SELECT 'A', a.id, a."familleId", a."emisLe", a."creeLe",
             a."montantCentimes" - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationAvoir" x
                                             WHERE x."avoirId" = a.id), 0)::int
      FROM "Avoir" a WHERE a."factureId" IS NULL AND a."familleId" = ANY(${familles}::text[])
    ) c WHERE libre > 0 ORDER BY jour, "creeLe", id`;

/** The open invoices of these families (not cancelled, something still due), oldest due date then number. */
const facturesOuvertes = (tx: Tx, familles: string[]) =>
  tx.$queryRaw<Ouverte[]>`
    SELECT id, "familleId", reste FROM (
      SELECT f.id, f."familleId", f."echeanceLe", f.numero,
             f."totalCentimes"
             - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationPaiement" x WHERE x."factureId" = f.id), 0)
             - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationAvoir" x WHERE x."factureId" = f.id), 0)
             AS reste
      FROM "Facture" f
      WHERE f."familleId" = ANY(${familles}::text[])
        AND NOT EXISTS (SELECT 1 FROM "Avoir" av WHERE av."factureId" = f.id)
    ) o WHERE reste > 0 ORDER BY "echeanceLe", numero`.then((lignes) =>
    lignes.map((l) => ({ ...l, reste: Number(l.reste) })),
  );

/**
 * Applies every unused payment part and unused avoir de régularisation of these families to their oldest open
 * invoices, inside the caller's transaction. Cheap when nobody has credit (an emission of thousands of
 * families): the lock, then one query.
 */
export async function appliquerCredits(tx: Tx, familleIds: string[]): Promise<void> {
  const familles = [...new Set(familleIds)];
  if (familles.length === 0) return;
  await verrouillerComptes(tx, familles);
  const credits = await creditsLibres(tx, familles);
  if (credits.length === 0) return;
  const crediteurs = [...new Set(credits.map((c) => c.familleId))];
  const ouvertes = await facturesOuvertes(tx, crediteurs);
  if (ouvertes.length === 0) return;
  // the invoices too, for whoever allocates to one invoice holding its row only (an agent's choice)
  await verrouillerFactures(
    tx,
    ouvertes.map((f) => f.id),
  );

  const paiements: { source: string; factureId: string; montant: number }[] = [];
  const avoirs: { source: string; factureId: string; montant: number }[] = [];
  for (const familleId of crediteurs) {
    const sources = credits.filter((c) => c.familleId === familleId).map((c) => ({ ...c }));
    for (const facture of ouvertes.filter((f) => f.familleId === familleId)) {
      let reste = facture.reste;
      for (const source of sources) {
        if (reste === 0) break;
        const part = Math.min(reste, source.libre);
        if (part === 0) continue;
        (source.genre === "P" ? paiements : avoirs).push({ source: source.id, factureId: facture.id, montant: part });
        source.libre -= part;
        reste -= part;
      }
    }
  }
  // a payment an agent allocated by hand may already pay part of the same invoice: its row grows
  if (paiements.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "AffectationPaiement" ("paiementId", "factureId", "montantCentimes")
      SELECT * FROM unnest(${paiements.map((p) => p.source)}::text[], ${paiements.map((p) => p.factureId)}::text[],
                           ${paiements.map((p) => p.montant)}::int[])
      ON CONFLICT ("paiementId", "factureId")
      DO UPDATE SET "montantCentimes" = "AffectationPaiement"."montantCentimes" + EXCLUDED."montantCentimes"`;
  }
  if (avoirs.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "AffectationAvoir" ("avoirId", "factureId", "montantCentimes")
      SELECT * FROM unnest(${avoirs.map((p) => p.source)}::text[], ${avoirs.map((p) => p.factureId)}::text[],
                           ${avoirs.map((p) => p.montant)}::int[])
      ON CONFLICT ("avoirId", "factureId")
      DO UPDATE SET "montantCentimes" = "AffectationAvoir"."montantCentimes" + EXCLUDED."montantCentimes"`;
  }
}

export type Mouvement =
  | {
      genre: "facture";
      date: Date;
      numero: string;
      periodeDebut: Date;
      montantCentimes: number;
      annulee: boolean;
      /** the régularisation lines the invoice carries (a day changed after its own invoice) */
      regularisations: { enfantNom: string; libelle: string; jours: Date[]; montantCentimes: number; motif: string }[];
    }
  | {
      genre: "paiement";
      date: Date;
      mode: ModePaiement;
      reference: string | null;
      montantCentimes: number;
      recuNumero: string | null;
      /** a debit the bank returned: shown « Prélèvement rejeté », counted nowhere */
      rejeteLe: Date | null;
      /** the invoices it paid, by number */
      factures: { numero: string; montantCentimes: number }[];
    }
  | {
      genre: "avoir";
      date: Date;
      numero: string;
      motif: string;
      montantCentimes: number;
      /** the invoice it cancels; null for an avoir de régularisation (a credit) */
      factureAnnulee: string | null;
    };

/**
 * A family's account for Mes factures and the console's family page: the balance (invoices not cancelled −
 * avoirs de régularisation − payments: positive is due, negative is the family's credit), its invoices with
 * what each still owes and what was deducted from an earlier credit, and the movements, newest first.
 * `familleId` must be one the caller may read (the pages check it).
 */
export async function compteFamille(familleId: string, now: Date) {
  const [factures, paiements, avoirs] = await Promise.all([
    db().facture.findMany({
      where: { familleId },
      orderBy: [{ periodeDebut: "desc" }, { numero: "desc" }],
      select: {
        id: true,
        numero: true,
        periodeDebut: true,
        emiseLe: true,
        echeanceLe: true,
        totalCentimes: true,
        creeLe: true,
        avoir: { select: { id: true, numero: true } },
        affectations: { select: { montantCentimes: true, paiement: { select: { creeLe: true } } } },
        affectationsAvoir: { select: { montantCentimes: true } },
        lignes: {
          where: { regularisation: { not: null } },
          orderBy: { ordre: "asc" },
          select: { enfantNom: true, libelle: true, jours: true, montantCentimes: true, regularisation: true },
        },
      },
    }),
    db().paiement.findMany({
      where: { familleId },
      select: {
        id: true,
        date: true,
        creeLe: true,
        mode: true,
        reference: true,
        montantCentimes: true,
        recuNumero: true,
        rejeteLe: true,
        affectations: { select: { montantCentimes: true, facture: { select: { numero: true } } } },
      },
    }),
    db().avoir.findMany({
      where: { familleId },
      select: {
        numero: true,
        emisLe: true,
        creeLe: true,
        motif: true,
        montantCentimes: true,
        facture: { select: { numero: true } },
      },
    }),
  ]);

  const lignesFactures = factures.map((f) => {
    const deduitCentimes =
      f.affectationsAvoir.reduce((s, a) => s + a.montantCentimes, 0) +
      f.affectations.filter((a) => a.paiement.creeLe < f.creeLe).reduce((s, a) => s + a.montantCentimes, 0);
    return {
      numero: f.numero,
      periodeDebut: f.periodeDebut,
      emiseLe: f.emiseLe,
      echeanceLe: f.echeanceLe,
      totalCentimes: f.totalCentimes,
      avoir: f.avoir,
      etat: etatFacture(f, now),
      payeCentimes: payeCentimes(f),
      resteCentimes: resteCentimes(f),
      /** paid by money received or an avoir issued before the invoice: « dont … déduits de votre avoir » */
      deduitCentimes,
    };
  });

  const dues = factures.filter((f) => !f.avoir).reduce((s, f) => s + f.totalCentimes, 0);
  const credites = avoirs.filter((a) => !a.facture).reduce((s, a) => s + a.montantCentimes, 0);
  const payes = paiements.filter((p) => !p.rejeteLe).reduce((s, p) => s + p.montantCentimes, 0);

  const mouvements: (Mouvement & { creeLe?: Date })[] = [
    ...factures.map((f) => ({
      genre: "facture" as const,
      date: f.emiseLe,
      creeLe: f.creeLe,
      numero: f.numero,
      periodeDebut: f.periodeDebut,
      montantCentimes: f.totalCentimes,
      annulee: Boolean(f.avoir),
      regularisations: f.lignes.map((l) => ({
        enfantNom: l.enfantNom,
        libelle: l.libelle,
        jours: l.jours,
        montantCentimes: l.montantCentimes,
        motif: l.regularisation!,
      })),
    })),
    ...paiements.map((p) => ({
      genre: "paiement" as const,
      date: p.date,
      creeLe: p.creeLe,
      mode: p.mode,
      reference: p.reference,
      montantCentimes: p.montantCentimes,
      recuNumero: p.recuNumero,
      rejeteLe: p.rejeteLe,
      factures: p.affectations.map((a) => ({ numero: a.facture.numero, montantCentimes: a.montantCentimes })),
    })),
    ...avoirs.map((a) => ({
      genre: "avoir" as const,
      date: a.emisLe,
      creeLe: a.creeLe,
      numero: a.numero,
      motif: a.motif,
      montantCentimes: a.montantCentimes,
      factureAnnulee: a.facture?.numero ?? null,
    })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime() || b.creeLe!.getTime() - a.creeLe!.getTime());
  for (const m of mouvements) delete m.creeLe;

  return {
    soldeCentimes: dues - credites - payes,
    factures: lignesFactures,
    mouvements: mouvements as Mouvement[],
  };
}

export type CompteFamille = Awaited<ReturnType<typeof compteFamille>>;

/** The households a parent represents (one account each), the titulaire's name to tell them apart. */
export async function famillesDuParent(usagerId: string) {
  const familles = await db().famille.findMany({
    where: { representants: { some: { usagerId } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      representants: { where: { role: "TITULAIRE" }, select: { prenom: true, nomUsage: true } },
    },
  });
  return familles.map((f) => {
    const titulaire = f.representants[0];
    return { id: f.id, nom: titulaire ? `${titulaire.prenom} ${titulaire.nomUsage.toUpperCase()}` : "" };
  });
}
