// Pages under steady load (autocannon, BENCH_CONNECTIONS connections × BENCH_DURATION s each, after a warm-up of
// BENCH_WARMUP s; scripts/bench/charge.ts), one after the other on one node: a static file
// (public/bench-statique.html), the login page, the framework's floor (/plancher-cadre: a dynamic page with
// neither session nor query, under the root layout), the bench's floor (/mon-espace/plancher: the session check
// and one query), Mon accueil and Gérer mes réservations (the month view), these with one parent's session
// cookie, the public home page (served from the cache, as the login page is), Réserver pour toute la famille
// (the family view, with the cookie), whose first-load JavaScript is weighed too (scripts/bench/js.ts), and the
// save: the month view's « Enregistrer » (enregistrerReservationsAction, the action the rush posts), posted over
// HTTP as the browser does by SAUVEGARDE_PARENTS parents in turn, each saving its own weekly pattern for the
// year, which each has saved once before the measure (so every measured save is the same days again: « Aucun
// changement. »).
// On PostgreSQL, each target is also diagnosed alone (scripts/bench/diagnostic.ts): SQL statements and
// transactions per request, the time on the database against the time per request, the bytes of the answer and
// of its RSC payload; these are in the table and in a missed budget's reason.
// Ratios, not absolute times, are what the budgets hold: absolute times depend on the machine and on whatever
// else it is running.
import { auCalme, COOKIE_SESSION, idAction, requeteAction } from "./client";
import { type Cible, envoyerUne, type MesurePage, mesurer, type Requete } from "./charge";
import { type Budget, type Contexte, enParallele, intEnv, ms, pourcent, ratio, type Scenario } from "./commun";
import { colonnesDiagnostic, type Diagnostic, diagnostiquer, ENTETE_DIAGNOSTIC, pourquoi } from "./diagnostic";
import { BUDGET_JS_VUE_FAMILLE, jsPremierChargement } from "./js";
import type { Parent, Population } from "./population";

export { arreterCharge } from "./charge";

/** `/connexion`'s p95 (and the public home page's) at most this many times the static page's. */
export const BUDGET_CONNEXION_P95 = 2;
/** The bench's floor (session + one query): at least this share of the framework's floor's requests per second. */
export const BUDGET_PLANCHER_DU_CADRE = 0.6;
/** Mon accueil, the family view and the save: at least this share of the bench's floor's requests per second. */
export const BUDGET_PART_DU_PLANCHER = 0.8;
/** The month view: at least this share of the floor's requests per second (as before issue 28). */
export const BUDGET_VUE_DU_MOIS = 0.5;
/** how many parents post the save in turn */
const SAUVEGARDE_PARENTS = 200;

const ACTION_ENREGISTRER = [
  "app/(portail)/famille/enfants/[enfant]/reservations/actions.ts",
  "enregistrerReservationsAction",
] as const;

const NOMS = {
  statique: "Page statique",
  connexion: "Connexion",
  cadre: "Plancher du cadre",
  plancher: "Plancher dynamique",
  accueil: "Mon accueil",
  mois: "Vue du mois",
  accueilPublic: "Accueil",
  famille: "Vue de la famille",
  enregistrer: "Enregistrer (déjà fait)",
} as const;

const get = (path: string, jeton?: string): Requete => ({
  path,
  method: "GET",
  headers: jeton ? { cookie: `${COOKIE_SESSION}=${jeton}` } : {},
});

/** The month view's save for `parent`, as the browser posts it (multipart: React's reply with the form). */
async function sauvegarde(baseUrl: string, id: string, parent: Parent, changements: string): Promise<Requete> {
  const { body, headers } = await requeteAction(
    baseUrl,
    id,
    { inscriptionId: parent.inscriptionId, changements },
    { jeton: parent.jeton, ip: parent.ip },
  );
  const reponse = new Response(body);
  return {
    path: `/famille/enfants/${parent.enfantId}/reservations`,
    method: "POST",
    headers: { ...headers, "content-type": reponse.headers.get("content-type") ?? "text/plain;charset=UTF-8" },
    body: Buffer.from(await reponse.arrayBuffer()),
  };
}

