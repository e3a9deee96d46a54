// Issue 30, finding 2 (the draft cookie never gets the __Host- prefix): every cookie of the portal is named by
// one helper, prefixed under https, and no code names a cookie by itself.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COOKIES, nomCookie, optionsEffacement, type Cookie } from "@/lib/cookies";
import { nomCookieDuPortail, nomCookieSession } from "@/lib/config";

const RACINE = fileURLToPath(new URL("..", import.meta.url));

function sources(dossier: string): string[] {
  return readdirSync(join(RACINE, dossier), { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !/\.test\.tsx?$/.test(f.name))
    .map((f) => join(f.parentPath, f.name))
    .filter((chemin) => !chemin.includes(`${join("lib", "generated")}`));
}

describe("the draft cookie pf_brouillon never gets the __Host- prefix under https", () => {
  it("under https every cookie of the portal is __Host- prefixed, the draft's included; over http none is", () => {
    for (const cookie of Object.keys(COOKIES) as Cookie[]) {
      expect(nomCookie(cookie, true)).toBe(`__Host-${COOKIES[cookie]}`);
      expect(nomCookie(cookie, false)).toBe(COOKIES[cookie]);
    }
    expect(nomCookieDuPortail("brouillon", "https://famille.villefranque.fr")).toBe("__Host-pf_brouillon");
    expect(nomCookieDuPortail("espace", "https://famille.villefranque.fr")).toBe("__Host-pf_espace");
    expect(nomCookieSession("https://famille.villefranque.fr")).toBe("__Host-pf_session");
    expect(nomCookieDuPortail("brouillon", "http://localhost:3000")).toBe("pf_brouillon");
  });

  it("a removal carries what the prefix demands (Secure, Path=/), or the browser would ignore it", () => {
    expect(optionsEffacement(true)).toMatchObject({ path: "/", secure: true, expires: new Date(0) });
  });

  it("no code of the app names a cookie itself: the names are in lib/cookies.ts alone", () => {
    const noms = Object.values(COOKIES);
    const fautifs = ["app", "lib", "components"].flatMap(sources).flatMap((chemin) => {
      if (chemin.endsWith(join("lib", "cookies.ts"))) return [];
      const texte = readFileSync(chemin, "utf8");
      const literal = noms.some((nom) => texte.includes(`"${nom}"`) || texte.includes(`'${nom}'`));
      // a cookie set, read or deleted under a name written in place
      const enPlace = /cookies(\(\))?\)?\.(get|set|delete|has)\(\s*["'`]/.test(texte);
      return literal || enPlace ? [relative(RACINE, chemin)] : [];
    });
    expect(fautifs).toEqual([]);
  });
});
