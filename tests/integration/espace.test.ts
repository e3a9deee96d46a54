import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { login } from "@/lib/auth/login";
import { findLiveSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { creerEspace, IDENTIFIANT_PRIS } from "@/lib/domain/usager/creer";
import { activerEspace, renvoyerActivation } from "@/lib/domain/usager/activer";
import { demanderReinitialisation, reinitialiserMotDePasse } from "@/lib/domain/usager/mot-de-passe";
import { seedCommune } from "@/prisma/seed";
import { lienDuDernierCourriel, nouvelEspace } from "./espace-fixtures";

const ctx = { ip: "192.0.2.10" };

beforeAll(async () => {
  await seedCommune();
});

describe("Créer mon espace", () => {
  it("creates the space and queues the seed's mail, with the activation token stored hashed", async () => {
    const espace = nouvelEspace();
    const { usagerId } = (await creerEspace(espace, ctx)) as { usagerId: string };

    const usager = await db().usager.findUniqueOrThrow({ where: { id: usagerId } });
    expect(usager.activatedAt).toBeNull();
    expect(usager.passwordHash).toMatch(/^\$argon2id\$/);
    expect(usager.cguVersion).toBe(1);

    const mail = await db().outboxMail.findFirstOrThrow({ where: { to: espace.contact.courriel } });
    expect(mail.subject).toBe("Mairie de Villefranque - Création de votre espace personnel");
    expect(mail.text).toContain("Bonjour Mme ETCHART");

    const token = await lienDuDernierCourriel(espace.contact.courriel, "activation");
    const stored = await db().usagerToken.findMany({ where: { usagerId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBeGreaterThan(24 * 3600_000 - 5_000);
  });

  it("lets exactly one of two concurrent registrations with the same identifiant (any case) through", async () => {
    const results = await Promise.allSettled([
      creerEspace(nouvelEspace({ identifiant: "Jumeau" }), ctx),
      creerEspace(nouvelEspace({ identifiant: "jumeau" }), ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect(refused.reason.message).toBe(IDENTIFIANT_PRIS);
    expect(await db().usager.count({ where: { identifiantNormalise: "jumeau" } })).toBe(1);
  });
});

describe("activation link", () => {
  it("works once, and only within 24 hours", async () => {
    const espace = nouvelEspace();
    const { usagerId } = (await creerEspace(espace, ctx)) as { usagerId: string };
    const token = await lienDuDernierCourriel(espace.contact.courriel, "activation");

    expect(await activerEspace("jeton-inconnu")).toEqual({ status: "inconnu" });
    expect(await activerEspace(token)).toEqual({ status: "active", identifiant: espace.identifiant });
    expect(await activerEspace(token)).toEqual({ status: "utilise", dejaActive: true });
    expect((await db().usager.findUniqueOrThrow({ where: { id: usagerId } })).activatedAt).not.toBeNull();
  });

  it("once expired, offers a resend whose new link works and whose old one does not", async () => {
    const espace = nouvelEspace();
    const { usagerId } = (await creerEspace(espace, ctx)) as { usagerId: string };
    const token = await lienDuDernierCourriel(espace.contact.courriel, "activation");
    await db().usagerToken.updateMany({ where: { usagerId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await activerEspace(token)).toEqual({ status: "expire", dejaActive: false });
    await renvoyerActivation({ token });
    const nouveau = await lienDuDernierCourriel(espace.contact.courriel, "activation");
    expect(nouveau).not.toBe(token);
    expect(await activerEspace(token)).toMatchObject({ status: "expire" });
    expect(await activerEspace(nouveau)).toMatchObject({ status: "active" });
  });
});

describe("login", () => {
  it("refuses a space not yet activated, only to whoever knows its password", async () => {
    const espace = nouvelEspace();
    await creerEspace(espace, ctx);
    const base = { kind: "USAGER" as const, identifiant: espace.identifiant, ip: "192.0.2.20" };
    expect(await login({ ...base, motDePasse: "Mauvais-1234!" })).toEqual({ ok: false, reason: "identifiants" });
    expect(await login({ ...base, motDePasse: espace.motDePasse })).toMatchObject({ ok: false, reason: "non_active" });
  });

  it("locks an identifiant after 5 failures in 15 minutes, existing or not, and journals it", async () => {
    for (const identifiant of ["parent.demo.inexistant", "verrou"]) {
      if (identifiant === "verrou") await activerEspace(await creerEspaceEtLien(identifiant));
      const tries = [];
      for (let i = 0; i < 6; i++)
        tries.push(await login({ kind: "USAGER", identifiant, motDePasse: `Faux-${i}-Mot!`, ip: `198.51.100.${i}` }));
      expect(tries.slice(0, 5).map((t) => t.ok === false && t.reason)).toEqual(Array(5).fill("identifiants"));
      expect(tries[5]).toMatchObject({ ok: false, reason: "bloque" });
    }
    // even the right password waits
    expect(
      await login({ kind: "USAGER", identifiant: "verrou", motDePasse: "Villefranque-64990!", ip: "198.51.100.99" }),
    ).toMatchObject({ reason: "bloque" });
    expect(await db().journalEntry.count({ where: { event: "connexion.bloquee" } })).toBeGreaterThanOrEqual(3);
  });

  it("keeps the previous login for « Dernière connexion le … »", async () => {
    const identifiant = "deux.fois";
    await activerEspace(await creerEspaceEtLien(identifiant));
    const first = await login({ kind: "USAGER", identifiant, motDePasse: "Villefranque-64990!", ip: "192.0.2.30" });
    expect(first.ok).toBe(true);
    const afterFirst = await db().usager.findUniqueOrThrow({ where: { identifiantNormalise: identifiant } });
    expect(afterFirst.previousLoginAt).toBeNull();
    await login({ kind: "USAGER", identifiant: "Deux.Fois", motDePasse: "Villefranque-64990!", ip: "192.0.2.30" });
    const afterSecond = await db().usager.findUniqueOrThrow({ where: { identifiantNormalise: identifiant } });
    expect(afterSecond.previousLoginAt).toEqual(afterFirst.lastLoginAt);
  });
});

describe("password reset link", () => {
  it("is single-use, valid 1 hour, hashed at rest, and ends every session of the space", async () => {
    const identifiant = "oubli";
    const courriel = await activerEspace(await creerEspaceEtLien(identifiant)).then(
      async () => (await db().usager.findUniqueOrThrow({ where: { identifiantNormalise: identifiant } })).courriel,
    );
    const session = await login({ kind: "USAGER", identifiant, motDePasse: "Villefranque-64990!", ip: "192.0.2.40" });
    if (!session.ok) throw new Error("login refusé");
    expect(await findLiveSession(session.token)).not.toBeNull();

    await demanderReinitialisation(courriel.toUpperCase(), ctx);
    const token = await lienDuDernierCourriel(courriel, "mot-de-passe-oublie");
    const row = await db().usagerToken.findFirstOrThrow({
      where: { purpose: "PASSWORD_RESET", usager: { identifiantNormalise: identifiant } },
    });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(3600_000);

    await expect(reinitialiserMotDePasse(token, "court", ctx)).rejects.toMatchObject({ field: "motDePasse" });
    await reinitialiserMotDePasse(token, "Nouveau-Mot-2026!", ctx);
    expect(await findLiveSession(session.token)).toBeNull();
    await expect(reinitialiserMotDePasse(token, "Encore-Autre-2026!", ctx)).rejects.toMatchObject({
      code: "lien_perime",
    });
    expect(
      await login({ kind: "USAGER", identifiant, motDePasse: "Nouveau-Mot-2026!", ip: "192.0.2.41" }),
    ).toMatchObject({ ok: true });
  });

  it("stops working after 1 hour", async () => {
    const identifiant = "oubli.tardif";
    await activerEspace(await creerEspaceEtLien(identifiant));
    await demanderReinitialisation(identifiant, ctx);
    const courriel = (await db().usager.findUniqueOrThrow({ where: { identifiantNormalise: identifiant } })).courriel;
    const token = await lienDuDernierCourriel(courriel, "mot-de-passe-oublie");
    await db().usagerToken.updateMany({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await expect(reinitialiserMotDePasse(token, "Nouveau-Mot-2026!", ctx)).rejects.toMatchObject({
      code: "lien_perime",
    });
  });

  it("is not sent for an unknown identifiant, with the same silence", async () => {
    const before = await db().outboxMail.count();
    await expect(demanderReinitialisation("personne-de-ce-nom", ctx)).resolves.toBeUndefined();
    expect(await db().outboxMail.count()).toBe(before);
  });
});

async function creerEspaceEtLien(identifiant: string): Promise<string> {
  const espace = nouvelEspace({ identifiant });
  await creerEspace(espace, ctx);
  return lienDuDernierCourriel(espace.contact.courriel, "activation");
}
