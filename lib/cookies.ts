// Every cookie the portal sets is named here (issue 30). Under https the name carries the __Host- prefix: the
// browser then refuses the cookie unless it is Secure, for the whole site (Path=/) and bound to this host alone
// (no Domain), so a sibling subdomain cannot plant one — a session, or a FranceConnect draft that a victim would
// then link to their own space (ASVS 3.3.1). Plain http (the demo on localhost, the tests) cannot carry the
// prefix. No dependency: the browser reads the space hint with the same names.

export const COOKIES = {
  /** the session's token (HttpOnly): lib/auth/current.ts */
  session: "pf_session",
  /** which space the session opens, a hint for the cached pages' frame (readable by the browser) */
  espace: "pf_espace",
  /** the token of a « Créer mon espace » draft (HttpOnly): set by the wizard and after an unknown FranceConnect identity */
  brouillon: "pf_brouillon",
  /** the identifiant generated for a space created with FranceConnect, shown once by the confirmation (HttpOnly, 10 min) */
  espaceCree: "pf_espace_cree",
  /** the end-to-end tests' clock, honoured only under E2E=1 (lib/web/horloge.ts) */
  horloge: "horloge-e2e",
  // next-auth's own, during a FranceConnect or SSO sign-in (lib/auth/oidc.ts): its defaults would be __Secure-
  // prefixed only, which a sibling subdomain may still set for the parent domain (a planted state or PKCE
  // verifier: a victim signed in with the attacker's identity)
  oidcCsrf: "pf_oidc_csrf",
  oidcEtat: "pf_oidc_etat",
  oidcPkce: "pf_oidc_pkce",
  oidcNonce: "pf_oidc_nonce",
  oidcRetour: "pf_oidc_retour",
  /** never set: signIn never returns true (lib/auth/oidc.ts) */
  oidcSession: "pf_oidc_session",
} as const;

export type Cookie = keyof typeof COOKIES;

/** The name of a cookie of the portal, for a portal served over https or not. */
export function nomCookie(cookie: Cookie, https: boolean): string {
  return https ? `__Host-${COOKIES[cookie]}` : COOKIES[cookie];
}

/**
 * What removes a cookie: an empty value already expired, with the attributes the prefix demands (a browser
 * ignores a `__Host-` Set-Cookie without Secure and Path=/, the removal included).
 */
export function optionsEffacement(https: boolean) {
  return { path: "/", secure: https, expires: new Date(0) } as const;
}
