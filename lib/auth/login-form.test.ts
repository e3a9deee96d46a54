import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/login-form";

const APP_URL = "https://famille.villefranque.fr";

describe("where a login leads", () => {
  it.each([
    ["/mon-profil", "/mon-profil"],
    ["/mon-espace?onglet=1", "/mon-espace?onglet=1"],
    ["/demandes/12#echanges", "/demandes/12#echanges"],
    [undefined, "/mon-espace"],
    ["", "/mon-espace"],
    ["https://ailleurs.example/piege", "/mon-espace"],
    ["//ailleurs.example/piege", "/mon-espace"],
    ["/\\ailleurs.example", "/mon-espace"],
    ["javascript:alert(1)", "/mon-espace"],
  ])("suite=%s → %s (only a path of this site)", (suite, expected) => {
    expect(safeNext(suite, "/mon-espace", APP_URL)).toBe(expected);
  });

  // Open redirect after login (security review, issue 12): browsers strip tabs and newlines from a URL, so
  // "/\t/evil.example/phish" reached the browser as "//evil.example/phish"; a CR/LF made the redirect a 500.
  it.each([
    ["/\t/evil.example/phish"],
    ["/\n/evil.example/phish"],
    ["/\r\n/evil.example"],
    ["/mon-espace\r\nSet-Cookie: x=1"],
    ["/\u0000/evil.example"],
    ["\t//evil.example"],
    ["/%09/evil.example"],
  ])("open redirect after login: %j is refused", (suite) => {
    const resultat = safeNext(suite, "/mon-espace", APP_URL);
    const cible = new URL(resultat, APP_URL);
    expect(cible.origin).toBe(APP_URL);
    expect(resultat).not.toMatch(/[\u0000-\u001F]/);
    expect(resultat.startsWith("//")).toBe(false);
  });

  it("open redirect after login: control characters send to the fallback, whatever follows", () => {
    expect(safeNext("/\t/evil.example/phish", "/mon-espace", APP_URL)).toBe("/mon-espace");
    expect(safeNext("/mon-profil\n", "/mon-espace", APP_URL)).toBe("/mon-espace");
  });
});
