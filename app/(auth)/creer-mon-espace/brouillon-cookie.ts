// The cookie that ties a "Créer mon espace" draft to this browser (HttpOnly; only its hash is stored).
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/config";
import { DRAFT_COOKIE, DRAFT_LIFETIME_MS, findBrouillon, type Brouillon } from "@/lib/domain/usager/brouillon";

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
  (await cookies()).delete(DRAFT_COOKIE);
}
