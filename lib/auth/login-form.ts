// What the two login pages (citizen and agent) do with their form: log in, set the cookie, say why not.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { config } from "@/lib/config";
import { formatParis } from "@/lib/temps/dates";
import type { FormState } from "@/lib/forms";
import { formValues } from "@/lib/forms";
import { clientIp, setSessionCookie } from "@/lib/auth/current";
import { login } from "@/lib/auth/login";
import { appareilDuUserAgent } from "@/lib/auth/appareil";
import type { SessionKind } from "@/lib/generated/prisma/client";

const IDENTIFIANTS_INCORRECTS = "Identifiant ou mot de passe incorrect.";
const ALTCHA_CONNEXION =
  "De nombreuses connexions ont échoué depuis votre réseau : par sécurité, cochez la case « Je ne suis pas un robot », patientez un instant, puis cliquez sur Connexion.";

// Browsers drop tabs and newlines from URLs ("/\t/evil.example" becomes "//evil.example"), and a newline in a
// Location header is a 500: any control character refuses the whole suite.
const CARACTERE_DE_CONTROLE = /[\u0000-\u001F\u007F]/;

/**
 * Only a path of this site may follow a login (no open redirect): `suite` is resolved against APP_URL as a
 * browser would, and kept only when it stays on our origin and starts with exactly one "/".
 */
export function safeNext(suite: string | undefined, fallback: string, appUrl = config.appUrl): string {
  if (!suite || CARACTERE_DE_CONTROLE.test(suite)) return fallback;
  if (!suite.startsWith("/") || suite.startsWith("//") || suite.startsWith("/\\")) return fallback;
  let url: URL;
  try {
    url = new URL(suite, appUrl);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(appUrl).origin || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) {
    return fallback;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The page asked for before the login: the form's hidden field, which the login page fills in the browser
 * from its address (the page is served from the cache, the same for everyone); without JavaScript the field
 * stays empty, and the address of the login page comes with the form as its Referer (same origin only; the
 * Referrer-Policy keeps it whole there). safeNext checks it either way.
 */
async function suiteDemandee(champ: string | undefined): Promise<string | undefined> {
  if (champ) return champ;
  return (await referentDuSite())?.searchParams.get("suite") ?? undefined;
}

/** The request's Referer when it is a page of this site (same origin as APP_URL), else nothing. */
async function referentDuSite(): Promise<URL | undefined> {
  const referent = (await headers()).get("referer");
  if (!referent || !URL.canParse(referent)) return undefined;
  const url = new URL(referent);
  return url.origin === new URL(config.appUrl).origin ? url : undefined;
}

/**
 * The page a form was posted from (its path and query, by the Referer), to come back to after a login when the
 * session expired before the form was sent: what safeNext keeps of it, else nothing.
 */
export async function pageEnvoyeuse(): Promise<string | undefined> {
  const url = await referentDuSite();
  return (url && safeNext(`${url.pathname}${url.search}`, "")) || undefined;
}

/**
 * The longest identifiant (lib/auth/login.ts reads no more) and page to return to that the form is given back:
 * a huge post is neither looked up nor echoed whole (issue 30).
 */
export const IDENTIFIANT_MAX = 254;
const SUITE_MAX = 2048;

/** The fields of both login forms: handleLogin words their refusals itself, beside each field. */
export const loginSchema = z.looseObject({});

export async function handleLogin(kind: SessionKind, formData: FormData, fallback: string): Promise<FormState> {
  const values = formValues(formData);
  const identifiant = values.identifiant?.trim().slice(0, IDENTIFIANT_MAX) ?? "";
  const demandee = (await suiteDemandee(values.suite?.slice(0, SUITE_MAX))) ?? "";
  const keep: Record<string, string> = {
    identifiant,
    suite: demandee.slice(0, SUITE_MAX),
    ...(values.seSouvenir === "on" ? { seSouvenir: "on" } : {}),
  };
  const errors: Record<string, string> = {};
  if (!identifiant) errors.identifiant = "Indiquez votre identifiant.";
  if (!values.motDePasse) errors.motDePasse = "Indiquez votre mot de passe.";
  if (Object.keys(errors).length) return { values: keep, errors, ok: false };

  const result = await login({
    kind,
    identifiant,
    motDePasse: values.motDePasse!,
    ip: await clientIp(),
    altcha: values.altcha,
    // a parent's choice only, unticked unless ticked (the agents' form has no such box)
    seSouvenir: kind === "USAGER" && values.seSouvenir === "on",
    appareil: appareilDuUserAgent((await headers()).get("user-agent")),
  });
  if (!result.ok) {
    if (result.reason === "altcha") {
      return { values: { ...keep, altchaDemande: "1" }, errors: { altcha: ALTCHA_CONNEXION }, ok: false };
    }
    if (result.reason === "bloque") {
      const heure = formatParis(result.until, "HH:mm");
      return {
        values: keep,
        errors: {},
        ok: false,
        message: `Trop de tentatives de connexion. Par sécurité, réessayez à partir de ${heure}.`,
      };
    }
    if (result.reason === "non_active") return { values: keep, errors: {}, message: "non_active", ok: false };
    return {
      values: result.altchaDemande ? { ...keep, altchaDemande: "1" } : keep,
      errors: {},
      ok: false,
      message: IDENTIFIANTS_INCORRECTS,
    };
  }
  await setSessionCookie(result.token, kind, kind === "USAGER" && values.seSouvenir === "on");
  const suite = safeNext(keep.suite, fallback);
  // An agent who owes the TOTP code goes to that step first, the page asked for kept for afterwards.
  if (result.mfaEnAttente) redirect(`/agent/connexion/code?suite=${encodeURIComponent(suite)}`);
  redirect(suite);
}
