"use server";

import { actionPublique } from "@/lib/action";
import { handleLogin, loginSchema } from "@/lib/auth/login-form";

export const connexion = actionPublique("connexion", loginSchema, ({ formData }) =>
  handleLogin("USAGER", formData, "/mon-espace"),
);
