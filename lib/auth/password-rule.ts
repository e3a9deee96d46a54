// The seed's password rule (the commune's tutorial, docs/faits/tutoriel-commune.md), shared by the browser (live hints) and the server (zod schemas).
export const PASSWORD_RULE_TEXT =
  "Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins 1 minuscule(s), 1 majuscule(s), 1 chiffre(s) et 1 caractère spécial(s).";

export const PASSWORD_MAX_LENGTH = 128;

export type PasswordCheck = { id: string; label: string; ok: boolean };

export function passwordChecks(password: string): PasswordCheck[] {
  return [
    { id: "longueur", label: "8 caractères au minimum", ok: [...password].length >= 8 },
    { id: "minuscule", label: "1 minuscule", ok: /\p{Ll}/u.test(password) },
    { id: "majuscule", label: "1 majuscule", ok: /\p{Lu}/u.test(password) },
    { id: "chiffre", label: "1 chiffre", ok: /\p{Nd}/u.test(password) },
    // Anything that is neither a letter nor a digit counts as special, spaces included.
    { id: "special", label: "1 caractère spécial", ok: /[^\p{L}\p{Nd}]/u.test(password) },
  ];
}

/** The first reason the password breaks the rule, in French, or null when it keeps it. */
export function passwordRuleError(password: string, identifiant?: string): string | null {
  if ([...password].length > PASSWORD_MAX_LENGTH) {
    return `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
  }
  if (passwordChecks(password).some((check) => !check.ok)) return PASSWORD_RULE_TEXT;
  const id = identifiant?.trim().toLowerCase();
  if (id && id.length >= 3 && password.toLowerCase().includes(id)) {
    return "Le mot de passe ne doit pas contenir votre identifiant.";
  }
  return null;
}
