// The throttles under fire: requests sent at the same moment, each on its own connection of the pool, must not
// all read the count before any of them writes its try. A try is counted before it is checked, so of fifty
// simultaneous wrong answers at most the limit are checked and the rest are refused as throttled.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { login } from "@/lib/auth/login";
import { findLiveSession, openSession } from "@/lib/auth/sessions";
import { validerSecondFacteur } from "@/lib/auth/second-facteur";
import { LOGIN_LIMITS } from "@/lib/auth/throttle";
import { codeTotp } from "@/lib/auth/totp";
import { preparerTotp } from "@/lib/domain/agent/preparer-totp";
import { ESSAIS_PAR_ESPACE, saisirCleEnfance } from "@/lib/domain/famille/rattacher";
import { seedCommune } from "@/prisma/seed";
import { agent, usagerActive } from "./demande-fixtures";

// lib/db.ts reads it at its first call: enough connections for the requests to really run side by side
process.env.DATABASE_POOL_SIZE = "20";
const SIMULTANES = 50;

beforeAll(() => seedCommune());

describe("throttles under concurrent tries", () => {
  it("checks at most 5 of 50 simultaneous wrong TOTP codes for one agent, and refuses the rest as throttled", async () => {
    const { id: agentId } = await agent();
    const secret = await preparerTotp({ agentId });
    await db().agent.update({ where: { id: agentId }, data: { totpActiveAt: new Date() } });
    const ip = "203.0.113.7";
    const token = await db().$transaction((tx) =>
      openSession(tx, { kind: "AGENT", agentId }, ip, { mfaEnAttente: true }),
    );
    const live = await findLiveSession(token);
    if (live?.kind !== "AGENT") throw new Error("session d'agent attendue");
    const faux = codeTotp(secret) === "000000" ? "111111" : "000000";

    const resultats = await Promise.all(
      Array.from({ length: SIMULTANES }, () =>
        validerSecondFacteur({ session: live.session, agent: live.agent, saisie: faux, ip }),
      ),
    );

    const verifies = await db().journalEntry.count({ where: { event: "connexion.code_refuse", actorId: agentId } });
    const bloques = await db().journalEntry.count({ where: { event: "connexion.code_bloque", actorId: agentId } });
    expect(verifies).toBe(LOGIN_LIMITS.perIdentifiant);
    expect(bloques).toBe(SIMULTANES - LOGIN_LIMITS.perIdentifiant);
    expect(resultats.every((r) => !r.ok)).toBe(true);
    expect(resultats.filter((r) => !r.ok && r.reason === "bloque").length).toBeGreaterThanOrEqual(
      SIMULTANES - LOGIN_LIMITS.perIdentifiant,
    );
    expect(await db().loginAttempt.count({ where: { identifiant: `totp:${live.agent.identifiantNormalise}` } })).toBe(
      LOGIN_LIMITS.perIdentifiant,
    );
  });

  it("checks at most 5 of 50 simultaneous wrong passwords for one identifiant", async () => {
    const usager = await usagerActive();
    await db().usager.update({
      where: { id: usager.id },
      data: { passwordHash: await hashPassword("Villefranque-64990!") },
    });
    const resultats = await Promise.all(
      Array.from({ length: SIMULTANES }, () =>
        login({
          kind: "USAGER",
          identifiant: usager.identifiantNormalise,
          motDePasse: "Mauvais-2026!",
          ip: "203.0.113.8",
        }),
      ),
    );
    expect(resultats.filter((r) => !r.ok && r.reason === "identifiants").length).toBe(LOGIN_LIMITS.perIdentifiant);
    expect(resultats.filter((r) => !r.ok && r.reason === "bloque").length).toBe(
      SIMULTANES - LOGIN_LIMITS.perIdentifiant,
    );
    expect(await db().loginAttempt.count({ where: { identifiant: usager.identifiantNormalise } })).toBe(
      LOGIN_LIMITS.perIdentifiant,
    );
  });

  it("tries at most 5 of 50 simultaneous wrong clés enfance for one space", async () => {
    const usager = await usagerActive();
    const resultats = await Promise.allSettled(
      Array.from({ length: SIMULTANES }, (_, i) =>
        saisirCleEnfance({ usager, saisie: `ZZZZ-${String(i).padStart(4, "0")}`, ip: `203.0.113.${100 + (i % 50)}` }),
      ),
    );
    const codes = resultats.map((r) => (r.status === "rejected" ? (r.reason as { code?: string }).code : "ok"));
    expect(codes.filter((code) => code === "inconnue").length).toBe(ESSAIS_PAR_ESPACE);
    expect(codes.filter((code) => code === "trop_essais").length).toBe(SIMULTANES - ESSAIS_PAR_ESPACE);
    expect(await db().essaiCleEnfance.count({ where: { usagerId: usager.id } })).toBe(ESSAIS_PAR_ESPACE);
  });
});
