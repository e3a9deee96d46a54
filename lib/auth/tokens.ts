// Random tokens for email links, session cookies and wizard drafts: 256 bits, base64url, and only their
// SHA-256 is ever stored, so a database leak yields nothing usable.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const HOUR = 60 * 60 * 1000;

export function isExpired(expiresAt: Date, now: Date = new Date()): boolean {
  return expiresAt.getTime() <= now.getTime();
}
