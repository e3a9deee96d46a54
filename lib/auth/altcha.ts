// The anti-bot check (ALTCHA): a self-hosted proof of work the browser solves in the background, accessible
// to keyboard and screen-reader users, replacing the seed's "cliquez sur la feuille" image. Each solution is
// accepted once: its challenge id is written to AltchaSolution, whose primary key refuses a replay.
import "server-only";
import { createChallenge, randomInt } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { verify } from "altcha-lib/frameworks/shared";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { Prisma } from "@/lib/generated/prisma/client";

const CHALLENGE_LIFETIME_MS = 20 * 60 * 1000;

function hmacSecret(): string {
  if (config.altchaHmacKey) return config.altchaHmacKey;
  if (config.production && !config.demo) throw new Error("ALTCHA_HMAC_KEY doit être défini en production.");
  // Demo and tests: a key derived from the database URL, stable across restarts of the same install.
  return createHmac("sha256", "portail-famille-altcha")
    .update(process.env.DATABASE_URL ?? "")
    .digest("hex");
}

export async function newChallenge() {
  const cost = Math.max(1, config.altchaCost);
  return createChallenge({
    algorithm: "SHA-256",
    cost: 1,
    counter: randomInt(Math.floor(cost / 2), cost),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MS),
    hmacSignatureSecret: hmacSecret(),
  });
}

const store = {
  async get() {
    return undefined;
  },
  async set() {},
  async setIfAbsent(id: string) {
    try {
      await db().altchaSolution.create({
        data: { signature: id, expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MS) },
      });
      return true;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
      throw error;
    }
  },
};

export const ALTCHA_MESSAGE =
  "Le contrôle de sécurité n'a pas abouti : cochez la case « Je ne suis pas un robot » et patientez un instant.";

/** True when the payload solves a challenge we issued, not expired and never used before. */
export async function verifyAltcha(payload: string | undefined): Promise<boolean> {
  if (!payload) return false;
  const result = await verify(payload, deriveKey, hmacSecret(), undefined, store as never);
  return result.error === null;
}
