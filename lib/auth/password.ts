// Password hashing (argon2id) and the server-only part of the policy (the common-password list is too big
// to ship to the browser).
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordRuleError } from "@/lib/auth/password-rule";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. (2 is Algorithm.Argon2id, a const enum that
// isolatedModules cannot import.)
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** A space created through FranceConnect has no password yet (null): nothing opens it, in the same time. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) return verifyAgainstNothing(password);
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified when the identifiant is unknown, so a wrong identifiant costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("Portail-Famille-aucun-compte-0!");
  await verifyPassword(await dummyHash, password);
  return false;
}

let common: Set<string> | undefined;
/** True when the password, ignoring case, is one of the 10,000 most common ones. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].slice(0, 10_000));
  return common.has(password.toLowerCase());
}

/** Why a new password is refused (the seed's rule, the identifiant, the common list), or null. */
export function newPasswordError(password: string, identifiant?: string): string | null {
  return (
    passwordRuleError(password, identifiant) ??
    (isCommonPassword(password)
      ? "Ce mot de passe fait partie des plus courants : choisissez-en un moins prévisible."
      : null)
  );
}
