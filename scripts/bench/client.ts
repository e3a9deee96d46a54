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

/** GET a page with the session cookie; an answer other than 200, or without `contient`, is thrown. */
export async function page(baseUrl: string, chemin: string, jeton: string | undefined, contient: string, ip?: string) {
  const response = await fetch(baseUrl + chemin, {
    headers: { ...(jeton ? { cookie: `${COOKIE_SESSION}=${jeton}` } : {}), ...(ip ? { "x-forwarded-for": ip } : {}) },
    redirect: "manual",
    signal: AbortSignal.timeout(DELAI_MS),
  });
  const corps = await response.text();
  if (response.status !== 200) throw new Error(`${chemin} : HTTP ${response.status}`);
  if (!corps.includes(contient)) throw new Error(`${chemin} : sans « ${contient} »`);
  return corps;
}

/**
 * Calls a form's server action as useActionState does: (previous state, FormData). Returns the answer (its
 * status, headers and RSC text) for the caller to judge.
 */
export async function action(
  baseUrl: string,
  chemin: string,
  id: string,
  champs: Record<string, string>,
  { jeton, ip, entetes = {} }: { jeton?: string; ip?: string; entetes?: Record<string, string> } = {},
) {
  const formulaire = new FormData();
  for (const [nom, valeur] of Object.entries(champs)) formulaire.append(nom, valeur);
  const corps = await encodeReply([{ values: {}, errors: {} }, formulaire]);
  const response = await fetch(baseUrl + chemin, {
    method: "POST",
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
    redirect: "manual",
    signal: AbortSignal.timeout(DELAI_MS),
  });
  return { status: response.status, headers: response.headers, texte: await response.text() };
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
