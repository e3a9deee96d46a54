// The cookie that ties a "Créer mon espace" draft to this browser (HttpOnly; only its hash is stored).
import { cookies } from "next/headers";
import { nomCookieDuPortail, secureCookies } from "@/lib/config";
import { optionsEffacement } from "@/lib/cookies";
import { DRAFT_LIFETIME_MS, findBrouillon, type Brouillon } from "@/lib/domain/usager/brouillon";

const ESPACE_CREE_COOKIE = nomCookieDuPortail("espaceCree");
const ESPACE_CREE_SECONDES = 10 * 60;

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

/** The identifiant generated for a space created with FranceConnect, for the confirmation page (10 minutes). */
export async function setEspaceCreeCookie(identifiant: string): Promise<void> {
  (await cookies()).set(ESPACE_CREE_COOKIE, identifiant, {
    httpOnly: true,
    secure: secureCookies(),
    sameSite: "lax",
    path: "/",
    maxAge: ESPACE_CREE_SECONDES,
  });
}

/** That identifiant, when this browser has just created such a space (only the shape of an identifiant is shown). */
export async function identifiantCree(): Promise<string | null> {
  const valeur = (await cookies()).get(ESPACE_CREE_COOKIE)?.value;
  return valeur && /^[a-z0-9._@-]{3,50}$/.test(valeur) ? valeur : null;
}
