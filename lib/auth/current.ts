// The Next.js side of sessions: the cookie, and the guards every page and action of each side calls first.
// The proxy is not an authorization boundary; these are.
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { secureCookies } from "@/lib/config";
import { findLiveSession, SESSION_MAX_MS, type LiveSession } from "@/lib/auth/sessions";
import type { Agent, RoleAgent, Session, Usager } from "@/lib/generated/prisma/client";

export const SESSION_COOKIE = "pf_session";

export async function setSessionCookie(token: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: secureCookies(),
    sameSite: "lax",
    path: "/",
    maxAge: SESSION_MAX_MS / 1000,
  });
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** The caller's live session, looked up once per request. */
export const currentSession = cache(async (): Promise<LiveSession | null> => {
  const token = await sessionToken();
  return token ? findLiveSession(token) : null;
});

/**
 * The client's address, for login throttling: the last X-Forwarded-For entry, which is the one the reverse
 * proxy in front of us appended (or, with no proxy, the socket address Next.js puts there). Entries before it
 * come from the client and could be forged.
 */
export async function clientIp(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",").at(-1)?.trim() || "inconnue";
}

/** For pages and actions of the citizen space: a logged-in usager, or off to the login page. */
export async function requireUsager(suite?: string): Promise<{ usager: Usager; session: Session }> {
  const current = await currentSession();
  if (current?.kind === "USAGER") return { usager: current.usager, session: current.session };
  if (current?.kind === "AGENT") notFound();
  redirect(suite ? `/connexion?suite=${encodeURIComponent(suite)}` : "/connexion");
}

/** For the console: a logged-in agent (with the role when one is asked); a usager gets 404. */
export async function requireAgent(role?: RoleAgent): Promise<{ agent: Agent; session: Session }> {
  const current = await currentSession();
  if (current?.kind === "USAGER") notFound();
  if (current?.kind !== "AGENT") redirect("/agent/connexion");
  if (role === "ADMIN" && current.agent.role !== "ADMIN") notFound();
  return { agent: current.agent, session: current.session };
}
