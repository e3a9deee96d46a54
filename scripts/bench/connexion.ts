// Logging in, as its own step. argon2id (lib/auth/password.ts: 19 MiB, 2 passes) bounds logins per second by
// design: what one hash costs, how many logins one node sustains, and what a parent sees while logins queue.
//
// - the cost: hashPassword() timed in this process, one at a time;
// - the rate: BENCH_CONNEXIONS parents (default 200, at most the population) submit the login form at once, the
//   form's server action over HTTP as the browser sends it; each must get its session cookie and be sent on to
//   Mon accueil (a redirect, no error);
// - the queue: while they wait, one more parent types a wrong password: the answer (slow, not an error) says
//   "Identifiant ou mot de passe incorrect." and sends the identifiant typed back to the form (nothing lost).
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { action, auCalme, idAction, jetonDe, page } from "./client";
import { type Budget, Etape, ENTETE_ETAPES, intEnv, ms, type Scenario } from "./commun";
import type { Parent } from "./population";

const ACTION = ["app/(auth)/connexion/actions.ts", "connexion"] as const;

export type BilanConnexion = {
  hachageMs: number;
  verificationMs: number;
  connexions: Etape;
  mauvaisMotDePasse: { ms: number; message: boolean; identifiantGarde: boolean; status: number };
  cookiesValides: number;
};

async function chronometrer(n: number, travail: () => Promise<unknown>): Promise<number> {
  await travail(); // first one apart: it loads the module
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await travail();
  return (performance.now() - t0) / n;
}

export async function connexions(baseUrl: string, parents: Parent[]): Promise<BilanConnexion> {
  const nombre = Math.min(parents.length, intEnv("BENCH_CONNEXIONS", 200, 1, 100_000));
  const hash = await hashPassword("Villefranque-64990!");
  const hachageMs = await chronometrer(20, () => hashPassword("Villefranque-64990!"));
  const verificationMs = await chronometrer(20, () => verifyPassword(hash, "Villefranque-64990!"));

  const id = idAction(...ACTION);
  const etape = new Etape("Connexion");
  const jetons: string[] = [];
  const seLoguer = (p: Parent) =>
    etape.mesurer(async (suivi) => {
      const reponse = await action(
        baseUrl,
        "/connexion",
        id,
        { identifiant: p.identifiant, motDePasse: p.motDePasse, suite: "" },
        { ip: p.ip, suivi },
      );
      const jeton = jetonDe(reponse.headers);
      const suite = reponse.headers.get("x-action-redirect")?.split(";")[0];
      if (!jeton || suite !== "/mon-espace") throw new Error(`HTTP ${reponse.status}, pas de session`);
      jetons.push(jeton);
    });
  await auCalme(baseUrl);
  const tous = Promise.all(parents.slice(0, nombre).map(seLoguer));
  // in the middle of the queue, a parent mistypes the password
  await new Promise((resolve) => setTimeout(resolve, 200));
  const intrus = parents[nombre % parents.length]!;
  const t0 = performance.now();
  const refus = await action(
    baseUrl,
    "/connexion",
    id,
    { identifiant: intrus.identifiant, motDePasse: "Pas-le-bon-1!", suite: "/famille" },
    { ip: intrus.ip },
  );
  const mauvaisMotDePasse = {
    ms: performance.now() - t0,
    status: refus.status,
    message: refus.texte.includes("Identifiant ou mot de passe incorrect."),
    identifiantGarde: refus.texte.includes(`"identifiant":"${intrus.identifiant}"`),
  };
  await tous;
  // each session opened works on Mon accueil
  let cookiesValides = 0;
  for (const jeton of jetons.slice(0, 20)) {
    try {
      await page(baseUrl, "/mon-espace", jeton, "Bonjour");
      cookiesValides++;
    } catch {
      // counted by its absence
    }
  }
  return { hachageMs, verificationMs, connexions: etape, mauvaisMotDePasse, cookiesValides: cookiesValides };
}

export function tableauConnexion(b: BilanConnexion): string[][] {
  return [ENTETE_ETAPES, b.connexions.ligne()];
}

export function notesConnexion(b: BilanConnexion): string[] {
  const { p95, max } = b.connexions.centiles();
  return [
    `argon2id (19 MiB, 2 passes, 1 voie) : ${ms(b.hachageMs)} ms par hachage, ${ms(b.verificationMs)} ms par vérification, ` +
      `dans le processus du banc, un à la fois (le pool de libuv en fait 4 à la fois : au plus ~${(
        (4 * 1000) /
        b.verificationMs
      ).toFixed(0)} vérifications/s sur ce processeur s'il était libre).`,
    `File d'attente : ${b.connexions.latences.length} connexions simultanées servies à ${b.connexions.debit().toFixed(1)}/s, ` +
      `la dernière attend ${ms(max)} ms (p95 ${ms(p95)} ms) ; ${b.connexions.erreurs} erreur(s) ; ` +
      `${b.cookiesValides} des 20 premières sessions ouvrent Mon accueil.`,
    `Pendant la file, un mot de passe erroné : réponse HTTP ${b.mauvaisMotDePasse.status} en ${ms(b.mauvaisMotDePasse.ms)} ms, ` +
      `${b.mauvaisMotDePasse.message ? "« Identifiant ou mot de passe incorrect. »" : "SANS le message attendu"}, ` +
      `${b.mauvaisMotDePasse.identifiantGarde ? "identifiant saisi renvoyé au formulaire" : "identifiant saisi PERDU"} ` +
      `(le bouton Connexion est désactivé et le formulaire aria-busy pendant l'attente : components/ui/LoginForm.tsx).`,
  ];
}

export function budgetsConnexion(b: BilanConnexion, ou: string): Budget[] {
  const m = b.mauvaisMotDePasse;
  return [
    {
      nom: `${ou} — connexions en file : 0 erreur, chaque session ouvre Mon accueil`,
      mesure: `${b.connexions.erreurs} erreur(s), ${b.cookiesValides}/${Math.min(20, b.connexions.latences.length)} sessions`,
      ok: b.connexions.erreurs === 0 && b.cookiesValides === Math.min(20, b.connexions.latences.length),
      pourquoi: b.connexions.erreurs ? b.connexions.detail() : undefined,
    },
    {
      nom: `${ou} — un refus pendant la file : son message, l'identifiant gardé`,
      mesure: `HTTP ${m.status}, ${m.message ? "message" : "sans message"}, ${m.identifiantGarde ? "gardé" : "perdu"}`,
      ok: m.status === 200 && m.message && m.identifiantGarde,
    },
  ];
}

export const scenario: Scenario = {
  nom: "connexion",
  titre: "Se connecter : argon2id et la file des connexions (un nœud)",
  async executer(ctx) {
    const bilan = await connexions(ctx.noeud.baseUrl, ctx.population.parents);
    return {
      tableau: tableauConnexion(bilan),
      budgets: budgetsConnexion(bilan, ctx.base.libelle),
      notes: notesConnexion(bilan),
    };
  },
};
