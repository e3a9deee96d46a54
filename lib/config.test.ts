import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  enTeteHsts,
  environnementSchema,
  lireEnvironnement,
  nomCookieSession,
  previewMailboxEnabled,
  secureCookies,
} from "@/lib/config";

describe("the preview mailbox (/dev/mails)", () => {
  it.each([
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "production", DEMO: "1" }, true],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "development", SMTP_URL: "smtp://mail.example:25" }, false],
    [{ NODE_ENV: "production", DEMO: "1", SMTP_URL: "smtp://mail.example:25" }, false],
  ])("%o → %s", (env, expected) => {
    expect(previewMailboxEnabled(env)).toBe(expected);
  });
});

describe("the environment's schema", () => {
  const exemple = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
  const lignes = [...exemple.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, nom, valeur]) => ({
    nom: nom!,
    // .env.example quotes a value with spaces, as a shell would read it
    valeur: valeur!.replace(/^"(.*)"$/, "$1"),
  }));

  it("knows every variable of .env.example, and .env.example lists every variable it knows", () => {
    // NODE_ENV is set by Next.js and npm, not by whoever installs the portal
    const duSchema = Object.keys(environnementSchema.shape).filter((nom) => nom !== "NODE_ENV");
    expect(lignes.map((l) => l.nom).sort()).toEqual(duSchema.sort());
  });

  it("accepts .env.example as it is (its values are the defaults)", () => {
    const env = Object.fromEntries(lignes.map((l) => [l.nom, l.valeur]));
    expect(lireEnvironnement(env)).toMatchObject({ PORT: 3000, ALTCHA_COST: 50_000, DATABASE_URL: undefined });
  });

  it("names the variable and the form expected, in French, and never shows the value", () => {
    expect(() => lireEnvironnement({ ALTCHA_COST: "beaucoup" })).toThrow(
      "Configuration invalide : ALTCHA_COST doit être un nombre entier entre 1 et 10000000 (par exemple 50000).",
    );
    const secret = "pas-une-cle-de-32-octets";
    expect(() => lireEnvironnement({ CLE_CHIFFREMENT: secret, SMTP_URL: "http://smtp.commune.fr" })).toThrow(
      /^Configuration invalide : SMTP_URL doit être une adresse smtp:\/\/… ou smtps:\/\/… \(par exemple .*\) ; CLE_CHIFFREMENT doit être 32 octets encodés en base64/,
    );
    expect(() => lireEnvironnement({ CLE_CHIFFREMENT: secret })).not.toThrow(new RegExp(secret));
  });
});

describe("HSTS and cookie prefix (security review, issue 12)", () => {
  it("secureCookies() is true under https:// and false under http://", () => {
    expect(secureCookies("https://famille.villefranque.fr")).toBe(true);
    expect(secureCookies("http://localhost:3000")).toBe(false);
  });

  it("names the session cookie __Host-… under https only", () => {
    expect(nomCookieSession("https://famille.villefranque.fr")).toBe("__Host-pf_session");
    expect(nomCookieSession("http://localhost:3000")).toBe("pf_session");
  });

  it("sends Strict-Transport-Security for one year under https only", () => {
    expect(enTeteHsts("https://famille.villefranque.fr")).toMatch(/^max-age=31536000\b/);
    expect(enTeteHsts("http://localhost:3000")).toBeNull();
  });
});
