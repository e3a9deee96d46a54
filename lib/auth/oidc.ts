// Signing in through an OpenID Connect provider (FranceConnect for parents, the commune's SSO for agents) with
// next-auth 4, which does what it is made for: the OIDC exchange and its checks. It never keeps anyone logged in:
// its signIn callback hands the checked identity to our domain commands, which open our own `Session` row (the
// same as a password login: idle and absolute timeouts, revocation, "Dernière connexion le"), and the callback's
// answer is a redirect carrying our cookie. next-auth's own session cookie is never set (signIn never returns
// true), so there is one kind of session in the portal.
//
// The handler takes a standard Request and returns a Response (app/api/auth/[...nextauth]/route.ts only calls
// it), so the integration tests drive the very same code against the stand-in provider.
import NextAuth, { type AuthOptions } from "next-auth";
import { config, nomCookieDuPortail, secureCookies } from "@/lib/config";
import type { Cookie } from "@/lib/cookies";
import { cleDerivee } from "@/lib/chiffrement";
import { indiceEspace, ipDuClient, SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/current";
import { algorithmeIdToken, fournisseurFranceConnect, type IdentiteFranceConnect } from "@/lib/auth/franceconnect";
import { fournisseurSsoAgents, mfaAffirme, type ClaimsSso } from "@/lib/auth/sso-agents";
import { safeNext } from "@/lib/auth/login-form";
import { origineAutorisee } from "@/lib/auth/origine";
import { connexionFranceConnect } from "@/lib/domain/usager/franceconnect";
import { connexionAgentSso } from "@/lib/domain/agent/sso";
import { DRAFT_LIFETIME_MS } from "@/lib/domain/usager/brouillon";
import { lectureALaConnexion } from "@/lib/domain/facturation/quotient-franceconnect";

/** Where a refused FranceConnect sign-in lands, with `?erreur=<code>` (see lib/auth/refus-oidc.ts). */
const PAGE_CONNEXION = "/connexion";
const PAGE_CONNEXION_AGENT = "/agent/connexion";

type CookieARetourner = {
  name: string;
  value: string;
  options: { path?: string; maxAge?: number; httpOnly?: boolean; secure?: boolean; sameSite?: string };
};

const journalisation = {
  // next-auth's messages may carry tokens or claims in their metadata: only the code reaches the log.
  error: (code: string) => console.error(`[oidc] échec : ${code}`),
  warn: () => {},
  debug: () => {},
};

/** next-auth's cookies, named as every cookie of the portal is (lib/cookies.ts): __Host- under https. */
function cookiesNextAuth(): AuthOptions["cookies"] {
  const options = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() } as const;
  const cookie = (nom: Cookie, maxAge?: number) => ({
    name: nomCookieDuPortail(nom),
    options: maxAge === undefined ? options : { ...options, maxAge },
  });
  // (the state and the PKCE verifier live 15 minutes, as next-auth's defaults)
  return {
    sessionToken: cookie("oidcSession"),
    callbackUrl: cookie("oidcRetour"),
    csrfToken: cookie("oidcCsrf"),
    pkceCodeVerifier: cookie("oidcPkce", 15 * 60),
    state: cookie("oidcEtat", 15 * 60),
    nonce: cookie("oidcNonce"),
  };
}

/**
 * `suite`: the page a parent's FranceConnect sign-in returns to, from next-auth's callbackUrl cookie (set from the
 * button's `suite` when the sign-in started), checked again by safeNext.
 */
