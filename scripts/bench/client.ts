// The requests a browser makes, without a browser: pages with the session cookie, and server actions called as
// Next's client calls them (POST to the page, `Next-Action: <id>`, the arguments in React's reply encoding),
// the action's id read from the build's manifest as tests/http/build.ts does.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { encodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.node.js";
import { nomCookieSession } from "../../lib/config";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// served over http here: the cookie has no __Host- prefix
export const COOKIE_SESSION = nomCookieSession("http://127.0.0.1");

/** The id of the server action `nom` exported by `fichier` ("app/(auth)/connexion/actions.ts"), from the build. */
export function idAction(fichier: string, nom: string): string {
  const manifeste = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"))
    .node as Record<string, { filename: string; exportedName: string }>;
  const trouve = Object.entries(manifeste).find(([, e]) => e.filename === fichier && e.exportedName === nom);
  if (!trouve) throw new Error(`Le build n'a pas d'action ${nom} dans ${fichier}.`);
  return trouve[0];
}

const DELAI_MS = 60_000;

/**
 * Each parent's own address (198.18.0.0/15, the range set aside for benchmarks), sent as X-Forwarded-For: the
 * login's per-address counters see a thousand households, not one machine. (The nodes believe that header from
 * 127.0.0.1, their TRUSTED_PROXY, as a commune's server believes its reverse proxy; the bench's nginx passes it
 * on as such a proxy would.)
 */
export function adresseDuParent(i: number): string {
  return `198.${18 + Math.floor(i / 65_536)}.${Math.floor(i / 256) % 256}.${i % 256}`;
}

/**
 * What one simulated parent spent in the waiting room during one request (its retries included): filled by
 * envoyer() below, read by the step that timed it (scripts/bench/commun.ts, Etape).
 */
export type Suivi = { attenteMs: number; passages: number; derniereEstimationS?: number };

/**
 * The waiting room's answer (the node's admission control, scripts/serveur.ts): HTTP 503 with `Retry-After:
 * <whole seconds ≥ 1>` and `X-Salle-Attente: position=<n>;estimation=<seconds>`. Any other 503 is an error.
 */
export function salleAttente(status: number, headers: Headers) {
  const entete = headers.get("x-salle-attente");
  const apres = Number(headers.get("retry-after"));
  if (status !== 503 || entete === null || !Number.isInteger(apres) || apres < 1) return undefined;
  const champs = new Map(entete.split(";").map((c) => c.trim().split("=") as [string, string]));
  return { apresS: apres, position: Number(champs.get("position")), estimationS: Number(champs.get("estimation")) };
}

/** At most this long in the waiting room for one request (BENCH_ATTENTE_MAX_S, 600 s), then it is an error. */
function attenteMaxMs(): number {
  const brut = process.env.BENCH_ATTENTE_MAX_S;
  const s = brut ? Number(brut) : 600;
  if (!Number.isInteger(s) || s < 1) throw new Error(`BENCH_ATTENTE_MAX_S invalide : « ${brut} ».`);
  return s * 1000;
}

/** A network failure in French, with its cause (a reset, a refused connection, a timeout): an error's reason. */
function raisonReseau(error: unknown): Error {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return new Error(`délai dépassé (${DELAI_MS / 1000} s)`);
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code) return new Error(`connexion : ${cause.code}`);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Sends a request as the browser does before the waiting room: when the answer is the waiting room, waits its
 * Retry-After and sends the same request again (the same body: what was typed is kept), the time waited added to
 * `suivi`. Returns the first answer that is not the waiting room; a network failure or a timeout is thrown.
 */
export async function envoyer(url: string, init: RequestInit, suivi?: Suivi): Promise<Response> {
  const limite = Date.now() + attenteMaxMs();
  for (;;) {
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(DELAI_MS) });
    } catch (error) {
      throw raisonReseau(error);
    }
    const salle = salleAttente(response.status, response.headers);
    if (!salle) return response;
    await response.arrayBuffer();
    if (Date.now() + salle.apresS * 1000 > limite)
      throw new Error(`salle d'attente : toujours en file après ${attenteMaxMs() / 1000} s`);
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, salle.apresS * 1000));
    if (suivi) {
      suivi.attenteMs += performance.now() - t0;
      suivi.passages++;
      suivi.derniereEstimationS = salle.estimationS;
    }
  }
}

