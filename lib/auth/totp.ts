// TOTP (RFC 6238) for the agents' second factor, with otplib: 30-second steps, 6 digits, SHA-1 (what every
// authenticator app reads from a QR code). A code is accepted one step early or late (clock drift), and a
// step once accepted is never accepted again (the caller stores it in Agent.totpDernierPas).
import "server-only";
import { randomInt } from "node:crypto";
import { authenticator } from "otplib";
import { chiffrer, dechiffrer } from "@/lib/chiffrement";
import { hashToken } from "@/lib/auth/tokens";

const PAS_MS = 30_000;
const FENETRE = 1;

/** A new secret, base32, 160 bits as RFC 4226 recommends. */
export function nouveauSecretTotp(): string {
  return authenticator.generateSecret(20);
}

// The encrypted secret is bound to its agent: copied onto another agent's row, it no longer decrypts.
export const chiffrerSecretTotp = (agentId: string, secret: string) => chiffrer(secret, `agent.totp:${agentId}`);
export const dechiffrerSecretTotp = (agentId: string, valeur: string) => dechiffrer(valeur, `agent.totp:${agentId}`);

/** The otpauth:// URI the QR code carries: the app shows "<émetteur> (<identifiant>)". */
export function uriTotp(secret: string, identifiant: string, emetteur: string): string {
  return authenticator.keyuri(identifiant, emetteur, secret);
}

export function pasTotp(now: Date): number {
  return Math.floor(now.getTime() / PAS_MS);
}

/** The code of a step (for tests and the demo). */
export function codeTotp(secret: string, now = new Date()): string {
  return authenticator.clone({ epoch: now.getTime() }).generate(secret);
}

/**
 * The time step the code belongs to, when it is valid at `now` (±1 step) and later than `dernierPas`;
 * null otherwise (wrong code, or a code already used: a replay).
 */
export function verifierCodeTotp(
  secret: string,
  saisie: string,
  dernierPas: number | null,
  now = new Date(),
): number | null {
  const code = saisie.replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: now.getTime(), window: FENETRE }).checkDelta(code, secret);
  if (delta === null) return null;
  const pas = pasTotp(now) + delta;
  return dernierPas !== null && pas <= dernierPas ? null : pas;
}

// Recovery codes: 10 characters from an alphabet without 0/O, 1/I/L (read aloud or copied from paper),
// about 50 bits each, shown as XXXXX-XXXXX. Only their SHA-256 is stored; typing is case- and dash-blind.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const NOMBRE_CODES_SECOURS = 10;

export function nouveauxCodesSecours(): string[] {
  return Array.from({ length: NOMBRE_CODES_SECOURS }, () => {
    const brut = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${brut.slice(0, 5)}-${brut.slice(5)}`;
  });
}

export function empreinteCodeSecours(saisie: string): string {
  return hashToken(saisie.toUpperCase().replace(/[^A-Z0-9]/g, ""));
}
