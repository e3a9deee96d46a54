"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { formatParis } from "@/lib/temps/dates";
import { clearSessionCookie, clientIp, sessionToken, setSessionCookie } from "@/lib/auth/current";
import { safeNext } from "@/lib/auth/login-form";
import { validerSecondFacteur } from "@/lib/auth/second-facteur";
import { revokeSession } from "@/lib/auth/sessions";

/** The code of the second factor, for a session the password opened halfway (`enrolement`: it still owes it). */
export const verifierCode = actionAgent(
  "verifierCode",
  z.object({
    code: z
      .string()
      .trim()
      .min(1, "Saisissez le code à 6 chiffres de votre application, ou un code de secours.")
      .max(64),
    suite: z.string().optional(),
  }),
  async ({ agent, session, data }) => {
    const keep = { suite: data.suite ?? "" };
    if (!session.mfaEnAttente) redirect("/agent");
    const result = await validerSecondFacteur({ session, agent, saisie: data.code, ip: await clientIp() });
    if (!result.ok) {
      const message =
        result.reason === "bloque"
          ? `Trop de codes incorrects. Par sécurité, réessayez à partir de ${formatParis(result.until, "HH:mm")}.`
          : "Code incorrect ou déjà utilisé : saisissez le code affiché en ce moment par votre application, ou un code de secours.";
      return { ok: false, values: keep, errors: { code: message } };
    }
    await setSessionCookie(result.token, "AGENT");
    redirect(safeNext(data.suite, "/agent"));
  },
  { enrolement: true },
);

/** "Changer de compte": the half-open session is ended, back to the password. A citizen gets 404. */
export const abandonnerConnexion = actionAgent(
  "abandonnerConnexion",
  z.object({}),
  async () => {
    const token = await sessionToken();
    if (token) await revokeSession(token);
    await clearSessionCookie();
    redirect("/agent/connexion");
  },
  { enrolement: true },
);
