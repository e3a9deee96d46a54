// The console's access on PostgreSQL: TOTP at login (replay refused, throttled, recovery codes single use),
// and the admin's commands that shut an agent out at once.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { login } from "@/lib/auth/login";
import { findLiveSession } from "@/lib/auth/sessions";
import { validerSecondFacteur } from "@/lib/auth/second-facteur";
import { codeTotp } from "@/lib/auth/totp";
import { hashToken } from "@/lib/auth/tokens";
import { creerAgent } from "@/lib/domain/agent/creer";
import { preparerTotp } from "@/lib/domain/agent/preparer-totp";
import { activerTotp } from "@/lib/domain/agent/activer-totp";
import { changerEtatAgent } from "@/lib/domain/agent/changer-etat";
import { changerRoleAgent } from "@/lib/domain/agent/changer-role";
import { reinitialiserMotDePasseAgent } from "@/lib/domain/agent/reinitialiser-mot-de-passe";
import { reinitialiserTotpAgent } from "@/lib/domain/agent/reinitialiser-totp";
import { seedCommune } from "@/prisma/seed";

const MOT_DE_PASSE = "Mairie-Agent-2026!";
let adminId: string;

async function nouvelAgent(identifiant: string, role: "AGENT" | "ADMIN" = "AGENT") {
  return creerAgent(
    {
      identifiant,
      courriel: `${identifiant}@mairie.fr`,
      nom: "Martin",
      prenom: "Marie",
      role,
      motDePasse: MOT_DE_PASSE,
    },
    { par: "test" },
  );
}

async function connecter(identifiant: string, ip = "192.0.2.10") {
  const result = await login({ kind: "AGENT", identifiant, motDePasse: MOT_DE_PASSE, ip });
  if (!result.ok) throw new Error(`connexion refusée : ${result.reason}`);
  return result;
}

/** An enrolled admin with a password-only session; returns its secret and the session. */
async function adminEnAttente(identifiant: string, ip = "192.0.2.20") {
  const agentId = await nouvelAgent(identifiant, "ADMIN");
  const premier = await connecter(identifiant, ip);
  const session = (await findLiveSession(premier.token))!;
  const secret = await preparerTotp({ agentId });
  const { codesSecours, token } = await activerTotp({
    agentId,
    sessionId: session.session.id,
    code: codeTotp(secret, new Date(Date.now() - 30_000)),
    ip,
  });
  expect(token).not.toBeNull();
  const result = await connecter(identifiant, ip);
  expect(result.mfaEnAttente).toBe(true);
  const live = (await findLiveSession(result.token))!;
  if (live.kind !== "AGENT") throw new Error("pas un agent");
  return { agentId, secret, codesSecours, token: result.token, session: live.session, agent: live.agent, ip };
}

beforeAll(async () => {
  await seedCommune();
  adminId = await nouvelAgent("chef.admin", "ADMIN");
});

describe("second facteur à la connexion", () => {
  it("an AGENT logs in with the password alone, unless the commune requires TOTP; an ADMIN always owes a code", async () => {
    await nouvelAgent("simple.agent");
    expect((await connecter("simple.agent")).mfaEnAttente).toBe(false);
    await db().commune.update({ where: { id: 1 }, data: { totpObligatoire: true } });
    expect((await connecter("simple.agent")).mfaEnAttente).toBe(true);
    await db().commune.update({ where: { id: 1 }, data: { totpObligatoire: false } });
    const admin = await connecter("chef.admin");
    expect(admin.mfaEnAttente).toBe(true);
    expect((await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(admin.token) } })).mfaEnAttente).toBe(
      true,
    );
  });

  it("a good code swaps the pending session for a full one; the same code is refused the second time", async () => {
    const { secret, token, session, agent, ip } = await adminEnAttente("rejeu.admin");
    const code = codeTotp(secret);
    const ok = await validerSecondFacteur({ session, agent, saisie: code, ip });
    if (!ok.ok) throw new Error("code refusé");
    expect(await findLiveSession(token)).toBeNull();
    const full = await findLiveSession(ok.token);
    expect(full?.session.mfaEnAttente).toBe(false);
    expect((await db().agent.findUniqueOrThrow({ where: { id: agent.id } })).lastLoginAt).not.toBeNull();

    const autre = await connecter("rejeu.admin", ip);
    const pending = (await findLiveSession(autre.token))!;
    expect(await validerSecondFacteur({ session: pending.session, agent, saisie: code, ip })).toEqual({
      ok: false,
      reason: "code",
    });
    expect(await db().journalEntry.count({ where: { event: "connexion.code_refuse", actorId: agent.id } })).toBe(1);
  });

  it("a recovery code works once", async () => {
    const { codesSecours, session, agent, ip } = await adminEnAttente("secours.admin");
    expect(codesSecours).toHaveLength(10);
    expect(await db().codeSecours.count({ where: { agentId: agent.id } })).toBe(10);
    expect((await db().codeSecours.findFirstOrThrow({ where: { agentId: agent.id } })).codeHash).not.toContain(
      codesSecours[0]!.replace("-", ""),
    );
    const ok = await validerSecondFacteur({ session, agent, saisie: codesSecours[0]!.toLowerCase(), ip });
    expect(ok.ok).toBe(true);
    const autre = (await findLiveSession((await connecter("secours.admin", ip)).token))!;
    expect(await validerSecondFacteur({ session: autre.session, agent, saisie: codesSecours[0]!, ip })).toEqual({
      ok: false,
      reason: "code",
    });
    expect((await validerSecondFacteur({ session: autre.session, agent, saisie: codesSecours[1]!, ip })).ok).toBe(true);
  });

  it("five wrong codes lock the code step, even for the right code", async () => {
    const { secret, session, agent, ip } = await adminEnAttente("verrou.admin");
    for (let essai = 1; essai <= 4; essai++) {
      expect(await validerSecondFacteur({ session, agent, saisie: "000000", ip })).toEqual({
        ok: false,
        reason: "code",
      });
    }
    expect(await validerSecondFacteur({ session, agent, saisie: "ABCDE-FGHJK", ip })).toMatchObject({
      ok: false,
      reason: "bloque",
    });
    expect(await validerSecondFacteur({ session, agent, saisie: codeTotp(secret), ip })).toMatchObject({
      ok: false,
      reason: "bloque",
    });
    expect(await findLiveSession((await connecter("verrou.admin", ip)).token)).not.toBeNull();
  });

  it("an enrolment needs a valid first code, and a session that never gave a code cannot reach an enrolled agent's secret", async () => {
    const agentId = await nouvelAgent("enrole.admin", "ADMIN");
    const { token } = await connecter("enrole.admin");
    const session = (await findLiveSession(token))!;
    const secret = await preparerTotp({ agentId });
    expect(await preparerTotp({ agentId })).toBe(secret);
    await expect(
      activerTotp({ agentId, sessionId: session.session.id, code: "000000", ip: "x" }),
    ).rejects.toMatchObject({ field: "code" });
    const agent = await db().agent.findUniqueOrThrow({ where: { id: agentId } });
    expect(agent.totpSecretChiffre).toMatch(/^v1:/);
    expect(agent.totpSecretChiffre).not.toContain(secret);
    await activerTotp({ agentId, sessionId: session.session.id, code: codeTotp(secret), ip: "x" });
    await expect(preparerTotp({ agentId })).rejects.toBeInstanceOf(AppError);
  });
});