/** Every target, the save's parents having saved their year once (the measured saves are the same again). */
async function cibles(baseUrl: string, population: Population): Promise<Cible[]> {
  const parent = population.parents[0]!;
  const id = idAction(...ACTION_ENREGISTRER);
  const changements = JSON.stringify(population.semaineType);
  const parents = population.parents.slice(0, SAUVEGARDE_PARENTS);
  const posts = await Promise.all(parents.map((p) => sauvegarde(baseUrl, id, p, changements)));
  await enParallele(posts, 4, (r) => envoyerUne(baseUrl, r, "Réservations enregistrées"));
  const une = (nom: string, marque: string, r: Requete): Cible => ({ nom, marque, requetes: [r] });
  return [
    une(NOMS.statique, "Page statique de référence", get("/bench-statique.html")),
    une(NOMS.connexion, "Mon espace perso", get("/connexion")),
    une(NOMS.cadre, "Plancher du cadre", get("/plancher-cadre")),
    une(NOMS.plancher, "Clé enfance", get("/mon-espace/plancher", parent.jeton)),
    une(NOMS.accueil, "Bonjour", get("/mon-espace", parent.jeton)),
    une(NOMS.mois, "Enregistrer", get(`/famille/enfants/${parent.enfantId}/reservations`, parent.jeton)),
    // a public page served from the cache like /connexion (lib/coquille.ts), held to its budget
    une(NOMS.accueilPublic, "Portail Famille de", get("/")),
    une(NOMS.famille, "Enregistrer", get("/famille/reservations", parent.jeton)),
    { nom: NOMS.enregistrer, marque: "Aucun changement", requetes: posts },
  ];
}

export async function pages(ctx: Contexte) {
  const baseUrl = ctx.noeud.baseUrl;
  const connections = intEnv("BENCH_CONNECTIONS", 50, 1, 10_000);
  const duration = intEnv("BENCH_DURATION", 20, 1, 3_600);
  const warmup = intEnv("BENCH_WARMUP", 3, 0, 600);
  const liste = await cibles(baseUrl, ctx.population);
  for (const c of liste) await envoyerUne(baseUrl, c.requetes[0]!, c.marque);
  // without the cookie: off to /connexion, so the cookie is what counts
  if ((await fetch(`${baseUrl}/mon-espace`, { redirect: "manual" })).status !== 307)
    throw new Error("/mon-espace sans cookie ne renvoie pas vers /connexion.");
  // PostgreSQL only: PGlite's socket serves one client at a time
  const diagnostics = ctx.base.genre === "postgresql" ? await diagnostiquer(ctx, liste) : new Map<string, Diagnostic>();
  if (warmup > 0) for (const c of liste) await mesurer(baseUrl, c, connections, warmup);
  const mesures: MesurePage[] = [];
  for (const c of liste) {
    console.log(`  mesure : ${c.nom} (${c.requetes[0]!.method} ${c.requetes[0]!.path}…)`);
    await auCalme(baseUrl);
    mesures.push(await mesurer(baseUrl, c, connections, duration));
  }
  const js = await jsPremierChargement(baseUrl, "/famille/reservations", ctx.population.parents[0]!.jeton);
  return { mesures, diagnostics, connections, duration, js };
}

const par = (mesures: MesurePage[], nom: string) => mesures.find((m) => m.cible.nom === nom)!;

/** What each page's requests per second are a share of: the framework's floor for the bench's floor. */
const reference = (nom: string) => (nom === NOMS.plancher ? NOMS.cadre : NOMS.plancher);

export function tableauPages(mesures: MesurePage[], diagnostics: Map<string, Diagnostic>): string[][] {
  const statique = par(mesures, NOMS.statique);
  return [
    ["Page", ...ENTETE_DIAGNOSTIC, "req/s", "p50 ms", "p95 ms", "p99 ms", "Erreurs", "p95 / statique", "part"],
    ...mesures.map((m) => {
      const nom = m.cible.nom;
      const ref = par(mesures, reference(nom));
      return [
        nom,
        ...colonnesDiagnostic(diagnostics.get(nom)),
        m.requetesParSeconde.toFixed(1),
        ms(m.p50),
        ms(m.p95),
        ms(m.p99),
        String(m.erreurs),
        ratio(m.p95 / statique.p95),
        nom === NOMS.cadre || nom === NOMS.statique || nom === NOMS.connexion || nom === NOMS.accueilPublic
          ? ""
          : `${pourcent(m.requetesParSeconde / ref.requetesParSeconde)} ${nom === NOMS.plancher ? "du cadre" : "du plancher"}`,
      ];
    }),
  ];
}

