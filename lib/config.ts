// The environment, read through one zod schema: every variable .env.example lists, with the defaults
// docs/exploitation.md gives. A value of the wrong form stops the start with a French message naming the variable
// and the form expected (never its value: some are secrets). `config` is parsed once, at its first use; the unit
// test lib/config.test.ts keeps this schema and .env.example in step.
import { z } from "zod";
import { lireProxysDeConfiance, type ProxysDeConfiance } from "@/lib/auth/adresse-client";
import { nomCookie, type Cookie } from "@/lib/cookies";

/** One variable: its schema, and the form expected as the error message words it. An empty `NOM=` line (as
 * .env.example has) means unset. */
const variable = <T extends z.ZodType>(schema: T, attendu: string) =>
  z.preprocess((valeur) => (valeur === "" ? undefined : valeur), schema.optional()).meta({ attendu });

const texte = (attendu: string) => variable(z.string(), attendu);

const entier = (min: number, max: number, exemple: number) =>
  variable(
    z.coerce.number().int().min(min).max(max),
    `un nombre entier entre ${min} et ${max} (par exemple ${exemple})`,
  );

const port = (exemple: number) => entier(1, 65_535, exemple);

const url = (protocoles: string[], exemple: string) =>
  variable(
    z.string().refine((valeur) => URL.canParse(valeur) && protocoles.includes(new URL(valeur).protocol)),
    `une adresse ${protocoles.map((p) => `${p}//…`).join(" ou ")} (par exemple ${exemple})`,
  );

const cle32 = variable(
  z.string().refine((valeur) => /^[A-Za-z0-9+/]+={0,2}$/.test(valeur) && Buffer.from(valeur, "base64").length === 32),
  "32 octets encodés en base64 (openssl rand -base64 32)",
);

/** Switches of the test tooling, read as "set or not" by scripts/test.sh and playwright.config.ts. */
const drapeau = texte("n'importe quelle valeur (définie : activé)");

const POSTGRES = ["postgres:", "postgresql:"];
const WEB = ["http:", "https:"];

