// Reads of invoices and payments. A parent reaches only the invoices of the family they represent; the console
// reaches all of them (its pages check the agent first).
import "server-only";
import { db } from "@/lib/db";
import { normaliserCleEnfance } from "@/lib/cle-enfance";
import { formaterNumero, SERIE_FACTURE } from "@/lib/argent/numerotation";
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

/**
 * Each family's balance (positive: it owes; negative: a credit it holds): its invoices (an invoice cancelled by an
 * avoir counts for nothing), minus its avoirs de régularisation, minus its payments. Integer cents.
 */
export async function soldesDe(familleIds?: string[]) {
  const famille = familleIds ? { familleId: { in: familleIds } } : {};
  const [factures, avoirs, paiements] = await Promise.all([
    db().facture.groupBy({ by: ["familleId"], where: { ...famille, avoir: null }, _sum: { totalCentimes: true } }),
    db().avoir.groupBy({ by: ["familleId"], where: { ...famille, factureId: null }, _sum: { montantCentimes: true } }),
    // a debit the bank rejected (rejeteLe) paid nothing
    db().paiement.groupBy({
      by: ["familleId"],
      where: { ...famille, rejeteLe: null },
      _sum: { montantCentimes: true },
    }),
  ]);
  const soldes = new Map<string, { factureCentimes: number; avoirCentimes: number; payeCentimes: number }>();
  const de = (id: string) => {
    const solde = soldes.get(id) ?? { factureCentimes: 0, avoirCentimes: 0, payeCentimes: 0 };
    soldes.set(id, solde);
    return solde;
  };
  for (const f of factures) de(f.familleId).factureCentimes = f._sum.totalCentimes ?? 0;
  for (const a of avoirs) de(a.familleId).avoirCentimes = a._sum.montantCentimes ?? 0;
  for (const p of paiements) de(p.familleId).payeCentimes = p._sum.montantCentimes ?? 0;
  return new Map(
    [...soldes].map(([id, s]) => [id, { ...s, soldeCentimes: s.factureCentimes - s.avoirCentimes - s.payeCentimes }]),
  );
}

/** Every family with an invoice, an avoir or a payment, and its balance, the largest amount due first. */
export async function soldesDesFamilles() {
  const [soldes, familles] = await Promise.all([
    soldesDe(),
    db().famille.findMany({
      where: { OR: [{ factures: { some: {} } }, { paiements: { some: {} } }, { avoirs: { some: {} } }] },
      select: FAMILLE_NOM,
    }),
  ]);
  return familles
    .map((f) => ({
      famille: f,
      nom: nomFamille(f),
      ...(soldes.get(f.id) ?? { factureCentimes: 0, avoirCentimes: 0, payeCentimes: 0, soldeCentimes: 0 }),
    }))
    .sort((a, b) => b.soldeCentimes - a.soldeCentimes || a.nom.localeCompare(b.nom, "fr"));
}

/** The family of a clé enfance (the console's payment form), or null. */
export async function familleParCle(saisie: string) {
  const cleEnfance = normaliserCleEnfance(saisie);
  return cleEnfance ? db().famille.findUnique({ where: { cleEnfance }, select: FAMILLE_NOM }) : null;
}

/** An invoice number as an agent may type it (« fa2026000123 », « FA 2026 123 »), written as issued, or null. */
export function lireNumeroFacture(saisie: string): string | null {
  const [, annee, sequence] = /^(?:FA)?(\d{4})(\d{1,10})$/.exec(saisie.toUpperCase().replace(/[\s\-_./]/g, "")) ?? [];
  if (!annee || !sequence) return null;
  // the issued numbers have six digits; a longer one is read as typed
  return sequence.length > 6
    ? `${SERIE_FACTURE}-${annee}-${sequence}`
    : formaterNumero(SERIE_FACTURE, Number(annee), Number(sequence));
}

/** The words of a name without case or accents (« Lætitia Hervé-Durand » → laetitia, herve, durand). */
export function motsDuNom(saisie: string): string[] {
  return saisie
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 6);
}

