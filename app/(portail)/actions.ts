"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie, sessionToken } from "@/lib/auth/current";
import { revokeSession } from "@/lib/auth/sessions";

/** Se déconnecter: the session is revoked on the server, not only forgotten by the browser. */
export async function deconnexion(): Promise<void> {
  const token = await sessionToken();
  if (token) await revokeSession(token);
  await clearSessionCookie();
  redirect("/connexion?deconnecte=1");
}