export const environnementSchema = z.object({
  NODE_ENV: variable(z.enum(["development", "production", "test"]), "development, production ou test"),
  // Database
  DATABASE_URL: url(POSTGRES, "postgresql://portail:…@db.commune.fr:5432/portail"),
  DATABASE_POOL_SIZE: entier(1, 100, 5),
  DATA_DIR: texte("un dossier"),
  EMBEDDED_DB_PORT: port(54329),
  // Web
  PORT: port(3000),
  APP_URL: url(WEB, "https://famille.villefranque.fr"),
  // Admission control of this node (lib/web/admission-noeud.ts): requests running at once (unset: sized to the
  // node; "illimitee" turns the limit off, nothing else does), requests that may wait beyond them, and the
  // longest wait in that queue before the « salle d'attente » answers
  ADMISSION_CONCURRENCE: variable(
    z.union([z.literal("illimitee"), z.coerce.number().int().min(1).max(1000)]),
    "un nombre entier entre 1 et 1000 (par exemple 5), ou illimitee",
  ),
  ADMISSION_FILE: entier(0, 100_000, 200),
  ADMISSION_ATTENTE_MAX_MS: entier(1000, 600_000, 30_000),
  TRUSTED_PROXY: texte("un nombre de proxys (1) ou leurs adresses et blocs CIDR séparés par des virgules"),
  // Mail
  SMTP_URL: url(["smtp:", "smtps:"], "smtps://utilisateur:motdepasse@smtp.commune.fr:465"),
  MAIL_FROM: texte("un expéditeur"),
  // Job queue (lib/jobs): jobs run at once by this node (0: none), and how often an idle node looks for jobs
  // when no notification woke it (PostgreSQL wakes it at each commit; the embedded PGlite cannot)
  JOBS_CONCURRENCY: entier(0, 50, 2),
  JOBS_POLL_INTERVAL_MS: entier(100, 3_600_000, 1000),
  // families per transaction of the month's invoicing (each chunk commits its invoices and the run's progress)
  FACTURATION_TAILLE_LOT: entier(1, 5000, 250),
  /** "1" keeps the preview mailbox in production */
  DEMO: variable(z.enum(["0", "1"]), "1 (activé), 0 ou rien"),
  /** "1": a deploy preview (banner, demo logins, reset button) */
  PREVIEW: variable(z.enum(["0", "1"]), "1 (activé), 0 ou rien"),
  LOG_LEVEL: variable(
    z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]),
    "debug, info, warn ou error",
  ),
  // the monitoring's token: /api/sante tells the version to a request carrying it (Authorization: Bearer …)
  SUPERVISION_JETON: variable(
    z.string().min(32),
    "une chaîne aléatoire d'au moins 32 caractères (openssl rand -hex 32)",
  ),
  // Anti-bot check
  ALTCHA_HMAC_KEY: variable(z.string().min(16), "une chaîne aléatoire d'au moins 16 caractères (openssl rand -hex 32)"),
  ALTCHA_COST: entier(1, 10_000_000, 50_000),
  // Encryption of secrets at rest
  CLE_CHIFFREMENT: cle32,
  CLE_CHIFFREMENT_ANCIENNE: cle32,
  // Files
  STORAGE_DIR: texte("un dossier"),
  UPLOADTHING_TOKEN: texte("le jeton du tableau de bord uploadthing"),
  UPLOADTHING_API_URL: url(WEB, "https://api.uploadthing.com"),
  UPLOADTHING_INGEST_URL: url(WEB, "https://ingest.uploadthing.com"),
  // Address search
  ADRESSE_API_URL: url(WEB, "https://data.geopf.fr"),
  // Commune, first start only
  COMMUNE_NOM: texte("le nom de la commune"),
  COMMUNE_EMAIL: variable(z.email(), "une adresse de courriel (par exemple enfance@mairie-villefranque.fr)"),
  COMMUNE_SITE_URL: url(WEB, "https://www.villefranque.fr"),
  // Tests
  TEST_DATABASE_URL: url(POSTGRES, "postgresql://postgres@127.0.0.1:5432/postgres"),
  PG_BIN: texte("le dossier des programmes de PostgreSQL"),
  INTEGRATION_WORKERS: entier(1, 32, 2),
  CHROMIUM_PATH: texte("le chemin de Chromium"),
  SKIP_E2E: drapeau,
  E2E_PORT: port(3100),
  E2E_SMTP_PORT: port(2526),
  E2E_ADRESSE_PORT: port(2527),
  E2E_EMBEDDED_DB_PORT: port(54339),
  E2E_SERVER_LOG: drapeau,
  E2E_KEEP_DATA: drapeau,
  E2E_DATABASE_URL: url(POSTGRES, "postgresql://postgres@127.0.0.1:5432/e2e"),
  E2E_MAIL_FROM: texte("un expéditeur"),
  E2E_TRACE: variable(z.enum(["retain-on-failure"]), "retain-on-failure, ou rien"),
  E2E_AXE_TOUJOURS: drapeau,
  MIGRATE_ENGINE_DEBUG: drapeau,
  // FranceConnect (all three, or no button) and the agents' single sign-on
  FRANCECONNECT_ISSUER: url(WEB, "https://oidc.franceconnect.gouv.fr/api/v2"),
  FRANCECONNECT_CLIENT_ID: texte("l'identifiant du fournisseur de service FranceConnect"),
  FRANCECONNECT_CLIENT_SECRET: texte("le secret du fournisseur de service FranceConnect"),
  AGENT_OIDC_ISSUER: url(WEB, "https://sso.villefranque.fr/realms/mairie"),
  AGENT_OIDC_CLIENT_ID: texte("l'identifiant du client OpenID Connect"),
  AGENT_OIDC_CLIENT_SECRET: texte("le secret du client OpenID Connect"),
  AGENT_OIDC_CLAIM: texte("le nom d'une revendication (email par défaut)"),
  AGENT_OIDC_ACR_MFA: texte("une valeur d'acr qui atteste une double authentification"),
  // a security choice: only "1" turns it on, so that "0" or "false" cannot
  AGENT_OIDC_MFA_FOURNISSEUR: variable(z.enum(["0", "1"]), "1 (activé) ou 0 (désactivé, par défaut)"),
  NEXTAUTH_SECRET: variable(z.string().min(32), "une chaîne aléatoire d'au moins 32 caractères"),
  E2E_FRANCECONNECT_PORT: port(3265),
  E2E_SSO_PORT: port(3275),
  // PayFiP (online payment of invoices): the service's address, the régie's client number and the mode
  PAYFIP_URL: url(WEB, "https://www.payfip.gouv.fr"),
  PAYFIP_NUMCLI: variable(z.string().regex(/^\d{6}$/), "le numéro client de la régie, 6 chiffres"),
  PAYFIP_SAISIE: variable(z.enum(["T", "X", "W"]), "T (test), X (activation) ou W (production)"),
  E2E_PAYFIP_PORT: port(3267),
  // API Particulier v3 (the QF from the CAF or the MSA): its address, the commune's token and SIRET (all but the
  // address, or the feature is hidden)
  API_PARTICULIER_URL: url(WEB, "https://particulier.api.gouv.fr"),
  API_PARTICULIER_JETON: variable(z.string().min(16), "le jeton API Particulier de la commune (habilitation DataPass)"),
  API_PARTICULIER_SIRET: variable(z.string().regex(/^\d{14}$/), "le SIRET de la commune, 14 chiffres"),
  E2E_API_PARTICULIER_PORT: port(3268),
  // npm run agent:create
  AGENT_PASSWORD: texte("un mot de passe"),
});