async function options(ip: string, cookies: CookieARetourner[], suite = "/mon-espace"): Promise<AuthOptions> {
  const { franceconnect, agentOidc } = config;
  const cookie = (name: string, value: string, extra: CookieARetourner["options"]) =>
    cookies.push({ name, value, options: extra });
  return {
    providers: [
      ...(franceconnect
        ? [fournisseurFranceConnect(franceconnect, await algorithmeIdToken(franceconnect.issuer))]
        : []),
      ...(agentOidc ? [fournisseurSsoAgents(agentOidc, await algorithmeIdToken(agentOidc.issuer))] : []),
    ],
    secret: process.env.NEXTAUTH_SECRET || cleDerivee("next-auth"),
    cookies: cookiesNextAuth(),
    pages: { signIn: PAGE_CONNEXION, error: PAGE_CONNEXION },
    logger: journalisation,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider === "franceconnect" && account.id_token) {
          const issue = await connexionFranceConnect(profile as unknown as IdentiteFranceConnect, {
            ip,
            idToken: account.id_token,
          });
          if (issue.issue === "session") {
            cookie(SESSION_COOKIE, issue.token, sessionCookieOptions());
            const indice = indiceEspace("USAGER");
            cookie(indice.name, indice.value, indice.options);
            // back to « Mon quotient familial »: the QF read with this access token, which is then forgotten
            const retour = await lectureALaConnexion({
              suite,
              franceconnectSub: (profile as unknown as IdentiteFranceConnect).sub,
              accessToken: account.access_token,
              reglages: config.apiParticulier,
              now: new Date(),
            });
            return `${config.appUrl}${retour}`;
          }
          if (issue.issue === "inconnue") {
            cookie(nomCookieDuPortail("brouillon"), issue.brouillonToken, {
              ...sessionCookieOptions(),
              maxAge: DRAFT_LIFETIME_MS / 1000,
            });
            return `${config.appUrl}/connexion/franceconnect`;
          }
          return `${config.appUrl}${PAGE_CONNEXION}?erreur=non_active`;
        }
        if (account?.provider === "agents") {
          const claims = profile as unknown as ClaimsSso;
          const issue = await connexionAgentSso({
            sub: claims.sub,
            claim: config.agentOidcClaim,
            valeur: claims[config.agentOidcClaim],
            courrielVerifie: claims.email_verified === true,
            mfaAffirme: mfaAffirme(claims, {
              confiance: config.agentOidcMfaFournisseur,
              acrMfa: config.agentOidcAcrMfa,
            }),
            ip,
          });
          if (!issue.ok) return `${config.appUrl}${PAGE_CONNEXION_AGENT}?erreur=sso_refuse`;
          cookie(SESSION_COOKIE, issue.token, sessionCookieOptions());
          const indice = indiceEspace("AGENT");
          cookie(indice.name, indice.value, indice.options);
          return `${config.appUrl}${issue.mfaEnAttente ? `/agent/connexion/code?suite=${encodeURIComponent("/agent")}` : "/agent"}`;
        }
        return false;
      },
    },
  };
}

async function corps(request: Request): Promise<Record<string, string> | undefined> {
  if (request.method !== "POST") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(await request.text()));
  if (type.includes("application/json")) return (await request.json()) as Record<string, string>;
  return undefined;
}

function lireCookies(request: Request): Record<string, string> {
  return Object.fromEntries(
    (request.headers.get("cookie") ?? "")
      .split(";")
      .map((part) => part.trim().split("="))
      .filter((pair) => pair.length >= 2 && pair[0])
      .map(([name, ...value]) => [name!, decodeURIComponent(value.join("="))]),
  );
}

function serialiser({ name, value, options: o }: CookieARetourner): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${o.path ?? "/"}`];
  if (o.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(o.maxAge)}`);
  if (o.httpOnly) parts.push("HttpOnly");
  if (o.secure) parts.push("Secure");
  if (o.sameSite) parts.push(`SameSite=${String(o.sameSite).replace(/^./, (c) => c.toUpperCase())}`);
  return parts.join("; ");
}

// Starting a sign-in is a POST of our own button's form. next-auth wants its CSRF token in that POST: the
// request is first checked to come from our own pages (origineAutorisee), then the token is obtained and spent
// here, so the button is a plain form that works without JavaScript.

type Reponse = { statut: number; entetes: Map<string, string | string[]>; corps: unknown };

/**
 * next-auth's own handler, in its request/response form (the one that reads no Next.js request context, so
 * the integration tests call it as the route does).
 */
