import { describe, expect, it } from "vitest";
import { PASSWORD_RULE_TEXT, passwordRuleError } from "@/lib/auth/password-rule";
import { newPasswordError } from "@/lib/auth/password";

describe("the seed's password rule", () => {
  it.each([
    { password: "Abcdef1!", expected: null, why: "8 characters with each kind" },
    { password: "Ab1!Ab1!Ab1!Ab1!Ab1!", expected: null, why: "long" },
    { password: "Été-2026x", expected: null, why: "accented letters count as letters" },
    { password: "Mot de passe 1", expected: null, why: "a space is a special character" },
    { password: "Abcde1!", expected: PASSWORD_RULE_TEXT, why: "7 characters" },
    { password: "abcdefg1!", expected: PASSWORD_RULE_TEXT, why: "no upper case" },
    { password: "ABCDEFG1!", expected: PASSWORD_RULE_TEXT, why: "no lower case" },
    { password: "Abcdefgh!", expected: PASSWORD_RULE_TEXT, why: "no digit" },
    { password: "Abcdefgh1", expected: PASSWORD_RULE_TEXT, why: "no special character" },
    { password: "", expected: PASSWORD_RULE_TEXT, why: "empty" },
  ])("« $password »: $why", ({ password, expected }) => {
    expect(passwordRuleError(password)).toBe(expected);
  });

  it("accepts 128 characters and refuses 129", () => {
    const base = "Aa1!".repeat(32);
    expect(base).toHaveLength(128);
    expect(passwordRuleError(base)).toBeNull();
    expect(passwordRuleError(`${base}x`)).toBe("Le mot de passe ne doit pas dépasser 128 caractères.");
  });

  it("refuses a password containing the identifiant, whatever the case", () => {
    expect(passwordRuleError("Jdupont-2026!", "jdupont")).toBe(
      "Le mot de passe ne doit pas contenir votre identifiant.",
    );
    expect(passwordRuleError("Autre-Chose-2026!", "jdupont")).toBeNull();
  });

  it("refuses one of the 10,000 most common passwords, ignoring case", () => {
    expect(newPasswordError("P@ssw0rd")).toMatch(/plus courants/);
    expect(newPasswordError("Villefranque-64990!")).toBeNull();
  });
});
