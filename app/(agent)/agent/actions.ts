"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { clearSessionCookie, sessionToken } from "@/lib/auth/current";
import { revokeSession } from "@/lib/auth/sessions";

export const deconnexionAgent = actionAgent("deconnexionAgent", z.object({}), async () => {
  const token = await sessionToken();
  if (token) await revokeSession(token);
  await clearSessionCookie();
  redirect("/agent/connexion");
});
