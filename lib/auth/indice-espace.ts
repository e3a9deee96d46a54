// A hint, readable by the browser, of which space the visitor is logged into: the pages served from the cache
// (the login page, see proxy.ts) are the same for everyone, so their header and the preview banner learn it in
// the browser. Only a hint for what to show: the server never trusts it (every page and action checks the
// HttpOnly session cookie, lib/auth/current.ts); set and cleared with the session cookie.
import { nomCookie } from "@/lib/cookies";

export type IndiceEspace = "usager" | "agent";

/**
 * Fired on `window` once an answer may have changed the hint (/api/session drops a stale one): the frame reads
 * it again. The Cookie Store API's own event does not reliably come for a cookie an HTTP answer removed.
 */
export const EVENEMENT_INDICE_ESPACE = "pf-espace";

/** The hint in a `document.cookie` string of a page served over https or not, or null. */
export function lireIndiceEspace(cookies: string, https: boolean): IndiceEspace | null {
  const attendu = nomCookie("espace", https);
  for (const morceau of cookies.split(";")) {
    const [nom, valeur] = morceau.trim().split("=");
    if (nom === attendu && (valeur === "usager" || valeur === "agent")) return valeur;
  }
  return null;
}
