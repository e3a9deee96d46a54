// Next.js 16 calls this file proxy.ts (it was middleware.ts). It sets the Content-Security-Policy with a
// fresh nonce per request (Next.js puts it on its own scripts) and forbids caching of personal pages.
// It is not an authorization boundary: every page and action checks the session itself (lib/auth/current.ts).
import { NextResponse, type NextRequest } from "next/server";
import { enTeteHsts } from "@/lib/config";

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
];

// Signing in or out through FranceConnect or the commune's SSO, and "Payer en ligne" (PayFiP's page), end a
// form's submission on their site.
const FOURNISSEURS_OIDC = [process.env.FRANCECONNECT_ISSUER, process.env.AGENT_OIDC_ISSUER, process.env.PAYFIP_URL]
  .flatMap((issuer) => (issuer && URL.canParse(issuer) ? [` ${new URL(issuer).origin}`] : []))
  .join("");

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
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

  const path = request.nextUrl.pathname;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // which header the root layout draws (the console has its own); always set here, so a client cannot choose
  requestHeaders.set("x-portail-espace", path === "/agent" || path.startsWith("/agent/") ? "console" : "portail");
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // The routes under /api answer JSON or a file, never a page: a file keeps its own sandboxing policy
  // (lib/storage/reponse.ts), which the page's would replace, since the proxy's headers win.
  if (!path.startsWith("/api/")) response.headers.set("Content-Security-Policy", csp);
  const hsts = enTeteHsts();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  if (PRIVATE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
    response.headers.set("Cache-Control", "no-store");
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)" }],
};
