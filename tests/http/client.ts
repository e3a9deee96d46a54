// Talking to the built app as a browser would, without one: pages and routes with the session cookie, server
// actions called the way Next's client calls them (POST to a page, `Next-Action: <id>`, the arguments encoded
// by React's own encodeReply), and forms submitted the way a browser without JavaScript submits them.
import { inject } from "vitest";
import { encodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.node.js";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { db } from "@/lib/db";
import { nomCookieSession } from "@/lib/config";
import { openSession, type Subject } from "@/lib/auth/sessions";

export const serveur = inject("serveurHttp");

// the test server is served over http: the cookie has no __Host- prefix there
const SESSION_COOKIE = nomCookieSession("http://127.0.0.1");

/** A client as the tests see one: its session cookie (if any) and its address, as the reverse proxy gives it. */
export type Client = { jeton?: string; ip: string };

let compteurIp = 0;
/**
 * A client address of its own (TEST-NET-3, 203.0.113.0/24, per worker and test): login failures are also
 * counted per address, and the test files share one server.
 */
export function nouvelleIp(): string {
  compteurIp++;
  const worker = Number(process.env.VITEST_POOL_ID ?? 1);
  return `203.0.${113 + (worker % 100)}.${compteurIp % 250}`;
}

/** Opens a session with lib/auth/sessions.ts's own function, as a successful login would. */
export async function connecte(subject: Subject, { mfaEnAttente = false } = {}): Promise<Client> {
  const ip = nouvelleIp();
  const jeton = await db().$transaction((tx) => openSession(tx, subject, ip, { mfaEnAttente }));
  return { jeton, ip };
}

export const anonyme = (): Client => ({ ip: nouvelleIp() });

function entetes(client: Client, autres: Record<string, string> = {}): Record<string, string> {
  return {
    "x-forwarded-for": client.ip,
    ...(client.jeton ? { cookie: `${SESSION_COOKIE}=${client.jeton}` } : {}),
    ...autres,
  };
}

/** A request that does not follow redirects (the test looks at the 303/307 and its Location). */
export function requete(
  client: Client,
  chemin: string,
  init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Response> {
  const method = init.method ?? "GET";
  return fetch(new URL(chemin, serveur.baseUrl), {
    method,
    body: init.body,
    // A browser sends its Origin with every POST (Next refuses an action from another origin).
    headers: entetes(client, { ...(method === "POST" ? { origin: serveur.baseUrl } : {}), ...init.headers }),
    redirect: "manual",
  });
}

/** Where a redirect goes (its path and query), or null when the answer is not a redirect. */
export function redirection(response: Response): string | null {
  const location = response.headers.get("location");
  if (location && response.status >= 300 && response.status < 400) {
    const url = new URL(location, serveur.baseUrl);
    return url.pathname + url.search;
  }
  // A server action called by Next's client answers a redirect() with this header instead of a 303.
  const action = response.headers.get("x-action-redirect");
  return action ? action.split(";")[0]! : null;
}

/**
 * Calls a server action over HTTP as Next's client does: POST to a page that renders it, the action's id in
 * `Next-Action`, its arguments (bound ones first) in React's reply encoding, multipart when a FormData is
 * among them.
 */
export async function appelerAction(
  client: Client,
  action: { id: string; page: string },
  args: unknown[],
  /** what else the browser sends (its Referer) */
  autres: Record<string, string> = {},
) {
  const corps = await encodeReply(args);
  return requete(client, action.page, {
    method: "POST",
    body: corps,
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      ...(typeof corps === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...autres,
    },
  });
}

/** The hidden inputs of the page's form that holds a field of that name (Next's $ACTION_ fields among them). */
function champsCaches(html: string, champ: string): Record<string, string> {
  const formulaire = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].find(([form]) => form.includes(`name="${champ}"`));
  if (!formulaire) throw new Error(`no form with a field "${champ}" on the page`);
  const champs: Record<string, string> = {};
  for (const [input] of formulaire[0].matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = input.match(/name="([^"]*)"/)?.[1];
    const value = input.match(/value="([^"]*)"/)?.[1] ?? "";
    if (name) champs[decode(name)] = decode(value);
  }
  return champs;
}

function decode(texte: string): string {
  return texte
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Submits a page's form as a browser without JavaScript does: reads the page, keeps the hidden fields of the
 * form that holds the first typed field (Next's own fields for its action among them), adds the typed fields,
 * and posts it all back to the page.
 */
export async function soumettreFormulaire(
  client: Client,
  chemin: string,
  saisie: Record<string, string>,
): Promise<Response> {
  const page = await requete(client, chemin);
  if (page.status !== 200) throw new Error(`GET ${chemin}: ${page.status}`);
  const champs = { ...champsCaches(await page.text(), Object.keys(saisie)[0]!), ...saisie };
  const corps = new FormData();
  for (const [nom, valeur] of Object.entries(champs)) corps.append(nom, valeur);
  return requete(client, chemin, { method: "POST", body: corps });
}

/** The text of the page's alerts (role="alert"), tags removed: what the person reads above the form. */
export function alertes(html: string): string[] {
  return [...html.matchAll(/<[^>]*role="alert"[^>]*>([\s\S]*?)<\/(?:div|p)>/g)].map(([, texte]) =>
    decode(texte!.replace(/<[^>]+>/g, "")).trim(),
  );
}

/**
 * The anti-bot field's value as the ALTCHA widget fills it: the server's challenge (GET /api/altcha) solved
 * by the same proof of work as the browser's.
 */
export async function altchaResolu(client: Client): Promise<string> {
  const challenge = await (await requete(client, "/api/altcha")).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return btoa(JSON.stringify({ challenge, solution }));
}

/** The pf_session cookie an answer sets, with its attributes as sent. */
export function cookieDeSession(response: Response): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
}
