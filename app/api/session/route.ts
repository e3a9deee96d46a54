// Which space the caller's session opens, for the pages served from the cache (the login page sends a logged-in
// parent on to Mon accueil): {"espace":"usager"|"agent"|null}. When the session is gone (expired, revoked, logged
// out elsewhere) the browser's hint (lib/auth/indice-espace.ts) goes with this answer, so a stale hint never
// sends anyone round in circles. Nothing about who: the page asking only needs the kind.
import { NextResponse } from "next/server";
import { currentSession } from "@/lib/auth/current";
import type { IndiceEspace } from "@/lib/auth/indice-espace";
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