async function nextAuth(
  requete: {
    method: string;
    query: Record<string, unknown>;
    body?: Record<string, string>;
    cookies: Record<string, string>;
    headers: Record<string, string>;
  },
  authOptions: AuthOptions,
): Promise<Reponse> {
  const r: Reponse = { statut: 200, entetes: new Map(), corps: undefined };
  const res = {
    status(code: number) {
      r.statut = code;
      return res;
    },
    setHeader(nom: string, valeur: string | string[]) {
      r.entetes.set(nom.toLowerCase(), valeur);
      return res;
    },
    getHeader: (nom: string) => r.entetes.get(nom.toLowerCase()),
    end() {},
    json(corps: unknown) {
      r.corps = corps;
    },
    send(corps: unknown) {
      r.corps = corps;
    },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: AuthOptions) => Promise<void>)(
    requete,
    res,
    authOptions,
  );
  return r;
}

const setCookies = (reponse: Reponse): string[] => [reponse.entetes.get("set-cookie") ?? []].flat();

/** The page asked for before a FranceConnect sign-in, kept by next-auth as its callbackUrl (an absolute URL). */
function suiteDuRetour(cookies: Record<string, string>): string {
  const retour = cookies[nomCookieDuPortail("oidcRetour")];
  if (!retour || !URL.canParse(retour)) return "/mon-espace";
  const url = new URL(retour);
  if (url.origin !== new URL(config.appUrl).origin) return "/mon-espace";
  return safeNext(`${url.pathname}${url.search}`, "/mon-espace");
}

export async function traiterRequeteOidc(request: Request, segments: string[]): Promise<Response> {
  process.env.NEXTAUTH_URL ??= `${config.appUrl}/api/auth`;
  const [action, providerId] = segments;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const cookies = lireCookies(request);
  const headers = Object.fromEntries(request.headers);
  const nosCookies: CookieARetourner[] = [];
  const authOptions = await options(ipDuClient(request.headers), nosCookies, suiteDuRetour(cookies));

  let body = await corps(request);
  const sortie = new Headers();
  if (action === "signin" && request.method === "POST" && providerId) {
    if (!origineAutorisee(request)) return new Response("Origine refusée.", { status: 403 });
    const csrf = await nextAuth({ method: "GET", query: { nextauth: ["csrf"] }, cookies, headers }, authOptions);
    for (const ligne of setCookies(csrf)) {
      sortie.append("Set-Cookie", ligne);
      const [nom, ...valeur] = ligne.split(";")[0]!.split("=");
      cookies[nom!] = decodeURIComponent(valeur.join("="));
    }
    const suite = safeNext(body?.suite, "/mon-espace");
    body = { csrfToken: (csrf.corps as { csrfToken: string }).csrfToken, callbackUrl: `${config.appUrl}${suite}` };
  }
  const reponse = await nextAuth(
    { method: request.method, query: { ...query, nextauth: segments }, body, cookies, headers },
    authOptions,
  );
  for (const ligne of setCookies(reponse)) sortie.append("Set-Cookie", ligne);
  for (const c of nosCookies) sortie.append("Set-Cookie", serialiser(c));

  let location = reponse.entetes.get("location") as string | undefined;
  // A failed exchange (state, nonce, signature, expiry…) is sent by next-auth to its error page, or back to its
  // sign-in page: straight to our own login page instead, the agents' for the agents' provider.
  const cible = location ? new URL(location, config.appUrl) : null;
  if (cible && (/\/api\/auth\/(error|signin)/.test(cible.pathname) || cible.searchParams.has("error"))) {
    location =
      providerId === "agents"
        ? `${config.appUrl}${PAGE_CONNEXION_AGENT}?erreur=sso`
        : `${config.appUrl}${PAGE_CONNEXION}?erreur=franceconnect`;
  }
  if (location) {
    sortie.set("Location", location);
    return new Response(null, { status: 302, headers: sortie });
  }
  const type = reponse.entetes.get("content-type");
  if (typeof type === "string") sortie.set("Content-Type", type);
  const contenu = typeof reponse.corps === "string" ? reponse.corps : JSON.stringify(reponse.corps ?? {});
  return new Response(contenu, { status: reponse.statut, headers: sortie });
}
