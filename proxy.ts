// Next.js 16 calls this file proxy.ts (it was middleware.ts). It sets the Content-Security-Policy and forbids
// caching of personal pages. It is not an authorization boundary: every page and action checks the session
// itself (lib/auth/current.ts).
//
// Two policies, one per kind of page:
// - A page rendered for the request gets a fresh nonce (Next.js puts it on its own scripts) and
//   'strict-dynamic': only the scripts of that very answer run.
// - A page served from Next's cache (COQUILLES: rendered once at run time, then the same bytes for everyone,
//   issue 14) cannot carry a per-request nonce, and a hash of its inline scripts is not stable (Next's inline
//   scripts carry the page's payload, which changes with the commune and each build). Its policy allows the
//   inline scripts ('unsafe-inline') and the site's own files, and still forbids everything else that matters:
//   no 'unsafe-eval', no script from another origin, no plugin (object-src), no <base> elsewhere, forms only to
//   us and the identity providers, no framing. 'unsafe-inline' is safe only on a page that renders nothing a
//   user or an agent wrote as HTML: these pages render the commune's and the agents' texts (actualités,
//   activités, infos pratiques, CGU…) as text, escaped by React, and the lint forbids raw HTML anywhere
//   (react/no-danger, eslint.config.mjs); the login page adds, in the browser, fixed messages chosen by its
//   address. The pages of a space and of the console are rendered for their request, with a nonce.
import { NextResponse, type NextRequest } from "next/server";
import { config as configuration, enTeteHsts, nomCookieSession, proxysDeConfiance } from "@/lib/config";
import { MESSAGE_TROP_LOURD, refusDuCorps } from "@/lib/web/limites-corps";
import { POLITIQUE_FICHIER } from "@/lib/storage/reponse";
import { COQUILLES } from "@/lib/web/coquilles";

const PRIVATE_PREFIXES = [
  "/mon-espace",
  "/mon-profil",
  "/mes-informations",
  "/famille",
  "/demandes",
  "/api/messages",
  "/api/pieces",
  "/inscriptions",
  "/mes-documents",
  "/factures",
  "/agent",
  "/creer-mon-espace",
  "/activation",
  "/mot-de-passe-oublie",
  "/dev",
  "/api/session",
];

// Signing in or out through FranceConnect or the commune's SSO, and "Payer en ligne" (PayFiP's page), end a
// form's submission on their site.
const FOURNISSEURS_OIDC = [process.env.FRANCECONNECT_ISSUER, process.env.AGENT_OIDC_ISSUER, process.env.PAYFIP_URL]
  .flatMap((issuer) => (issuer && URL.canParse(issuer) ? [` ${new URL(issuer).origin}`] : []))
  .join("");

/** Under a cached page's path, the only real pages; anything else is a 404 here, never a new cache entry. */
const SOUS_PAGES_DES_COQUILLES = new Set(["/connexion/franceconnect"]);
/**
 * `/` is served by this cached page (an optional catch-all at the root would take every unknown path of the
 * site). `next start` runs the proxy again on the rewritten path (the custom server of scripts/serveur.ts does
 * not), so that path is in COQUILLES too, with the same policy: else the page rendered would carry a nonce.
 */
const ACCUEIL = "/_accueil";

/**
 * The route handlers, which answer JSON or a file, never a page (issue 30): everything under /api/, and outside
 * it the invoices' PDFs, the attestations fiscales, the console's CSV exports and its files (a PES bordereau's
 * `…/fichier`). They all get the file policy (POLITIQUE_FICHIER), the proxy's headers winning over the route's own. tests/http/acces.test.ts takes every
 * route handler from the build and checks its answer carries that policy: a new file route outside these
 * patterns fails it.
 */
const ROUTES_FICHIER = [
  /^\/api\//,
  /\/pdf$/,
  /\/attestation\/[^/]+$/,
  /\/export$/,
  /\/fichier$/,
  /^\/icon\.svg$/,
  // the pointage's marks, sent by the tablets (JSON)
  /^\/agent\/pointage\/marques$/,
];