describe("administration des agents", () => {
  const admin = () => ({ id: adminId });

  it("disabling an agent ends the open session at once; enabling lets them in again", async () => {
    const agentId = await nouvelAgent("desactive.agent");
    const { token } = await connecter("desactive.agent");
    expect(await findLiveSession(token)).not.toBeNull();
    await changerEtatAgent({ admin: admin(), agentId, actif: false });
    expect(await findLiveSession(token)).toBeNull();
    expect(await db().session.count({ where: { agentId, revokedAt: null } })).toBe(0);
    expect(
      await login({ kind: "AGENT", identifiant: "desactive.agent", motDePasse: MOT_DE_PASSE, ip: "192.0.2.30" }),
    ).toEqual({ ok: false, reason: "identifiants" });
    await changerEtatAgent({ admin: admin(), agentId, actif: true });
    expect((await connecter("desactive.agent", "192.0.2.31")).ok).toBe(true);
    expect(await db().journalEntry.count({ where: { event: "agent.desactive", actorId: adminId } })).toBe(1);
  });

  it("a password reset ends the sessions and only the new password works", async () => {
    const agentId = await nouvelAgent("mdp.agent");
    const { token } = await connecter("mdp.agent");
    await expect(reinitialiserMotDePasseAgent({ admin: admin(), agentId, motDePasse: "azerty" })).rejects.toMatchObject(
      { field: "motDePasse" },
    );
    expect(await findLiveSession(token)).not.toBeNull();
    await reinitialiserMotDePasseAgent({ admin: admin(), agentId, motDePasse: "Nouveau-Mot-2026!" });
    expect(await findLiveSession(token)).toBeNull();
    expect(
      (await login({ kind: "AGENT", identifiant: "mdp.agent", motDePasse: "Nouveau-Mot-2026!", ip: "192.0.2.40" })).ok,
    ).toBe(true);
  });

  it("an admin cannot disable, demote or reset themself; another admin can", async () => {
    await expect(changerEtatAgent({ admin: admin(), agentId: adminId, actif: false })).rejects.toMatchObject({
      code: "soi_meme",
    });
    await expect(changerRoleAgent({ admin: admin(), agentId: adminId, role: "AGENT" })).rejects.toMatchObject({
      code: "soi_meme",
    });
    await expect(reinitialiserTotpAgent({ admin: admin(), agentId: adminId })).rejects.toMatchObject({
      code: "soi_meme",
    });
    expect((await db().agent.findUniqueOrThrow({ where: { id: adminId } })).role).toBe("ADMIN");
    const autre = await nouvelAgent("second.admin", "ADMIN");
    await changerRoleAgent({ admin: { id: autre }, agentId: adminId, role: "AGENT" });
    expect((await db().agent.findUniqueOrThrow({ where: { id: adminId } })).role).toBe("AGENT");
    await changerRoleAgent({ admin: { id: autre }, agentId: adminId, role: "ADMIN" });
  });

  it("resetting the second factor removes the secret and the codes and ends the sessions", async () => {
    const { agentId, token } = await adminEnAttente("reset.admin");
    await reinitialiserTotpAgent({ admin: admin(), agentId });
    expect(await findLiveSession(token)).toBeNull();
    expect(await db().agent.findUniqueOrThrow({ where: { id: agentId } })).toMatchObject({
      totpSecretChiffre: null,
      totpActiveAt: null,
    });
    expect(await db().codeSecours.count({ where: { agentId } })).toBe(0);
  });

  it("the console refuses an identifiant already taken; the terminal resets it", async () => {
    await expect(
      creerAgent(
        {
          identifiant: "Simple.Agent",
          courriel: "x@mairie.fr",
          nom: "X",
          prenom: "Y",
          role: "AGENT",
          motDePasse: MOT_DE_PASSE,
        },
        { par: "chef.admin", admin: admin() },
      ),
    ).rejects.toMatchObject({ field: "identifiant" });
  });
});
