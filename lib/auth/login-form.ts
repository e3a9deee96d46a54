// What the two login pages (citizen and agent) do with their form: log in, set the cookie, say why not.
import { redirect } from "next/navigation";
import { formatParis } from "@/lib/dates";
import type { FormState } from "@/lib/forms";
import { formValues } from "@/lib/forms";
import { clientIp, setSessionCookie } from "@/lib/auth/current";
import { login } from "@/lib/auth/login";
import type { SessionKind } from "@/lib/generated/prisma/client";

const IDENTIFIANTS_INCORRECTS = "Identifiant ou mot de passe incorrect.";

/** Only a path of this site may follow a login (no open redirect). */
export function safeNext(suite: string | undefined, fallback: string): string {
  return suite && suite.startsWith("/") && !suite.startsWith("//") && !suite.startsWith("/\\") ? suite : fallback;
}

export async function handleLogin(kind: SessionKind, formData: FormData, fallback: string): Promise<FormState> {
  const values = formValues(formData);
  const identifiant = values.identifiant?.trim() ?? "";
  const keep = { identifiant, suite: values.suite ?? "" };
  const errors: Record<string, string> = {};
  if (!identifiant) errors.identifiant = "Indiquez votre identifiant.";
  if (!values.motDePasse) errors.motDePasse = "Indiquez votre mot de passe.";
  if (Object.keys(errors).length) return { values: keep, errors };

  const result = await login({ kind, identifiant, motDePasse: values.motDePasse!, ip: await clientIp() });
  if (!result.ok) {
    if (result.reason === "bloque") {
      const heure = formatParis(result.until, "HH:mm");
      return {
        values: keep,
        errors: {},
        message: `Trop de tentatives de connexion. Par sécurité, réessayez à partir de ${heure}.`,
      };
    }
    if (result.reason === "non_active") return { values: keep, errors: {}, message: "non_active" };
    return { values: keep, errors: {}, message: IDENTIFIANTS_INCORRECTS };
  }
  await setSessionCookie(result.token);
  const suite = safeNext(values.suite, fallback);
  // An agent who owes the TOTP code goes to that step first, the page asked for kept for afterwards.
  if (result.mfaEnAttente) redirect(`/agent/connexion/code?suite=${encodeURIComponent(suite)}`);
  redirect(suite);
}
