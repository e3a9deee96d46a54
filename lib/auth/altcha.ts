// The anti-bot check (ALTCHA): a self-hosted proof of work the browser solves in the background, accessible
// to keyboard and screen-reader users, replacing the seed's "cliquez sur la feuille" image. Each solution is
// accepted once: its challenge id is written to AltchaSolution, whose primary key refuses a replay.
import "server-only";
import { createChallenge, randomInt } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { verify } from "altcha-lib/frameworks/shared";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { Prisma } from "@/lib/generated/prisma/client";

const CHALLENGE_LIFETIME_MS = 20 * 60 * 1000;

let cleLocale: string | undefined;

/**
 * Demo and development: a random key kept in DATA_DIR (created at first use, readable by its owner only),
 * stable across restarts of one install and guessable by nobody, unlike anything derived from the
 * configuration. Every node of a multi-node install must share ALTCHA_HMAC_KEY instead.
 */
export function cleAltchaLocale(dataDir = config.dataDir): string {
  const fichier = path.join(dataDir, "altcha-hmac.key");
  try {
    const existante = readFileSync(fichier, "utf8").trim();
    if (existante.length >= 64) return existante;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const cle = randomBytes(32).toString("hex");
  try {
    // "wx": two processes starting at once keep the first one's key
    writeFileSync(fichier, `${cle}\n`, { mode: 0o600, flag: "wx" });
    return cle;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const ecrite = readFileSync(fichier, "utf8").trim();
    if (ecrite.length < 64)
      throw new Error(`${fichier} ne contient pas de clé ALTCHA : supprimez-le pour en créer une.`);
    return ecrite;
  }
}

function hmacSecret(): string {
  if (config.altchaHmacKey) return config.altchaHmacKey;
  if (config.production && !config.demo) throw new Error("ALTCHA_HMAC_KEY doit être défini en production.");
  cleLocale ??= cleAltchaLocale();
  return cleLocale;
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
