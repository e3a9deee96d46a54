"use server";

import type { FormState } from "@/lib/forms";
import { handleLogin } from "@/lib/auth/login-form";

export async function connexionAgent(_previous: FormState, formData: FormData): Promise<FormState> {
  return handleLogin("AGENT", formData, "/agent");
}
