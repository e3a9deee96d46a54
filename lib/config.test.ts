import { describe, expect, it } from "vitest";
import { enTeteHsts, nomCookieSession, previewMailboxEnabled, secureCookies } from "@/lib/config";

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
