// The anti-bot check: a solution to one of our challenges passes once; a replay, a forged signature or a
// missing payload do not.
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { expect, it } from "vitest";
import { newChallenge, verifyAltcha } from "@/lib/auth/altcha";

async function solvedPayload(tamper?: (challenge: Awaited<ReturnType<typeof newChallenge>>) => void): Promise<string> {
  const challenge = await newChallenge();
  const solution = await solveChallenge({ challenge, deriveKey });
  tamper?.(challenge);
  return btoa(JSON.stringify({ challenge, solution }));
}

it("accepts a solved challenge once and refuses its replay", async () => {
  const payload = await solvedPayload();
  expect(await verifyAltcha(payload)).toBe(true);
  expect(await verifyAltcha(payload)).toBe(false);
});

it("refuses a challenge whose parameters were changed after signing, and no payload at all", async () => {
  expect(await verifyAltcha(await solvedPayload((challenge) => (challenge.parameters.cost = 2)))).toBe(false);
  expect(await verifyAltcha(undefined)).toBe(false);
  expect(await verifyAltcha("n'importe quoi")).toBe(false);
});
