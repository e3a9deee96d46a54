"use server";

import { actionPublique } from "@/lib/action";
import { handleLogin, loginSchema } from "@/lib/auth/login-form";

export const connexionAgent = actionPublique("connexionAgent", loginSchema, ({ formData }) =>
  handleLogin("AGENT", formData, "/agent"),
);
