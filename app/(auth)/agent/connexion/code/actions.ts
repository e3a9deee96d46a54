"use server";

import { redirect } from "next/navigation";
import { formatParis } from "@/lib/dates";
import { formValues, type FormState } from "@/lib/forms";
import { clearSessionCookie, clientIp, requireAgentSession, sessionToken, setSessionCookie } from "@/lib/auth/current";
import { safeNext } from "@/lib/auth/login-form";
import { validerSecondFacteur } from "@/lib/auth/second-facteur";
import { revokeSession } from "@/lib/auth/sessions";

export async function verifierCode(_previous: FormState, formData: FormData): Promise<FormState> {
  const { agent, session } = await requireAgentSession();
  const values = formValues(formData);
  const keep = { suite: values.suite ?? "" };
  if (!session.mfaEnAttente) redirect("/agent");
  const saisie = values.code?.trim() ?? "";
  if (!saisie)
    return {
      values: keep,
      errors: { code: "Saisissez le code à 6 chiffres de votre application, ou un code de secours." },
    };

  const result = await validerSecondFacteur({ session, agent, saisie, ip: await clientIp() });
  if (!result.ok) {
    const message =
      result.reason === "bloque"
        ? `Trop de codes incorrects. Par sécurité, réessayez à partir de ${formatParis(result.until, "HH:mm")}.`
        : "Code incorrect ou déjà utilisé : saisissez le code affiché en ce moment par votre application, ou un code de secours.";
    return { values: keep, errors: { code: message } };
  }
  await setSessionCookie(result.token);
  redirect(safeNext(values.suite, "/agent"));
}

/** "Changer de compte": the half-open session is ended, back to the password. */
export async function abandonnerConnexion(): Promise<void> {
  // A console action: a citizen's session is not the console's to end (404, like every console action).
  await requireAgentSession();
  const token = await sessionToken();
  if (token) await revokeSession(token);
  await clearSessionCookie();
  redirect("/agent/connexion");
}