/** The generic message of an action that failed on the server (lib/action.ts): an error, never a refusal. */
export const ERREUR_INATTENDUE = "Une erreur inattendue";

/** GET a page with the session cookie; an answer other than 200, or without `contient`, is thrown. */
export async function page(
  baseUrl: string,
  chemin: string,
  jeton: string | undefined,
  contient: string,
  ip?: string,
  suivi?: Suivi,
) {
  const response = await envoyer(
    baseUrl + chemin,
    {
      headers: {
        ...(jeton ? { cookie: `${COOKIE_SESSION}=${jeton}` } : {}),
        ...(ip ? { "x-forwarded-for": ip } : {}),
      },
    },
    suivi,
  );
  const corps = await response.text().catch((error: unknown) => Promise.reject(raisonReseau(error)));
  if (response.status !== 200) throw new Error(`${chemin} : HTTP ${response.status}`);
  if (!corps.includes(contient)) throw new Error(`${chemin} : sans « ${contient} »`);
  return corps;
}

/** A server action's request as Next's client sends it (useActionState: previous state, FormData). */
export async function requeteAction(
  baseUrl: string,
  id: string,
  champs: Record<string, string>,
  { jeton, ip, entetes = {} }: { jeton?: string; ip?: string; entetes?: Record<string, string> } = {},
): Promise<{ body: string | FormData; headers: Record<string, string> }> {
  const formulaire = new FormData();
  for (const [nom, valeur] of Object.entries(champs)) formulaire.append(nom, valeur);
  const corps = await encodeReply([{ values: {}, errors: {} }, formulaire]);
  return {
    body: corps,
    headers: {
      "next-action": id,
      accept: "text/x-component",
      // A browser sends its Origin with every POST (Next refuses an action from another origin).
      origin: baseUrl,
      ...(jeton ? { cookie: `${COOKIE_SESSION}=${jeton}` } : {}),
      ...(ip ? { "x-forwarded-for": ip } : {}),
      ...(typeof corps === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...entetes,
    },
  };
}

/**
 * Calls a form's server action as useActionState does: (previous state, FormData), through the waiting room
 * like the browser. Returns the answer (its status, headers and RSC text) for the caller to judge.
 */
export async function action(
  baseUrl: string,
  chemin: string,
  id: string,
  champs: Record<string, string>,
  options: { jeton?: string; ip?: string; entetes?: Record<string, string>; suivi?: Suivi } = {},
) {
  const { body, headers } = await requeteAction(baseUrl, id, champs, options);
  const response = await envoyer(baseUrl + chemin, { method: "POST", body, headers }, options.suivi);
  const texte = await response.text().catch((error: unknown) => Promise.reject(raisonReseau(error)));
  return { status: response.status, headers: response.headers, texte };
}

/** The session token a successful login's answer sets, or undefined. */
export function jetonDe(headers: Headers): string | undefined {
  const cookie = headers.getSetCookie().find((c) => c.startsWith(`${COOKIE_SESSION}=`));
  return cookie?.slice(COOKIE_SESSION.length + 1).split(";")[0];
}

/**
 * Waits until the node answers /api/health within 100 ms (at most `limiteMs`): a measure that stopped leaves
 * requests the server is still rendering, which would weigh on the next one.
 */
export async function auCalme(baseUrl: string, limiteMs = 120_000): Promise<void> {
  const fin = Date.now() + limiteMs;
  while (Date.now() < fin) {
    const t0 = performance.now();
    try {
      await (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(limiteMs) })).text();
      if (performance.now() - t0 < 100) return;
    } catch {
      // busy or restarting: try again
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
