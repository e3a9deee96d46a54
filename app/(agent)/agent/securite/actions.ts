"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { clientIp, setSessionCookie } from "@/lib/auth/current";
import { activerTotp } from "@/lib/domain/agent/activer-totp";
import { regenererCodesSecours } from "@/lib/domain/agent/regenerer-codes-secours";

export type EtatCodes = FormState & { codesSecours?: string[] };

const codeSchema = z.object({
  code: z.string().trim().min(1, "Saisissez le code à 6 chiffres affiché par votre application."),
});

/** Confirms the enrolment with a first code; the recovery codes come back once, in the answer. */
export const activerDoubleAuthentification = actionAgent(
  "activerDoubleAuthentification",
  codeSchema,
  async ({ agent, session, data }) => {
    // A password-only session may enrol an agent who has no TOTP yet, never replace an enrolled one.
    if (session.mfaEnAttente && agent.totpActiveAt) redirect("/agent/connexion/code");
    const { codesSecours, token } = await activerTotp({
      agentId: agent.id,
      sessionId: session.id,
      code: data.code,
      ip: await clientIp(),
    });
    if (token) await setSessionCookie(token, "AGENT");
    return { extra: { codesSecours } };
  },
  { enrolement: true },
);

export const regenererCodes = actionAgent("regenererCodes", z.object({}), async ({ agent }) => ({
  extra: { codesSecours: await regenererCodesSecours({ agentId: agent.id, ip: await clientIp() }) },
}));