export function budgetsPages(
  mesures: MesurePage[],
  diagnostics: Map<string, Diagnostic>,
  ou: string,
  js?: { octets: number; fichiers: number },
): Budget[] {
  const statique = par(mesures, NOMS.statique);
  const part = (nom: string, budget: number): Budget => {
    const m = par(mesures, nom);
    const refNom = reference(nom);
    const valeur = m.requetesParSeconde / par(mesures, refNom).requetesParSeconde;
    const ok = valeur >= budget;
    return {
      nom: `${ou} — ${nom} : ≥ ${pourcent(budget)} des req/s du ${refNom.toLowerCase()}`,
      mesure: pourcent(valeur),
      ok,
      pourquoi: ok ? undefined : pourquoi(nom, diagnostics.get(nom), refNom, diagnostics.get(refNom)),
    };
  };
  const erreurs = mesures.reduce((s, m) => s + m.erreurs, 0);
  return [
    ...[NOMS.connexion, NOMS.accueilPublic].map((nom) => {
      const m = par(mesures, nom);
      return {
        nom: `${ou} — ${m.cible.requetes[0]!.path} : p95 ≤ ${BUDGET_CONNEXION_P95} × p95 de la page statique`,
        mesure: ratio(m.p95 / statique.p95),
        ok: m.p95 / statique.p95 <= BUDGET_CONNEXION_P95,
      };
    }),
    ...(js
      ? [
          {
            nom: `${ou} — Vue de la famille : JavaScript au premier chargement ≤ ${BUDGET_JS_VUE_FAMILLE / 1000} ko gzip`,
            mesure: `${(js.octets / 1000).toFixed(1)} ko (${js.fichiers} fichiers)`,
            ok: js.octets <= BUDGET_JS_VUE_FAMILLE,
          },
        ]
      : []),
    part(NOMS.plancher, BUDGET_PLANCHER_DU_CADRE),
    ...[NOMS.accueil, NOMS.famille, NOMS.enregistrer].map((nom) => part(nom, BUDGET_PART_DU_PLANCHER)),
    part(NOMS.mois, BUDGET_VUE_DU_MOIS),
    {
      nom: `${ou} — pages sous charge : 0 erreur`,
      mesure: String(erreurs),
      ok: erreurs === 0,
      pourquoi: mesures
        .filter((m) => m.detail)
        .map((m) => `${m.cible.nom} : ${m.detail}`)
        .join(" ; "),
    },
  ];
}

export const scenario: Scenario = {
  nom: "pages",
  titre: "Pages et enregistrement sous charge constante (autocannon, un nœud)",
  async executer(ctx) {
    const { mesures, diagnostics, connections, duration, js } = await pages(ctx);
    return {
      tableau: tableauPages(mesures, diagnostics),
      budgets: budgetsPages(mesures, diagnostics, ctx.base.libelle, js),
      notes: [
        `${connections} connexions × ${duration} s par cible ; p50/p95/p99 au rang le plus proche sur chaque réponse ; ` +
          "erreurs : réponses non 2xx + erreurs de connexion (délais dépassés compris, 10 s) + réponses de l'enregistrement " +
          "sans « Aucun changement ».",
        `Enregistrer (déjà fait) : enregistrerReservationsAction de la vue du mois (celle du rush), postée par ${SAUVEGARDE_PARENTS} ` +
          `parents à tour de rôle, chacun sa semaine type de ${ctx.population.semaineType.length} jours, déjà enregistrée une fois avant la mesure.`,
        ctx.base.genre === "postgresql"
          ? "Colonnes SQL à ko RSC : chaque cible seule, 10 requêtes l'une après l'autre sur un nœud à part dont les échanges avec " +
            "PostgreSQL passent par le compteur du banc (scripts/bench/pg-compteur.ts) : ordres SQL (BEGIN et COMMIT compris) et " +
            "transactions par requête, ms d'attente de la base par requête contre ms par requête vue du client, ko de la " +
            "réponse (HTML, ou réponse RSC de l'action) et de la charge RSC seule de la page (GET avec RSC: 1)."
          : "Sans PostgreSQL, pas de diagnostic par requête (le socket de PGlite sert un client à la fois).",
      ],
    };
  },
};
