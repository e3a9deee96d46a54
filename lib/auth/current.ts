// The Next.js side of sessions: the cookie, and the guards every page and action of each side calls first.
// The proxy is not an authorization boundary; these are.
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { nomCookieDuPortail, nomCookieSession, proxysDeConfiance, secureCookies } from "@/lib/config";
import { optionsEffacement } from "@/lib/cookies";
import { adresseClient, adresseSocketConnue, EN_TETE_ADRESSE_SOCKET } from "@/lib/auth/adresse-client";
import { findLiveSession, SESSION_SOUVENIR_MS, type LiveSession } from "@/lib/auth/sessions";
import type { IndiceEspace } from "@/lib/auth/indice-espace";
import type { Agent, RoleAgent, Session, SessionKind, Usager } from "@/lib/generated/prisma/client";

export const SESSION_COOKIE = nomCookieSession();
const COOKIE_INDICE_ESPACE = nomCookieDuPortail("espace");

/**
 * A browser-session cookie (gone when the browser closes; the server ends the session after 30 idle minutes or
 * 12 hours anyway); `seSouvenir`: a remembered session's cookie is kept 30 days on the device, as the session
 * itself lives.
 */
export const sessionCookieOptions = (seSouvenir = false) =>
  ({
    httpOnly: true,
    secure: secureCookies(),
    sameSite: "lax",
    path: "/",
    ...(seSouvenir ? { maxAge: SESSION_SOUVENIR_MS / 1000 } : {}),
  }) as const;

/** The browser-readable hint that goes with the session cookie (lib/auth/indice-espace.ts): not HttpOnly. */
export const indiceEspace = (kind: SessionKind, seSouvenir = false) =>
  ({
    name: COOKIE_INDICE_ESPACE,
    value: (kind === "USAGER" ? "usager" : "agent") satisfies IndiceEspace,
    options: { ...sessionCookieOptions(seSouvenir), httpOnly: false },
  }) as const;

export async function setSessionCookie(token: string, kind: SessionKind, seSouvenir = false): Promise<void> {
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, sessionCookieOptions(seSouvenir));
  const indice = indiceEspace(kind, seSouvenir);
  jar.set(indice.name, indice.value, indice.options);
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  jar.set(SESSION_COOKIE, "", { ...optionsEffacement(secureCookies()), httpOnly: true, sameSite: "lax" });
  jar.set(COOKIE_INDICE_ESPACE, "", { ...optionsEffacement(secureCookies()), sameSite: "lax" });
}

/** The caller's live session, looked up once per request. */
export const currentSession = cache(async (): Promise<LiveSession | null> => {
  const token = await sessionToken();
  return token ? findLiveSession(token) : null;
});

/**
 * Who reads a file through a route handler (no redirect there): a citizen, or an agent whose second factor is
 * done. A session still waiting for its TOTP code reads nothing.
 */
export async function lecteurConnecte(): Promise<
  { kind: "USAGER"; usagerId: string } | { kind: "AGENT"; agentId: string } | null
> {
  const session = await currentSession();
  if (session?.kind === "USAGER") return { kind: "USAGER", usagerId: session.usager.id };
  if (session?.kind === "AGENT" && !session.session.mfaEnAttente) return { kind: "AGENT", agentId: session.agent.id };
  return null;
}

/** The client's address, for the per-address throttles (see lib/auth/adresse-client.ts and TRUSTED_PROXY). */
export async function clientIp(): Promise<string> {
  return ipDuClient(await headers());
}

/** The same rule, for a route handler that has the request's headers at hand. */
export function ipDuClient(entetes: Headers): string {
  // Without the server's own header (`next dev`), Next.js's X-Forwarded-For: the socket's address unless a client
  // wrote one.
  const socket = adresseSocketConnue()
    ? entetes.get(EN_TETE_ADRESSE_SOCKET)
    : entetes.get("x-forwarded-for")?.split(",").at(-1);
  return adresseClient(socket, entetes.get("x-forwarded-for"), proxysDeConfiance());
}

/**
 * For pages and actions of the citizen space: a logged-in usager, or off to the login page, back to `suite`
 * afterwards. When the browser still sent a session cookie that no longer opens anything (idle 30 minutes,
 * revoked), the login page says the session expired (`expiree=1`); a first visit is told nothing of the kind.
 */
export async function requireUsager(suite?: string): Promise<{ usager: Usager; session: Session }> {
  const current = await currentSession();
  if (current?.kind === "USAGER") return { usager: current.usager, session: current.session };
  if (current?.kind === "AGENT") notFound();
  redirect(adresseConnexion(suite, Boolean(await sessionToken())));
}

/** /connexion, with the page to come back to and whether a session just expired. */
export function adresseConnexion(suite: string | undefined, expiree: boolean): string {
  const parametres = new URLSearchParams();
  if (suite) parametres.set("suite", suite);
  if (expiree) parametres.set("expiree", "1");
  const requete = parametres.toString();
  return requete ? `/connexion?${requete}` : "/connexion";
}

/**
 * For the second-factor pages only (the code, the enrolment): an agent's session, even one that still owes
 * its TOTP code. A usager gets 404, nobody the login page.
 */
export async function requireAgentSession(): Promise<{ agent: Agent; session: Session }> {
  const current = await currentSession();
  if (current?.kind === "USAGER") notFound();
  if (current?.kind !== "AGENT") redirect("/agent/connexion");
  return { agent: current.agent, session: current.session };
}

/**
 * For the console: a logged-in agent who has passed the second factor when it is required; with a role, an
 * agent without it gets 403. A usager gets 404, so the console does not even admit it exists.
 */
export async function requireAgent(role?: RoleAgent): Promise<{ agent: Agent; session: Session }> {
  const { agent, session } = await requireAgentSession();
  // A session still waiting for its code opens nothing but the code page (or the enrolment, for an agent
  // who has no TOTP yet).
  if (session.mfaEnAttente) redirect(agent.totpActiveAt ? "/agent/connexion/code" : "/agent/securite");
  if (role === "ADMIN" && agent.role !== "ADMIN") forbidden();
  return { agent, session };
}