function routeFichier(path: string): boolean {
  return ROUTES_FICHIER.some((motif) => motif.test(path));
}

/** A path under a cached page that no page has: answered 404, never cached. */
function invente(path: string): boolean {
  return [...COQUILLES].some((p) => p !== "/" && path.startsWith(`${p}/`)) && !SOUS_PAGES_DES_COQUILLES.has(path);
}

function politique(scripts: string): string {
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // Tailwind ships a file; the anti-bot widget sets inline styles on its own elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The anti-bot widget solves its proof of work in a Web Worker built from a blob.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${FOURNISSEURS_OIDC}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Next checks a server action's Origin against X-Forwarded-Host when the request has one (issue 30). Behind a
 * reverse proxy (TRUSTED_PROXY), that header is the proxy's to overwrite with the portal's public host
 * (docs/securite.md); Next fills it from Host when nobody did. One naming neither the portal's host (APP_URL)
 * nor the request's Host came from the client through a proxy that let it pass: the request is refused here,
 * so a client forging it along with Origin gets no action run.
 */
function hoteTransmisRefuse(request: NextRequest): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const transmis = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim().toLowerCase();
  if (!transmis || proxysDeConfiance().kind === "aucun") return false;
  const admis = [new URL(configuration.appUrl).host, request.headers.get("host") ?? ""].map((h) => h.toLowerCase());
  return !admis.includes(transmis);
}

/** A POST heavier than its path takes, or without a length: lib/web/limites-corps.ts (scripts/serveur.ts first). */
const corpsRefuse = (request: NextRequest, path: string) =>
  refusDuCorps({
    methode: request.method,
    chemin: path,
    longueur: request.headers.get("content-length"),
    morcelee: request.headers.has("transfer-encoding"),
    avecSession: request.cookies.has(nomCookieSession()),
  });

const refus = (status: number, texte: string) =>
  new NextResponse(texte, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (hoteTransmisRefuse(request)) return refus(403, "Requête refusée.");
  const corps = corpsRefuse(request, path);
  if (corps) return refus(corps, MESSAGE_TROP_LOURD);
  const coquille = COQUILLES.has(path) && (request.method === "GET" || request.method === "HEAD");
  const requestHeaders = new Headers(request.headers);
  let csp: string;
  let response: NextResponse;
  if (coquille) {
    csp = politique("'self' 'unsafe-inline'");
    // no nonce in the request: none may end up in the cached page
    requestHeaders.delete("Content-Security-Policy");
    response = suivante(request, requestHeaders);
  } else {
    const nonce = btoa(crypto.randomUUID());
    csp = politique(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    requestHeaders.set("Content-Security-Policy", csp);
    // under a cached page's path, the optional catch-all would render (and keep) a 404 per invented path: the
    // not-found page is rendered here instead, for this request only
    response = invente(path)
      ? NextResponse.rewrite(new URL("/_introuvable", request.url), { request: { headers: requestHeaders } })
      : suivante(request, requestHeaders);
  }
  // A route handler's answer is a file or JSON: one download policy for all, never the page's (see above).
  response.headers.set("Content-Security-Policy", routeFichier(path) ? POLITIQUE_FICHIER : csp);
  const hsts = enTeteHsts();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  // A cached page is kept by Next on the server, not by browsers nor shared caches: Next puts a cached page's
  // headers on the answer of a server action that redirects to it (a logout, with its Set-Cookie), which must
  // never be kept either. (Next leaves a Cache-Control set here as it is.)
  if (coquille || PRIVATE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
    response.headers.set("Cache-Control", "no-store");
  }
  return response;
}

/** On to the page: `/` (its GET, and the server actions its forms post) to the home page's cached path. */
function suivante(request: NextRequest, headers: Headers): NextResponse {
  return request.nextUrl.pathname === "/"
    ? NextResponse.rewrite(new URL(ACCUEIL, request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)" }],
};
