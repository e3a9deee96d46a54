// The ledger of the invoiced months, compared in PostgreSQL with what each day costs now. What a day (family ×
// child × unit × date) has been billed is the sum of the unit prices of the lines holding it: invoices not
// cancelled by a whole-invoice avoir, avoirs de régularisation, months carried under the threshold and not yet
// invoiced. What it costs now follows joursDuMois (facturer.ts): its billed states, majorés, the « présent sans
// réservation » pointages, and the QF of that day. The days come back grouped by what decides their price, so a
// year of days costs as many rows as invoice lines; regularisation.ts prices the groups and keeps the differences.
import "server-only";
import { db } from "@/lib/db";
import { etatsFactures, etatsMajores } from "@/lib/domain/reservation/transitions";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

/** Days that cost the same now and were billed the same: the group's price decides them all. */
export type GroupeDeJours = {
  familleId: string;
  enfantId: string;
  uniteId: number;
  /** null: the day is billed nothing now (its year, its tariff not needed) */
  anneeId: number | null;
  quotient: number | null;
  /** billed now: days at the plain price, days with the supplement (a pointage « présent sans réservation ») */
  simples: number;
  majores: number;
  /** Σ the unit prices of the ledger's lines holding the day */
  factureCentimes: number;
  jours: Jour[];
};

