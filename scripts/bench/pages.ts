// Pages under steady load (autocannon, BENCH_CONNECTIONS connections × BENCH_DURATION s each, after a warm-up of
// BENCH_WARMUP s), one after the other on one node: a static file (public/bench-statique.html), the login page,
// the bench's floor (/mon-espace/plancher: the session check and one query, under the layout of every page),
// Mon accueil and Gérer mes réservations (the month view), these three with one parent's session cookie, the
// public home page (served from the cache, as the login page is), and Réserver pour toute la famille (the family
// view, with the cookie), whose first-load JavaScript is weighed too (scripts/bench/js.ts).
// Ratios, not absolute times, are what the budgets hold: absolute times depend on the machine and on whatever
// else it is running.
import type { EventEmitter } from "node:events";
import autocannon from "autocannon";
import { auCalme, COOKIE_SESSION, page as verifier } from "./client";
import { attendre, type Budget, intEnv, ms, percentile, pourcent, ratio, type Scenario } from "./commun";
import { BUDGET_JS_VUE_FAMILLE, jsPremierChargement } from "./js";
import type { Parent } from "./population";

/** `/connexion`'s p95 (and the public home page's) at most this many times the static page's. */
export const BUDGET_CONNEXION_P95 = 2;
/** Mon accueil, the month view and the family view: at least this share of the floor's requests per second. */
export const BUDGET_PART_DU_PLANCHER = 0.5;

type Page = { nom: string; path: string; headers: Record<string, string>; marque: string };

export type MesurePage = {
  page: Page;
  requetesParSeconde: number;
  reponses: number;
  p50: number;
  p95: number;
  p99: number;
  erreurs: number;
  detail: string;
};

let enCours: autocannon.Instance | undefined;
/** transactions SQL per display, by page (PostgreSQL only) */
const requetes = new Map<string, number>();
/** Stops a measure under way (on a signal). */
export function arreterCharge(): void {
  enCours?.stop();
}

function mesurer(baseUrl: string, page: Page, connections: number, duration: number): Promise<MesurePage> {
  return new Promise((resolve, reject) => {
    // autocannon 9 gives p50, p90, p97_5, p99… but no p95: keep every response's latency and rank them here.
    const latencies: number[] = [];
    const instance = autocannon(
      { url: baseUrl + page.path, connections, duration, headers: page.headers },
      (error, result) => {
        enCours = undefined;
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        latencies.sort((a, b) => a - b);
        const codes = Object.entries(result.statusCodeStats ?? {})
          .filter(([code]) => !code.startsWith("2"))
          .map(([code, { count }]) => `HTTP ${code} × ${count ?? "?"}`);
        if (result.errors)
          codes.push(`erreurs de connexion × ${result.errors} (dont délais dépassés × ${result.timeouts})`);
        resolve({
          page,
          requetesParSeconde: result.requests.average,
          reponses: latencies.length,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          // autocannon counts timeouts among its errors: not added twice.
          erreurs: result.non2xx + result.errors,
          detail: codes.join(", "),
        });
      },
    );
    enCours = instance;
    // @types/autocannon declares ("response", (statusCode, bytes, ms)), but autocannon 9 emits the client first
    // (lib/run.js: tracker.emit('response', this, statusCode, resBytes, responseTime)); ms is a float.
    (instance as unknown as EventEmitter).on(
      "response",
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
      },
    );
  });
}

/**
 * The SQL transactions one display of the page costs (PostgreSQL's pg_stat_database.xact_commit around ten
 * displays one after the other, the node otherwise idle): each Prisma query outside a transaction is one, a
 * $transaction one in all. PGlite keeps no such count.
 */
async function transactionsParAffichage(baseUrl: string, p: Page, databaseUrl: string, jeton: string) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // a backend sends its counts at most every second, and an idle one within ten: wait for both sides
  const lire = async () => {
    await attendre(11_000);
    const r = await client.query<{ n: string }>(
      "SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()",
    );
    return Number(r.rows[0]!.n);
  };
  try {
    const avant = await lire();
    for (let i = 0; i < 10; i++) await verifier(baseUrl, p.path, p.headers.cookie ? jeton : undefined, p.marque);
    const apres = await lire();
    // the two reads are transactions too
    return (apres - avant - 2) / 10;
  } finally {
    await client.end();
  }
}

