// The administration forms of /agent/agents (the password's rule is checked by the command, with the
// common-password list the browser does not have).
import { z } from "zod";

export const ROLES = { AGENT: "Agent", ADMIN: "Administrateur" } as const;

const texte = (message: string) => z.string().trim().min(1, message).max(100, "100 caractères au plus.");
const role = z.enum(["AGENT", "ADMIN"], { error: "Choisissez un rôle." });
export const agentIdSchema = z.object({ agentId: z.uuid({ error: "Agent inconnu." }) });

export const nouvelAgentSchema = z.object({
  identifiant: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9._-]{3,50}$/,
      "De 3 à 50 caractères : lettres sans accent, chiffres, point, tiret ou tiret bas.",
    ),
  courriel: z
    .string()
    .trim()
    .pipe(z.email({ error: "Indiquez une adresse courriel valide, par exemple prenom.nom@mairie.fr." })),
  nom: texte("Indiquez le nom."),
  prenom: texte("Indiquez le prénom."),
  role,
  motDePasse: z.string().min(1, "Indiquez le mot de passe initial."),
});

export const roleSchema = agentIdSchema.extend({ role });
export const motDePasseSchema = agentIdSchema.extend({
  motDePasse: z.string().min(1, "Indiquez le nouveau mot de passe."),
});
export const etatSchema = agentIdSchema.extend({ actif: z.enum(["oui", "non"]) });
