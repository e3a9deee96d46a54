// Agents are a population of their own: created from the terminal (npm run agent:create calls creerAgent),
// logging in only as agents, shut out at once when disabled.
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { findLiveSession } from "@/lib/auth/sessions";
import { creerAgent } from "@/lib/domain/agent/creer";

const agent = {
  identifiant: "Marie.Agent",
  courriel: "marie@mairie.fr",
  nom: "Martin",
  prenom: "Marie",
  role: "ADMIN" as const,
  motDePasse: "Mairie-Agent-2026!",
};

it("creates an agent with an argon2id hash, journaled, under the same password rule", async () => {
  await expect(creerAgent({ ...agent, motDePasse: "azerty" }, { par: "test" })).rejects.toMatchObject({
    field: "motDePasse",
  });
  const id = await creerAgent(agent, { par: "test" });
  const row = await db().agent.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ identifiantNormalise: "marie.agent", role: "ADMIN", active: true });
  expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  expect(await db().journalEntry.count({ where: { event: "agent.cree" } })).toBe(1);
});

it("logs an agent in as an agent only, and a disabled agent's session ends at once", async () => {
  const ip = "192.0.2.60";
  expect(await login({ kind: "USAGER", identifiant: "marie.agent", motDePasse: agent.motDePasse, ip })).toEqual({
    ok: false,
    reason: "identifiants",
  });
  const result = await login({ kind: "AGENT", identifiant: "MARIE.AGENT", motDePasse: agent.motDePasse, ip });
  if (!result.ok) throw new Error(`connexion refusée : ${result.reason}`);
  expect((await findLiveSession(result.token))?.kind).toBe("AGENT");

  await db().agent.update({ where: { identifiantNormalise: "marie.agent" }, data: { active: false } });
  expect(await findLiveSession(result.token)).toBeNull();
  expect(await login({ kind: "AGENT", identifiant: "marie.agent", motDePasse: agent.motDePasse, ip })).toEqual({
    ok: false,
    reason: "identifiants",
  });
});
