// Which space the caller's session opens, for the pages served from the cache (the login page sends a logged-in
// parent on to Mon accueil): {"espace":"usager"|"agent"|null}. When the session is gone (expired, revoked, logged
// out elsewhere) the browser's hint (lib/auth/indice-espace.ts) goes with this answer, so a stale hint never
// sends anyone round in circles. Nothing about who: the page asking only needs the kind.
//
// POST is « Rester connecté » (components/layout/ResterConnecte.tsx): a parent's live session has its idle clock
// moved now (204); a session already gone answers 401, and the page sends the parent to the login page.
import { NextResponse } from "next/server";
import { currentSession } from "@/lib/auth/current";
import type { IndiceEspace } from "@/lib/auth/indice-espace";
import { origineAutorisee } from "@/lib/auth/origine";
import { toucherSession } from "@/lib/auth/sessions";
import { nomCookieDuPortail, secureCookies } from "@/lib/config";
import { optionsEffacement } from "@/lib/cookies";

export const dynamic = "force-dynamic";

export async function GET() {
  const session = await currentSession();
  const espace: IndiceEspace | null = session ? (session.kind === "USAGER" ? "usager" : "agent") : null;
  const reponse = NextResponse.json({ espace }, { headers: { "Cache-Control": "no-store" } });
  if (!espace)
    reponse.cookies.set(nomCookieDuPortail("espace"), "", { ...optionsEffacement(secureCookies()), sameSite: "lax" });
  return reponse;
}

export async function POST(request: Request) {
  if (!origineAutorisee(request)) return new NextResponse(null, { status: 403 });
  const session = await currentSession();
  if (session?.kind !== "USAGER") return new NextResponse(null, { status: 401 });
  await toucherSession(session.session.id);
  return new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
