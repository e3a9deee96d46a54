import { describe, expect, it } from "vitest";
import { PASSWORD_RULE_TEXT, passwordRuleError } from "@/lib/auth/password-rule";
import { newPasswordError } from "@/lib/auth/password";

describe("the seed's password rule", () => {
  it.each([
    ["Abcdef1!", null, "8 characters with each kind"],
    ["Ab1!Ab1!Ab1!Ab1!Ab1!", null, "long"],
    ["Été-2026x", null, "accented letters count as letters"],
    ["Mot de passe 1", null, "a space is a special character"],
    ["Abcde1!", PASSWORD_RULE_TEXT, "7 characters"],
    ["abcdefg1!", PASSWORD_RULE_TEXT, "no upper case"],
    ["ABCDEFG1!", PASSWORD_RULE_TEXT, "no lower case"],
    ["Abcdefgh!", PASSWORD_RULE_TEXT, "no digit"],
    ["Abcdefgh1", PASSWORD_RULE_TEXT, "no special character"],
    ["", PASSWORD_RULE_TEXT, "empty"],
  ])("%s → %s (%s)", (password, expected) => {
    expect(passwordRuleError(password)).toBe(expected);
  });

  it("accepts 128 characters and refuses 129", () => {
    const base = "Aa1!".repeat(32);
    expect(base).toHaveLength(128);
    expect(passwordRuleError(base)).toBeNull();
    expect(passwordRuleError(`${base}x`)).toBe("Le mot de passe ne doit pas dépasser 128 caractères.");
  });

  it("refuses a password containing the identifiant, whatever the case", () => {
    expect(passwordRuleError("Jdupont-2026!", "jdupont")).toBe("Le mot de passe ne doit pas contenir votre identifiant.");
    expect(passwordRuleError("Autre-Chose-2026!", "jdupont")).toBeNull();
  });

  it("refuses one of the 10,000 most common passwords, ignoring case", () => {
    expect(newPasswordError("P@ssw0rd")).toMatch(/plus courants/);
    expect(newPasswordError("Villefranque-64990!")).toBeNull();
  });
});