export async function pages(baseUrl: string, parent: Parent, databaseUrl?: string) {
  const connections = intEnv("BENCH_CONNECTIONS", 50, 1, 10_000);
  const duration = intEnv("BENCH_DURATION", 20, 1, 3_600);
  const warmup = intEnv("BENCH_WARMUP", 3, 0, 600);
  const cookie = { cookie: `${COOKIE_SESSION}=${parent.jeton}` };
  const liste: Page[] = [
    { nom: "Page statique", path: "/bench-statique.html", headers: {}, marque: "Page statique de référence" },
    { nom: "Connexion", path: "/connexion", headers: {}, marque: "Mon espace perso" },
    { nom: "Plancher dynamique", path: "/mon-espace/plancher", headers: cookie, marque: "Clé enfance" },
    { nom: "Mon accueil", path: "/mon-espace", headers: cookie, marque: "Bonjour" },
    {
      nom: "Vue du mois",
      path: `/famille/enfants/${parent.enfantId}/reservations`,
      headers: cookie,
      marque: "Enregistrer",
    },
    // a public page served from the cache like /connexion (lib/coquille.ts), held to its budget
    { nom: "Accueil", path: "/", headers: {}, marque: "Portail Famille de" },
    { nom: "Vue de la famille", path: "/famille/reservations", headers: cookie, marque: "Enregistrer" },
  ];
  for (const p of liste) await verifier(baseUrl, p.path, p.headers.cookie ? parent.jeton : undefined, p.marque);
  // without the cookie: off to /connexion, so the cookie is what counts
  if ((await fetch(`${baseUrl}/mon-espace`, { redirect: "manual" })).status !== 307)
    throw new Error("/mon-espace sans cookie ne renvoie pas vers /connexion.");
  if (warmup > 0) for (const p of liste) await mesurer(baseUrl, p, connections, warmup);
  const mesures: MesurePage[] = [];
  requetes.clear();
  if (databaseUrl) {
    await auCalme(baseUrl);
    for (const p of liste) requetes.set(p.nom, await transactionsParAffichage(baseUrl, p, databaseUrl, parent.jeton));
  }
  for (const p of liste) {
    console.log(`  mesure : ${p.nom} (${p.path})…`);
    await auCalme(baseUrl);
    mesures.push(await mesurer(baseUrl, p, connections, duration));
  }
  const js = await jsPremierChargement(baseUrl, "/famille/reservations", parent.jeton);
  return { mesures, connections, duration, js };
}

export function tableauPages(mesures: MesurePage[]): string[][] {
  const [statique, , plancher] = mesures;
  return [
    ["Page", "SQL", "req/s", "p50 ms", "p95 ms", "p99 ms", "Erreurs", "p95 / statique", "req/s / plancher"],
    ...mesures.map((m) => [
      m.page.nom,
      requetes.has(m.page.nom) ? requetes.get(m.page.nom)!.toFixed(1) : "—",
      m.requetesParSeconde.toFixed(1),
      ms(m.p50),
      ms(m.p95),
      ms(m.p99),
      String(m.erreurs),
      ratio(m.p95 / statique!.p95),
      pourcent(m.requetesParSeconde / plancher!.requetesParSeconde),
    ]),
  ];
}

export function budgetsPages(mesures: MesurePage[], ou: string, js?: { octets: number; fichiers: number }): Budget[] {
  const [statique, connexion, plancher, accueil, mois, accueilPublic, famille] = mesures as [
    MesurePage,
    MesurePage,
    MesurePage,
    MesurePage,
    MesurePage,
    MesurePage,
    MesurePage,
  ];
  const part = (m: MesurePage) => m.requetesParSeconde / plancher.requetesParSeconde;
  const erreurs = mesures.reduce((s, m) => s + m.erreurs, 0);
  return [
    ...[connexion, accueilPublic].map((m) => ({
      nom: `${ou} — ${m.page.path} : p95 ≤ ${BUDGET_CONNEXION_P95} × p95 de la page statique`,
      mesure: ratio(m.p95 / statique.p95),
      ok: m.p95 / statique.p95 <= BUDGET_CONNEXION_P95,
    })),
    ...(js
      ? [
          {
            nom: `${ou} — Vue de la famille : JavaScript au premier chargement ≤ ${BUDGET_JS_VUE_FAMILLE / 1000} ko gzip`,
            mesure: `${(js.octets / 1000).toFixed(1)} ko (${js.fichiers} fichiers)`,
            ok: js.octets <= BUDGET_JS_VUE_FAMILLE,
          },
        ]
      : []),
    ...[accueil, mois, famille].map((m) => ({
      nom: `${ou} — ${m.page.nom} : ≥ ${pourcent(BUDGET_PART_DU_PLANCHER)} des req/s du plancher dynamique`,
      mesure: pourcent(part(m)),
      ok: part(m) >= BUDGET_PART_DU_PLANCHER,
    })),
    {
      nom: `${ou} — pages sous charge : 0 erreur`,
      mesure: String(erreurs),
      ok: erreurs === 0,
      pourquoi: mesures
        .filter((m) => m.detail)
        .map((m) => `${m.page.nom} : ${m.detail}`)
        .join(" ; "),
    },
  ];
}

export const scenario: Scenario = {
  nom: "pages",
  titre: "Pages sous charge constante (autocannon, un nœud)",
  async executer(ctx) {
    const { mesures, connections, duration, js } = await pages(
      ctx.noeud.baseUrl,
      ctx.population.parents[0]!,
      ctx.base.genre === "postgresql" ? ctx.base.url : undefined,
    );
    return {
      tableau: tableauPages(mesures),
      budgets: budgetsPages(mesures, ctx.base.libelle, js),
      notes: [
        "SQL : transactions SQL par affichage (PostgreSQL : pg_stat_database, 10 affichages l'un après l'autre). " +
          `${connections} connexions × ${duration} s par page ; p50/p95/p99 au rang le plus proche sur chaque réponse ; ` +
          "erreurs : réponses non 2xx + erreurs de connexion (délais dépassés compris, 10 s).",
      ],
    };
  },
};
