// Configuration read from the environment, with the defaults the README lists.
export const config = {
  /** public base URL of the portal, used in email links */
  appUrl: (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, ""),
  smtpUrl: process.env.SMTP_URL || undefined,
  mailFrom: process.env.MAIL_FROM ?? "Portail Famille <nepasrepondre@portail-famille.localhost>",
  /** DEMO=1 keeps the preview mailbox (/dev/mails) in production builds */
  demo: process.env.DEMO === "1",
  production: process.env.NODE_ENV === "production",
  altchaHmacKey: process.env.ALTCHA_HMAC_KEY,
  /** proof-of-work cost of the anti-bot check; lower it only in tests */
  altchaCost: Number(process.env.ALTCHA_COST ?? 50_000),
  storageDir: process.env.STORAGE_DIR ?? `${process.env.DATA_DIR ?? "./data"}/uploads`,
  /** set: files go to uploadthing instead of STORAGE_DIR (the token of the uploadthing dashboard) */
  uploadthingToken: process.env.UPLOADTHING_TOKEN || undefined,
  /** base URL of uploadthing's API; changed only by tests (a local stand-in) */
  uploadthingApiUrl: (process.env.UPLOADTHING_API_URL || "https://api.uploadthing.com").replace(/\/$/, ""),
  /** base URL of the IGN Géoplateforme geocoding service (address suggestions) */
  adresseApiUrl: (process.env.ADRESSE_API_URL || "https://data.geopf.fr").replace(/\/$/, ""),
  /** FranceConnect v2 (all three set, or no button): lib/auth/franceconnect.ts */
  franceconnect: oidc("FRANCECONNECT"),
  /** the commune's single sign-on for agents (all three set, or no button): lib/auth/sso-agents.ts */
  agentOidc: oidc("AGENT_OIDC"),
  /** the claim naming the agent: `email` matches the agent's courriel, any other claim its identifiant */
  agentOidcClaim: process.env.AGENT_OIDC_CLAIM || "email",
  /** an `acr` value that tells the agents' SSO did a second factor (besides `amr` containing `mfa`) */
  agentOidcAcrMfa: process.env.AGENT_OIDC_ACR_MFA || undefined,
};

function oidc(prefixe: "FRANCECONNECT" | "AGENT_OIDC") {
  const issuer = process.env[`${prefixe}_ISSUER`]?.replace(/\/$/, "");
  const clientId = process.env[`${prefixe}_CLIENT_ID`];
  const clientSecret = process.env[`${prefixe}_CLIENT_SECRET`];
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : undefined;
}

/** Cookies are Secure whenever the portal is served over HTTPS (always the case in production). */
export function secureCookies(): boolean {
  return config.appUrl.startsWith("https://");
}

/** The preview mailbox exists only when no SMTP server is configured, and in production only with DEMO=1. */
export function previewMailboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !env.SMTP_URL && (env.NODE_ENV !== "production" || env.DEMO === "1");
}
