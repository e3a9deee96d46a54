// The agents' SSO end to end without a browser: the portal's real next-auth route code against the
// oidc-provider stand-in of the commune's identity provider (profile "agents"), through the same cookie jars and
// manual redirects as FranceConnect's tests (franceconnect-fixtures.ts). A disabled or unknown agent, an e-mail
// the provider did not verify, an identity already linked: each is refused with no session opened.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { messageRefusSsoAgent } from "@/lib/auth/refus-oidc";
import { APP, parcours, preparerFournisseurs } from "./franceconnect-fixtures";

preparerFournisseurs();

describe("the agents' SSO", () => {
  beforeAll(async () => {
    const { creerAgent } = await import("@/lib/domain/agent/creer");
    const agent = (identifiant: string, courriel: string, role: "AGENT" | "ADMIN") =>
      creerAgent(
        { identifiant, courriel, nom: "Agent", prenom: identifiant, role, motDePasse: "Mairie-Villefranque-64!" },
        { par: "test" },
      );
    await agent("agent.mfa", "agent.mfa@mairie.test", "ADMIN");
    await agent("admin.simple", "admin.simple@mairie.test", "ADMIN");
    await agent("lie", "lie@mairie.test", "AGENT");
    const parti = await agent("parti", "parti@mairie.test", "AGENT");
    await db().agent.update({ where: { id: parti }, data: { active: false } });
  });

  it("health data behind one factor: the provider's word (amr mfa) skips no TOTP unless the commune chose so", async () => {
    // AGENT_OIDC_MFA_FOURNISSEUR is not set here: off by default (its effect: lib/auth/sso-agents.test.ts)
    const { location, bocal, autorisation } = await parcours("agents", "a1");
    expect(autorisation.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.pathname).toBe("/agent/connexion/code");
    const session = await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(bocal.get("pf_session")!) } });
    expect(session).toMatchObject({ kind: "AGENT", mfaEnAttente: true });
  });

  it("health data behind one factor: an e-mail the provider did not verify names no agent", async () => {
    const sessions = await db().session.count();
    const { location, bocal } = await parcours("agents", "a5");
    expect(location.toString()).toBe(`${APP}/agent/connexion?erreur=sso_refuse`);
    expect(bocal.get("pf_session")).toBeUndefined();
    expect(await db().session.count()).toBe(sessions);
    expect(await db().agent.findFirstOrThrow({ where: { identifiantNormalise: "lie" } })).toMatchObject({
      ssoSub: null,
    });
    const refus = await db().journalEntry.findFirstOrThrow({
      where: { event: "connexion.sso_refusee" },
      orderBy: { id: "desc" },
    });
    expect(refus.details).toMatchObject({ motif: "courriel_non_verifie" });
  });

  it("health data behind one factor: the first login links the identity by its sub, once; then only that sub opens the account", async () => {
    const premier = await parcours("agents", "a6");
    expect(premier.location.pathname).toBe("/agent");
    const agent = await db().agent.findFirstOrThrow({ where: { identifiantNormalise: "lie" } });
    expect(agent.ssoSub).toBe("a6");
    // another identity with the same verified e-mail: the account is taken
    const autre = await parcours("agents", "a7");
    expect(autre.location.toString()).toBe(`${APP}/agent/connexion?erreur=sso_refuse`);
    expect(autre.bocal.get("pf_session")).toBeUndefined();
    // the agent's courriel changes (or the provider's e-mail does): the sub still opens it
    await db().agent.update({ where: { id: agent.id }, data: { courriel: "ailleurs@mairie.test" } });
    const encore = await parcours("agents", "a6");
    expect(encore.location.pathname).toBe("/agent");
    const session = await db().session.findUniqueOrThrow({
      where: { tokenHash: hashToken(encore.bocal.get("pf_session")!) },
    });
    expect(session).toMatchObject({ agentId: agent.id, mfaEnAttente: false });
  });

  it("without MFA asserted by the provider, the TOTP rule still applies", async () => {
    const { location, bocal } = await parcours("agents", "a2");
    expect(location.pathname).toBe("/agent/connexion/code");
    const session = await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(bocal.get("pf_session")!) } });
    expect(session.mfaEnAttente).toBe(true);
  });

  it.each([
    ["a disabled agent", "a3"],
    ["an unknown agent (no account is created)", "a4"],
  ])("%s is refused, with a French message and no session", async (_cas, sub) => {
    const agents = await db().agent.count();
    const sessions = await db().session.count();
    const { location, bocal } = await parcours("agents", sub);
    expect(location.toString()).toBe(`${APP}/agent/connexion?erreur=sso_refuse`);
    expect(messageRefusSsoAgent("sso_refuse")).toMatch(/Aucun compte d'agent actif/);
    expect(bocal.get("pf_session")).toBeUndefined();
    expect(await db().session.count()).toBe(sessions);
    expect(await db().agent.count()).toBe(agents);
  });
});