// What PostgreSQL's lower() and translate() need to read a name as motsDuNom writes a word: both cases, because
// lower() leaves accented capitals alone under a C collation.
const ACCENTS = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
const SANS_ACCENTS = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY";
const RESULTATS_MAX = 20;

/** The families whose representants' and children's names hold every word (each one a part of some name). */
async function famillesParNom(mots: string[]): Promise<string[]> {
  if (mots.length === 0) return [];
  const lignes = await db().$queryRaw<{ id: string }[]>`
    WITH noms AS (
      SELECT r."familleId" AS id, concat_ws(' ', r."nomUsage", r."nomFamille", r.prenom) AS texte
        FROM "Representant" r
      UNION ALL
      SELECT fe."familleId", concat_ws(' ', e.nom, e.prenoms)
        FROM "FamilleEnfant" fe JOIN "Enfant" e ON e.id = fe."enfantId"
    ), familles AS (
      SELECT id, replace(replace(lower(translate(string_agg(texte, ' '), ${ACCENTS}, ${SANS_ACCENTS})), 'æ', 'ae'),
               'œ', 'oe') AS texte
        FROM noms GROUP BY id
    )
    SELECT id FROM familles f
     WHERE NOT EXISTS (SELECT 1 FROM unnest(${mots}::text[]) AS mot WHERE f.texte NOT LIKE '%' || mot || '%')
     LIMIT ${RESULTATS_MAX}`;
  return lignes.map((l) => l.id);
}

/**
 * The console's search for a family to record a payment for: by a representant's or a child's name (accents and
 * case aside), by clé enfance, or by the number of one of its invoices (the one written on the back of a cheque,
 * then returned as `facture` with what it still owes). Each family comes with its balance.
 */
export async function rechercherFamilles(saisie: string) {
  const texte = saisie.trim().slice(0, 100);
  if (!texte) return [];
  const cle = normaliserCleEnfance(texte);
  const numero = lireNumeroFacture(texte);
  const [parCle, facture, parNom] = await Promise.all([
    cle ? db().famille.findUnique({ where: { cleEnfance: cle }, select: { id: true } }) : null,
    numero
      ? db().facture.findUnique({ where: { numero }, select: { numero: true, familleId: true, ...SELECT_MONTANTS } })
      : null,
    famillesParNom(motsDuNom(texte)),
  ]);
  const ids = [...new Set([facture?.familleId, parCle?.id, ...parNom].filter((id): id is string => Boolean(id)))];
  const [familles, soldes] = await Promise.all([
    db().famille.findMany({
      where: { id: { in: ids } },
      select: {
        ...FAMILLE_NOM,
        enfants: { select: { enfant: { select: { prenoms: true, nom: true } } } },
      },
    }),
    soldesDe(ids),
  ]);
  const rang = (id: string) => (id === facture?.familleId ? 0 : id === parCle?.id ? 1 : 2);
  return familles
    .map((f) => ({
      id: f.id,
      cleEnfance: f.cleEnfance,
      nom: nomFamille(f),
      enfants: f.enfants.map((e) => `${e.enfant.prenoms} ${e.enfant.nom.toUpperCase()}`).sort(),
      soldeCentimes: soldes.get(f.id)?.soldeCentimes ?? 0,
      facture:
        facture && facture.familleId === f.id
          ? { numero: facture.numero, resteCentimes: resteCentimes(facture) }
          : null,
    }))
    .sort((a, b) => rang(a.id) - rang(b.id) || a.nom.localeCompare(b.nom, "fr"));
}

/** The family a payment form is for (reached from a search result), or null. */
export function famillePourPaiement(familleId: string) {
  return db().famille.findUnique({ where: { id: familleId }, select: FAMILLE_NOM });
}

/** The invoice a payment form is for (« Enregistrer un paiement » on its page) and what it still owes, or null. */
export async function facturePourPaiement(numero: string) {
  const facture = await db().facture.findUnique({
    where: { numero },
    select: { numero: true, famille: { select: FAMILLE_NOM }, ...SELECT_MONTANTS },
  });
  return facture && { numero: facture.numero, famille: facture.famille, resteCentimes: resteCentimes(facture) };
}
