// The cookie that ties a "Créer mon espace" draft to this browser (HttpOnly; only its hash is stored).
import { cookies } from "next/headers";
import { nomCookieDuPortail, secureCookies } from "@/lib/config";
import { optionsEffacement } from "@/lib/cookies";
import { DRAFT_LIFETIME_MS, findBrouillon, type Brouillon } from "@/lib/domain/usager/brouillon";

// __Host- under https: a sibling subdomain cannot plant a FranceConnect draft (issue 30)
const DRAFT_COOKIE = nomCookieDuPortail("brouillon");

export async function brouillonCourant(): Promise<Brouillon | null> {
  return findBrouillon((await cookies()).get(DRAFT_COOKIE)?.value);
}

export async function setDraftCookie(token: string): Promise<void> {
  (await cookies()).set(DRAFT_COOKIE, token, {
    httpOnly: true,
    secure: secureCookies(),
    sameSite: "lax",
    path: "/",
    maxAge: DRAFT_LIFETIME_MS / 1000,
  });
}

export async function clearDraftCookie(): Promise<void> {
  (await cookies()).set(DRAFT_COOKIE, "", { ...optionsEffacement(secureCookies()), httpOnly: true, sameSite: "lax" });
}