export async function joursARegulariser(familles: string[], mois: Jour): Promise<GroupeDeJours[]> {
  // a month of a commune's days is a few hundred thousand rows joined, sorted and grouped: with the default
  // work_mem they spill to disk, and JIT compiling costs more than it saves; both set for this query only
  // (halves it on the bench, scripts/bench/facturation.ts)
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '128MB'`;
      await tx.$executeRaw`SET LOCAL jit = off`;
      // the families come as one array, so PostgreSQL expects a few hundred rows where there are a hundred
      // thousand, and plans nested loops and sorts on text keys; hashes are 2 to 3 times faster here
      await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      return tx.$queryRaw<GroupeDeJours[]>`
    WITH m AS (
      SELECT DISTINCT mois AS debut, (mois + interval '1 month' - interval '1 day')::date AS fin
      FROM "RunFacturation" WHERE statut = 'TERMINE' AND mois < ${dateDeJour(mois)}
    ),
    -- one row per day billed now (genre M: with the supplement, S: without) and per ledger line holding a day
    -- (genre L, its unit price), summed per day in one hash aggregation: no sort, no join of the two sides
    elements AS (
      SELECT r."familleId", r."enfantId", r."uniteId", r.date, i."anneeId",
             CASE WHEN r.statut = ANY(${etatsMajores()}::"StatutReservation"[]) THEN 'M' ELSE 'S' END AS genre,
             0 AS prix
      FROM m
      JOIN "Reservation" r ON r.date BETWEEN m.debut AND m.fin
      JOIN "Inscription" i ON i.id = r."inscriptionId"
      WHERE r."familleId" = ANY(${familles}::text[])
        AND r.statut = ANY(${etatsFactures()}::"StatutReservation"[])
      UNION ALL
      SELECT i."familleId", p."enfantId", p."uniteId", p.date, i."anneeId", 'M', 0
      FROM m
      JOIN "Pointage" p ON p.date BETWEEN m.debut AND m.fin
      JOIN "Unite" u ON u.id = p."uniteId"
      JOIN LATERAL (
        SELECT i."familleId", i."anneeId" FROM "Inscription" i
        JOIN "AnneeScolaire" a ON a.id = i."anneeId"
        WHERE i."enfantId" = p."enfantId" AND i."activiteId" = u."activiteId" AND i.statut = 'ACTIVE'
          AND p.date BETWEEN a."dateDebut" AND a."dateFin"
        ORDER BY i."createdAt" LIMIT 1
      ) i ON true
      WHERE p.etat = 'PRESENT_SANS_RESERVATION' AND i."familleId" = ANY(${familles}::text[])
      UNION ALL
      SELECT f."familleId", l."enfantId", l."uniteId", j.date, NULL, 'L', l."prixUnitaireCentimes"
      FROM "Facture" f
      JOIN "LigneFacture" l ON l."factureId" = f.id
      CROSS JOIN LATERAL unnest(l.jours) AS j(date)
      JOIN m ON j.date BETWEEN m.debut AND m.fin
      WHERE f."familleId" = ANY(${familles}::text[])
        AND NOT EXISTS (SELECT 1 FROM "Avoir" a WHERE a."factureId" = f.id)
      UNION ALL
      SELECT a."familleId", l."enfantId", l."uniteId", j.date, NULL, 'L', l."prixUnitaireCentimes"
      FROM "Avoir" a
      JOIN "LigneAvoir" l ON l."avoirId" = a.id
      CROSS JOIN LATERAL unnest(l.jours) AS j(date)
      JOIN m ON j.date BETWEEN m.debut AND m.fin
      WHERE a."familleId" = ANY(${familles}::text[])
      UNION ALL
      SELECT rf."familleId", e->>'enfantId', (e->>'uniteId')::int, j.date::date, NULL, 'L',
             (e->>'prixUnitaireCentimes')::int
      FROM "ReportFacturation" rf
      CROSS JOIN LATERAL jsonb_array_elements(rf.lignes) AS e
      CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(e->'jours', '[]'::jsonb)) AS j(date)
      JOIN m ON j.date::date BETWEEN m.debut AND m.fin
      WHERE rf."factureId" IS NULL AND rf."familleId" = ANY(${familles}::text[])
    ),
    jours AS (
      SELECT "familleId", "enfantId", "uniteId", date, max("anneeId") AS "anneeId",
             (count(*) FILTER (WHERE genre = 'S'))::int AS simples, (count(*) FILTER (WHERE genre = 'M'))::int AS majores,
             (sum(prix) FILTER (WHERE genre = 'L'))::int AS facture
      FROM elements GROUP BY 1, 2, 3, 4
    ),
    -- the QF of each (household, day) billed now, looked up once however many children and units share it
    quotients AS (
      SELECT d."familleId", d.date, q.valeur
      FROM (SELECT DISTINCT "familleId", date FROM jours WHERE "anneeId" IS NOT NULL) d
      CROSS JOIN LATERAL (
        SELECT valeur FROM "QuotientFamilial" q
        WHERE q."familleId" = d."familleId" AND q.du <= d.date AND (q.au IS NULL OR q.au >= d.date)
        ORDER BY q.du DESC, q."creeLe" DESC LIMIT 1
      ) q
    )
    SELECT x."familleId", x."enfantId", x."uniteId", x."anneeId", q.valeur AS quotient, x.simples, x.majores,
           coalesce(x.facture, 0) AS "factureCentimes", array_agg(to_char(x.date, 'YYYY-MM-DD')) AS jours
    FROM jours x
    LEFT JOIN quotients q ON q."familleId" = x."familleId" AND q.date = x.date
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
    },
    // maxWait: a connection of the pool may be busy with the other chunk or the month's days
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** (household, child, unit, month) billed before invoice lines kept their days: left as they were billed. */
export async function moisSansJours(familles: string[]): Promise<Set<string>> {
  const lignes = await db().$queryRaw<{ cle: string }[]>`
    SELECT DISTINCT f."familleId" || '|' || l."enfantId" || '|' || l."uniteId" || '|' || to_char(l.mois, 'YYYY-MM') AS cle
    FROM "Facture" f JOIN "LigneFacture" l ON l."factureId" = f.id
    WHERE f."familleId" = ANY(${familles}::text[]) AND cardinality(l.jours) = 0 AND l.regularisation IS NULL
    UNION
    SELECT rf."familleId" || '|' || (e->>'enfantId') || '|' || (e->>'uniteId') || '|' || left(e->>'mois', 7)
    FROM "ReportFacturation" rf CROSS JOIN LATERAL jsonb_array_elements(rf.lignes) AS e
    WHERE rf."familleId" = ANY(${familles}::text[]) AND e->'jours' IS NULL`;
  return new Set(lignes.map((l) => l.cle));
}

/** For each day to regularise: what changed it after it was billed, read from its story. */
export type Cause = {
  familleId: string;
  enfantId: string;
  uniteId: number;
  jour: Jour;
  raison: string | null;
  vers: string | null;
  annulee: string | null;
  pointage: string | null;
};

