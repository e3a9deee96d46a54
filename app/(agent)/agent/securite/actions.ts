"use server";

import { redirect } from "next/navigation";
import { appErrorState, formValues, type FormState } from "@/lib/forms";
import { clientIp, requireAgent, requireAgentSession, setSessionCookie } from "@/lib/auth/current";
import { activerTotp } from "@/lib/domain/agent/activer-totp";
import { regenererCodesSecours } from "@/lib/domain/agent/regenerer-codes-secours";

export type EtatCodes = FormState & { codesSecours?: string[] };

/** Confirms the enrolment with a first code; the recovery codes come back once, in the answer. */
export async function activerDoubleAuthentification(_previous: EtatCodes, formData: FormData): Promise<EtatCodes> {
  const { agent, session } = await requireAgentSession();
  // A password-only session may enrol an agent who has no TOTP yet, never replace an enrolled one.
  if (session.mfaEnAttente && agent.totpActiveAt) redirect("/agent/connexion/code");
  const values = formValues(formData);
  const code = values.code?.trim() ?? "";
  if (!code) return { values, errors: { code: "Saisissez le code à 6 chiffres affiché par votre application." } };
  try {
    const { codesSecours, token } = await activerTotp({
      agentId: agent.id,
      sessionId: session.id,
      code,
      ip: await clientIp(),
    });
    if (token) await setSessionCookie(token);
    return { values: {}, errors: {}, ok: true, codesSecours };
  } catch (error) {
    return appErrorState(error, { code: "" });
  }
}

export async function regenererCodes(): Promise<EtatCodes> {
  const { agent } = await requireAgent();
  try {
    return {
      values: {},
      errors: {},
      ok: true,
      codesSecours: await regenererCodesSecours({ agentId: agent.id, ip: await clientIp() }),
    };
  } catch (error) {
    return appErrorState(error, {});
  }
}