export type Environnement = z.infer<typeof environnementSchema>;

/** The variables, checked; throws one French message listing each variable of the wrong form. */
export function lireEnvironnement(env: Record<string, string | undefined> = process.env): Environnement {
  const lu = environnementSchema.safeParse(env);
  if (lu.success) return lu.data;
  const lignes = lu.error.issues.map((issue) => {
    const nom = String(issue.path[0]);
    const attendu = environnementSchema.shape[nom as keyof Environnement]?.meta()?.attendu;
    return `${nom} doit être ${attendu ?? issue.message}`;
  });
  throw new Error(`Configuration invalide : ${lignes.join(" ; ")}.`);
}

function construire(env: Environnement) {
  const port = env.PORT ?? 3000;
  const dataDir = env.DATA_DIR ?? "./data";
  return {
    /** public base URL of the portal, used in email links */
    appUrl: (env.APP_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? "Portail Famille <nepasrepondre@portail-famille.localhost>",
    /** DEMO=1 keeps the preview mailbox (/dev/mails) in production builds */
    demo: env.DEMO === "1",
    production: env.NODE_ENV === "production",
    altchaHmacKey: env.ALTCHA_HMAC_KEY,
    /** /api/sante's version, for the monitoring only (lib/disponibilite.ts); unset: nobody sees it */
    supervisionJeton: env.SUPERVISION_JETON,
    /** proof-of-work cost of the anti-bot check; lower it only in tests */
    altchaCost: env.ALTCHA_COST ?? 50_000,
    dataDir,
    storageDir: env.STORAGE_DIR ?? `${dataDir}/uploads`,
    /** set: files go to uploadthing instead of STORAGE_DIR (the token of the uploadthing dashboard) */
    uploadthingToken: env.UPLOADTHING_TOKEN,
    /** base URL of uploadthing's API; changed only by tests (a local stand-in) */
    uploadthingApiUrl: (env.UPLOADTHING_API_URL ?? "https://api.uploadthing.com").replace(/\/$/, ""),
    /** base URL of the IGN Géoplateforme geocoding service (address suggestions) */
    adresseApiUrl: (env.ADRESSE_API_URL ?? "https://data.geopf.fr").replace(/\/$/, ""),
    jobsConcurrency: env.JOBS_CONCURRENCY ?? 2,
    jobsPollIntervalMs: env.JOBS_POLL_INTERVAL_MS ?? 1000,
    facturationTailleLot: env.FACTURATION_TAILLE_LOT ?? 250,
    /** FranceConnect v2 (all three set, or no button): lib/auth/franceconnect.ts */
    franceconnect: oidc(env.FRANCECONNECT_ISSUER, env.FRANCECONNECT_CLIENT_ID, env.FRANCECONNECT_CLIENT_SECRET),
    /** the commune's single sign-on for agents (all three set, or no button): lib/auth/sso-agents.ts */
    agentOidc: oidc(env.AGENT_OIDC_ISSUER, env.AGENT_OIDC_CLIENT_ID, env.AGENT_OIDC_CLIENT_SECRET),
    /** the claim naming the agent: `email` matches the agent's courriel, any other claim its identifiant */
    agentOidcClaim: env.AGENT_OIDC_CLAIM ?? "email",
    /** an `acr` value that tells the agents' SSO did a second factor (besides `amr` containing `mfa`) */
    agentOidcAcrMfa: env.AGENT_OIDC_ACR_MFA,
    /**
     * set: an agent the SSO says did a second factor (amr, acr) owes no TOTP code. Off by default (issue 30):
     * the portal cannot check what the provider asserts, so skipping its own second factor is the commune's
     * explicit choice.
     */
    agentOidcMfaFournisseur: env.AGENT_OIDC_MFA_FOURNISSEUR === "1",
    /** PayFiP (lib/payfip/client.ts): "Payer en ligne" is offered only when the régie's numcli and the mode are set */
    payfip:
      env.PAYFIP_NUMCLI && env.PAYFIP_SAISIE
        ? {
            url: (env.PAYFIP_URL ?? "https://www.payfip.gouv.fr").replace(/\/$/, ""),
            numcli: env.PAYFIP_NUMCLI,
            saisie: env.PAYFIP_SAISIE,
          }
        : undefined,
    /** API Particulier (lib/api-particulier/client.ts): the QF from the CAF or the MSA, hidden unless the token and
     * the SIRET are set */
    apiParticulier:
      env.API_PARTICULIER_JETON && env.API_PARTICULIER_SIRET
        ? {
            url: (env.API_PARTICULIER_URL ?? "https://particulier.api.gouv.fr").replace(/\/$/, ""),
            jeton: env.API_PARTICULIER_JETON,
            siret: env.API_PARTICULIER_SIRET,
          }
        : undefined,
  };
}

function oidc(issuer?: string, clientId?: string, clientSecret?: string) {
  return issuer && clientId && clientSecret ? { issuer: issuer.replace(/\/$/, ""), clientId, clientSecret } : undefined;
}

export type Configuration = ReturnType<typeof construire>;

let lue: Configuration | undefined;

// Parsed at the first property read rather than at import: `next build` imports this module without the
// service's environment, and the tests set some variables before their first use.
export const config: Configuration = new Proxy({} as Configuration, {
  get: (_cible, propriete) => (lue ??= construire(lireEnvironnement()))[propriete as keyof Configuration],
});

/** Cookies are Secure whenever the portal is served over HTTPS (always the case in production). */
export function secureCookies(appUrl = config.appUrl): boolean {
  return appUrl.startsWith("https://");
}

/** A cookie's name on this portal: __Host- prefixed under https (lib/cookies.ts says why). */
export function nomCookieDuPortail(cookie: Cookie, appUrl = config.appUrl): string {
  return nomCookie(cookie, secureCookies(appUrl));
}

/** The session cookie's name (see nomCookieDuPortail). */
export function nomCookieSession(appUrl = config.appUrl): string {
  return nomCookieDuPortail("session", appUrl);
}

/** Strict-Transport-Security for a portal served over https: one year, subdomains included; none over http. */
export function enTeteHsts(appUrl = config.appUrl): string | null {
  return secureCookies(appUrl) ? "max-age=31536000; includeSubDomains" : null;
}

let proxys: ProxysDeConfiance | undefined;
/** TRUSTED_PROXY, read once: the reverse proxies whose X-Forwarded-For entry is believed (none by default). */
export function proxysDeConfiance(): ProxysDeConfiance {
  proxys ??= lireProxysDeConfiance(lireEnvironnement().TRUSTED_PROXY);
  return proxys;
}

/** The preview mailbox exists only when no SMTP server is configured, and in production only with DEMO=1. */
export function previewMailboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !env.SMTP_URL && (env.NODE_ENV !== "production" || env.DEMO === "1");
}
