// The commune's single sign-on for agents (Keycloak, LemonLDAP::NG, Azure AD…) as a next-auth provider: a plain
// OpenID Connect provider, code flow with PKCE, state and nonce, the ID token checked against its JWKS. Its
// claims only name an existing agent (lib/domain/agent/sso.ts): nobody gets an account by SSO.
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { ParametresOidc } from "@/lib/auth/franceconnect";

export type ClaimsSso = Record<string, unknown> & {
  sub: string;
  email_verified?: unknown;
  amr?: unknown;
  acr?: unknown;
};

export function fournisseurSsoAgents(parametres: ParametresOidc, idTokenAlg: string): OAuthConfig<ClaimsSso> {
  return {
    id: "agents",
    name: "Compte de la commune",
    type: "oauth",
    wellKnown: `${parametres.issuer}/.well-known/openid-configuration`,
    clientId: parametres.clientId,
    clientSecret: parametres.clientSecret,
    client: { id_token_signed_response_alg: idTokenAlg },
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    userinfo: {
      // The ID token says how the agent authenticated (amr, acr); the claim naming the agent may be in either.
      async request({ tokens, client }) {
        const idToken = (tokens as unknown as { claims(): ClaimsSso }).claims();
        const userinfo: Record<string, unknown> = tokens.access_token ? await client.userinfo(tokens.access_token) : {};
        if (userinfo.sub && userinfo.sub !== idToken.sub) throw new Error("userinfo : sub différent");
        return { ...userinfo, ...idToken };
      },
    },
    profile: (claims) => ({ id: claims.sub }),
  };
}

/**
 * Whether the provider's word that it did a second factor (`amr` contains `mfa`, or `acr` is the configured
 * value) stands for the TOTP code: only when the commune chose to trust it (AGENT_OIDC_MFA_FOURNISSEUR, off by
 * default, issue 30), since the portal cannot check what the provider did.
 */
export function mfaAffirme(claims: ClaimsSso, regle: { confiance: boolean; acrMfa: string | undefined }): boolean {
  if (!regle.confiance) return false;
  const { acrMfa } = regle;
  return (Array.isArray(claims.amr) && claims.amr.includes("mfa")) || (acrMfa !== undefined && claims.acr === acrMfa);
}
