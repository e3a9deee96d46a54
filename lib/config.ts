// Configuration read from the environment, with the defaults the README lists.
import { lireProxysDeConfiance, type ProxysDeConfiance } from "@/lib/auth/adresse-client";

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
  dataDir: process.env.DATA_DIR ?? "./data",
  storageDir: process.env.STORAGE_DIR ?? `${process.env.DATA_DIR ?? "./data"}/uploads`,
  /** set: files go to uploadthing instead of STORAGE_DIR (the token of the uploadthing dashboard) */
  uploadthingToken: process.env.UPLOADTHING_TOKEN || undefined,
  /** base URL of uploadthing's API; changed only by tests (a local stand-in) */
  uploadthingApiUrl: (process.env.UPLOADTHING_API_URL || "https://api.uploadthing.com").replace(/\/$/, ""),
  /** base URL of the IGN Géoplateforme geocoding service (address suggestions) */
  adresseApiUrl: (process.env.ADRESSE_API_URL || "https://data.geopf.fr").replace(/\/$/, ""),
};

/** Cookies are Secure whenever the portal is served over HTTPS (always the case in production). */
export function secureCookies(appUrl = config.appUrl): boolean {
  return appUrl.startsWith("https://");
}

/**
 * The session cookie's name: under https, the __Host- prefix makes the browser refuse it unless it is Secure,
 * for the whole site (Path=/) and bound to this host alone (no Domain), so a sibling subdomain cannot plant
 * one (ASVS 3.3.1). Plain http (the demo on localhost) cannot carry the prefix.
 */
export function nomCookieSession(appUrl = config.appUrl): string {
  return secureCookies(appUrl) ? "__Host-pf_session" : "pf_session";
}

/** Strict-Transport-Security for a portal served over https: one year, subdomains included; none over http. */
export function enTeteHsts(appUrl = config.appUrl): string | null {
  return secureCookies(appUrl) ? "max-age=31536000; includeSubDomains" : null;
}

let proxys: ProxysDeConfiance | undefined;
/** TRUSTED_PROXY, read once: the reverse proxies whose X-Forwarded-For entry is believed (none by default). */
export function proxysDeConfiance(): ProxysDeConfiance {
  proxys ??= lireProxysDeConfiance(process.env.TRUSTED_PROXY);
  return proxys;
}

/** The preview mailbox exists only when no SMTP server is configured, and in production only with DEMO=1. */
export function previewMailboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !env.SMTP_URL && (env.NODE_ENV !== "production" || env.DEMO === "1");
}
