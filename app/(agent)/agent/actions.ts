"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie, requireAgent, sessionToken } from "@/lib/auth/current";
import { revokeSession } from "@/lib/auth/sessions";

export async function deconnexionAgent(): Promise<void> {
  await requireAgent();
  const token = await sessionToken();
  if (token) await revokeSession(token);
  await clearSessionCookie();
  redirect("/agent/connexion");
}
