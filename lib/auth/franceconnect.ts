// FranceConnect v2 as a next-auth provider. next-auth (through openid-client) runs the authorization code flow:
// state and nonce (43 random characters each) kept in its encrypted cookies and checked on return, the code
// exchanged with client_secret_post, the ID token checked against the provider's JWKS (signature, issuer,
// audience, expiry, nonce). What it does not do, done here: the userinfo is a signed JWT (not JSON), verified
// against the same JWKS before any claim is read, and the `acr` asked for (eidas1) must be the one obtained.
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { config } from "@/lib/config";
import { newToken } from "@/lib/auth/tokens";

export const ACR_FRANCECONNECT = "eidas1";
/** API Particulier's quotient familial, FranceConnect modality */
export const SCOPE_QUOTIENT = "cnaf_quotient_familial";
const SCOPES = "openid given_name family_name preferred_username birthdate gender birthplace birthcountry email";

export type ParametresOidc = { issuer: string; clientId: string; clientSecret: string };

/** What FranceConnect tells about a person (the ID token's and the userinfo's claims, both checked). */
export type IdentiteFranceConnect = {
  sub: string;
  prenoms: string;
  nomNaissance: string;
  /** nom d'usage, when FranceConnect knows one */
  nomUsage?: string;
  dateNaissance: string;
  sexe: "female" | "male";
  /** INSEE code of the commune of birth (people born in France) */
  lieuNaissance?: string;
  /** INSEE code of the country of birth, 99100 for France */
  paysNaissance: string;
  courriel?: string;
};

const claimsSchema = z.object({
  sub: z.string().min(1),
  given_name: z.string().min(1),
  family_name: z.string().min(1),
  preferred_username: z.string().optional(),
  birthdate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  gender: z.enum(["female", "male"]),
  birthplace: z.string().optional(),
  birthcountry: z.string().regex(/^99\d{3}$/),
  email: z.string().optional(),
});

type Decouverte = { issuer: string; jwks_uri: string; userinfo_endpoint: string; end_session_endpoint?: string };

const decouvertes = new Map<string, Promise<Decouverte>>();
/** The provider's discovery document, fetched once per process (a failed fetch is tried again next time). */
export function decouverte(issuer: string): Promise<Decouverte> {
  let document = decouvertes.get(issuer);
  if (!document) {
    document = fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) }).then(
      async (response) => {
        if (!response.ok) throw new Error(`découverte OIDC : HTTP ${response.status}`);
        return (await response.json()) as Decouverte;
      },
    );
    document.catch(() => decouvertes.delete(issuer));
    decouvertes.set(issuer, document);
  }
  return document;
}

const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function clesDuFournisseur(uri: string) {
  let set = jwks.get(uri);
  if (!set) jwks.set(uri, (set = createRemoteJWKSet(new URL(uri))));
  return set;
}

/** The signed userinfo, verified, merged with the ID token's claims it must agree with. */
async function userinfoVerifie(
  parametres: ParametresOidc,
  accessToken: string,
  idToken: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { issuer, userinfo_endpoint, jwks_uri } = await decouverte(parametres.issuer);
  const response = await fetch(userinfo_endpoint, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/jwt" },
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) throw new Error(`userinfo : HTTP ${response.status}`);
  const { payload } = await jwtVerify(await response.text(), clesDuFournisseur(jwks_uri), {
    issuer,
    audience: parametres.clientId,
  });
  if (payload.sub !== idToken.sub) throw new Error("userinfo : sub différent de celui de l'ID token");
  return { ...payload, acr: idToken.acr };
}

export function identiteDesClaims(claims: Record<string, unknown>): IdentiteFranceConnect {
  if (claims.acr !== ACR_FRANCECONNECT) throw new Error(`acr obtenu : ${String(claims.acr)}`);
  const c = claimsSchema.parse(claims);
  return {
    sub: c.sub,
    prenoms: c.given_name,
    nomNaissance: c.family_name,
    nomUsage: c.preferred_username || undefined,
    dateNaissance: c.birthdate,
    sexe: c.gender,
    lieuNaissance: c.birthplace || undefined,
    paysNaissance: c.birthcountry,
    courriel: c.email || undefined,
  };
}

export function fournisseurFranceConnect(
  parametres: ParametresOidc,
  idTokenAlg: string,
): OAuthConfig<IdentiteFranceConnect> {
  return {
    id: "franceconnect",
    name: "FranceConnect",
    type: "oauth",
    wellKnown: `${parametres.issuer}/.well-known/openid-configuration`,
    clientId: parametres.clientId,
    clientSecret: parametres.clientSecret,
    client: {
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: idTokenAlg,
    },
    authorization: {
      params: {
        // API Particulier's FranceConnect modality reads the QF with this access token (lib/domain/facturation/
        // quotient-franceconnect.ts), when the commune has API Particulier
        scope: config.apiParticulier ? `${SCOPES} ${SCOPE_QUOTIENT}` : SCOPES,
        acr_values: ACR_FRANCECONNECT,
        prompt: "login",
      },
    },
    idToken: true,
    checks: ["state", "nonce"],
    userinfo: {
      async request({ tokens }) {
        if (!tokens.access_token) throw new Error("pas de jeton d'accès");
        // Errors thrown here end the sign-in (next-auth's OAuthCallback), before any claim is used.
        // openid-client's TokenSet: claims() are the ID token's, already verified by then.
        const idToken = (tokens as unknown as { claims(): Record<string, unknown> }).claims();
        return identiteDesClaims(await userinfoVerifie(parametres, tokens.access_token, idToken));
      },
    },
    profile: (identite) => ({ id: identite.sub }),
  };
}

/** ES256 (FranceConnect v2's) when the discovery document announces it, otherwise its first algorithm. */
export async function algorithmeIdToken(issuer: string): Promise<string> {
  const announced = ((await decouverte(issuer)) as { id_token_signing_alg_values_supported?: string[] })
    .id_token_signing_alg_values_supported;
  return announced?.includes("ES256") ? "ES256" : (announced?.[0] ?? "RS256");
}

/**
 * Where to send the browser so the FranceConnect session ends too: the provider's end_session_endpoint with
 * the ID token of the session, a state, and the page to come back to (registered with FranceConnect).
 */
export async function urlDeconnexionFournisseur(
  issuer: string,
  idToken: string,
  retour: string,
  state: string,
): Promise<string | null> {
  const { end_session_endpoint } = await decouverte(issuer).catch(() => ({ end_session_endpoint: undefined }));
  if (!end_session_endpoint) return null;
  const url = new URL(end_session_endpoint);
  url.search = new URLSearchParams({ id_token_hint: idToken, state, post_logout_redirect_uri: retour }).toString();
  return url.toString();
}

/** The logout of a session opened through FranceConnect: out of FranceConnect too, then back to /connexion. */
export function sortieFranceConnect(idToken: string): Promise<string | null> {
  if (!config.franceconnect) return Promise.resolve(null);
  return urlDeconnexionFournisseur(
    config.franceconnect.issuer,
    idToken,
    `${config.appUrl}/connexion?deconnecte=1`,
    newToken(),
  );
}
