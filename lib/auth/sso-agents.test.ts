// Issue 30, finding 4 (health data behind one factor): the SSO's word that it did a second factor skips the TOTP
// only when the commune turned AGENT_OIDC_MFA_FOURNISSEUR on.
import { describe, expect, it } from "vitest";
import { lireEnvironnement } from "@/lib/config";
import { mfaAffirme } from "@/lib/auth/sso-agents";

const AVEC_MFA = { sub: "s", amr: ["pwd", "mfa"] };
const ACR_FORT = { sub: "s", amr: ["pwd"], acr: "urn:mairie:mfa" };

describe("health data behind one factor: the provider's amr/acr", () => {
  it("is not believed by default", () => {
    expect(mfaAffirme(AVEC_MFA, { confiance: false, acrMfa: undefined })).toBe(false);
    expect(mfaAffirme(ACR_FORT, { confiance: false, acrMfa: "urn:mairie:mfa" })).toBe(false);
  });

  it("is believed once the commune chose so: amr mfa, or the configured acr", () => {
    expect(mfaAffirme(AVEC_MFA, { confiance: true, acrMfa: undefined })).toBe(true);
    expect(mfaAffirme(ACR_FORT, { confiance: true, acrMfa: "urn:mairie:mfa" })).toBe(true);
    expect(mfaAffirme({ sub: "s", amr: ["pwd"] }, { confiance: true, acrMfa: "urn:mairie:mfa" })).toBe(false);
  });

  it("the setting is off unless AGENT_OIDC_MFA_FOURNISSEUR is exactly 1", () => {
    expect(lireEnvironnement({}).AGENT_OIDC_MFA_FOURNISSEUR).toBeUndefined();
    expect(lireEnvironnement({ AGENT_OIDC_MFA_FOURNISSEUR: "1" }).AGENT_OIDC_MFA_FOURNISSEUR).toBe("1");
    expect(() => lireEnvironnement({ AGENT_OIDC_MFA_FOURNISSEUR: "oui" })).toThrow(/AGENT_OIDC_MFA_FOURNISSEUR/);
  });
});