export async function causes(jours: { familleId: string; enfantId: string; uniteId: number; jour: Jour }[]) {
  if (jours.length === 0) return [];
  // a QF corrected for a few hundred households is thousands of days: the ledger of those households is read once
  // and hashed against them, rather than searched day by day
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
      return tx.$queryRaw<Cause[]>`
    WITH c AS MATERIALIZED (
      SELECT * FROM unnest(${jours.map((j) => j.familleId)}::text[], ${jours.map((j) => j.enfantId)}::text[],
                           ${jours.map((j) => j.uniteId)}::int[], ${jours.map((j) => j.jour)}::date[]) AS c(f, e, u, d)
    ),
    familles AS (SELECT DISTINCT f FROM c),
    -- every document of the ledger holding a day of these households, dated by the clock the reservations' story
    -- is written with (an invoice: its run's); a cancelled invoice with its number and when it was cancelled
    documents AS (
      SELECT f."familleId" AS f, l."enfantId" AS e, l."uniteId" AS u, j.date AS d,
             coalesce(run.debut, f."creeLe") AS t, av."creeLe" AS annulee, f.numero
      FROM "Facture" f
      JOIN "LigneFacture" l ON l."factureId" = f.id
      LEFT JOIN "RunFacturation" run ON run.id = f."runId"
      LEFT JOIN "Avoir" av ON av."factureId" = f.id
      CROSS JOIN LATERAL unnest(l.jours) AS j(date)
      WHERE f."familleId" IN (SELECT f FROM familles)
      UNION ALL
      SELECT a."familleId", l."enfantId", l."uniteId", j.date, a."creeLe", NULL, NULL
      FROM "Avoir" a
      JOIN "LigneAvoir" l ON l."avoirId" = a.id
      CROSS JOIN LATERAL unnest(l.jours) AS j(date)
      WHERE a."familleId" IN (SELECT f FROM familles)
      UNION ALL
      SELECT rf."familleId", x.v->>'enfantId', (x.v->>'uniteId')::int, j.date::date, rf."creeLe", NULL, NULL
      FROM "ReportFacturation" rf
      CROSS JOIN LATERAL jsonb_array_elements(rf.lignes) AS x(v)
      CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(x.v->'jours', '[]'::jsonb)) AS j(date)
      WHERE rf."factureId" IS NULL AND rf."familleId" IN (SELECT f FROM familles)
    ),
    -- when the day was last written in the ledger (any document), in a document still standing, and the last
    -- invoice holding it that was cancelled
    s AS (
      SELECT c.f, c.e, c.u, c.d, max(x.t) AS depuis, max(x.t) FILTER (WHERE x.annulee IS NULL) AS vivant,
             (array_agg(x.numero ORDER BY x.annulee DESC) FILTER (WHERE x.annulee IS NOT NULL))[1] AS numero,
             max(x.annulee) AS annulee
      FROM c LEFT JOIN documents x ON x.f = c.f AND x.e = c.e AND x.u = c.u AND x.d = c.d
      GROUP BY 1, 2, 3, 4
    )
    SELECT s.f AS "familleId", s.e AS "enfantId", s.u AS "uniteId", to_char(s.d, 'YYYY-MM-DD') AS jour,
           ev.raison::text AS raison, ev.vers::text AS vers,
           CASE WHEN s.annulee > coalesce(s.vivant, '-infinity'::timestamp) THEN s.numero END AS annulee,
           po.etat::text AS pointage
    FROM s
    LEFT JOIN "Reservation" r ON r."enfantId" = s.e AND r."uniteId" = s.u AND r.date = s.d
    LEFT JOIN LATERAL (
      SELECT raison, vers FROM "ReservationEvenement" ev
      WHERE ev."reservationId" = r.id AND ev."createdAt" > coalesce(s.depuis, '-infinity'::timestamp)
      ORDER BY ev."createdAt" DESC, ev.id DESC LIMIT 1
    ) ev ON true
    LEFT JOIN "Pointage" po ON po."enfantId" = s.e AND po."uniteId" = s.u AND po.date = s.d`;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
