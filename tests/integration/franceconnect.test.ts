// FranceConnect end to end without a browser: the portal's real next-auth route code (lib/auth/oidc.ts, what
// app/api/auth/[...nextauth]/route.ts calls) against the oidc-provider stand-in over HTTP, the "browser" being two
// cookie jars and manual redirects (franceconnect-fixtures.ts). The stand-in misbehaves on purpose (a wrong nonce,
// a foreign key, an expired ID token, a forged userinfo) and each is refused with no session opened. The agents'
// SSO, through the same route code: franceconnect-sso-agents.test.ts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { messageRefusFranceConnect } from "@/lib/auth/refus-oidc";
import { nouvelEspace } from "./espace-fixtures";
import {
  ANGELA,
  APP,
  Bocal,
  compter,
  domaine,
  espaceFranceConnect,
  franceconnect,
  HOMONYME_DE_COURRIEL,
  parcours,
  portail,
  preparerFournisseurs,
} from "./franceconnect-fixtures";

preparerFournisseurs();

describe("FranceConnect: the request", () => {
  it("asks for eidas1, the identity scopes, a state and a nonce of at least 32 characters", async () => {
    const bocal = new Bocal();
    const debut = await portail(bocal, `${APP}/api/auth/signin/franceconnect`, {
      method: "POST",
      headers: { origin: APP, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    const url = new URL(debut.headers.get("location")!);
    expect(url.origin).toBe(franceconnect.url);
    expect(url.searchParams.get("acr_values")).toBe("eidas1");
    expect(url.searchParams.get("scope")?.split(" ")).toEqual(
      expect.arrayContaining(["openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "email"]),
    );
    expect(url.searchParams.get("state")!.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get("nonce")!.length).toBeGreaterThanOrEqual(32);
  });

  it("the draft cookie never gets the __Host- prefix: next-auth's cookies too are named by the portal's helper", async () => {
    const bocal = new Bocal();
    const debut = await portail(bocal, `${APP}/api/auth/signin/franceconnect`, {
      method: "POST",
      headers: { origin: APP, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    const noms = debut.headers.getSetCookie().map((ligne) => ligne.split("=")[0]);
    // over http here: the names without the prefix they take under https (lib/cookies.test.ts)
    expect(noms).toEqual(expect.arrayContaining(["pf_oidc_csrf", "pf_oidc_etat", "pf_oidc_nonce", "pf_oidc_retour"]));
    expect(noms.filter((nom) => nom!.includes("next-auth"))).toEqual([]);
  });

  it("refuses a sign-in started from another site", async () => {
    const response = await portail(new Bocal(), `${APP}/api/auth/signin/franceconnect`, {
      method: "POST",
      headers: { origin: "https://ailleurs.example", "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(response.status).toBe(403);
  });
});

describe("FranceConnect: what is refused, with a French message and no session", () => {
  it.each([
    ["a wrong nonce in the ID token", "nonce"],
    ["an ID token signed by another key", "autre_cle"],
    ["an expired ID token", "expire"],
    ["a userinfo JWT whose signature fails", "userinfo_signature"],
  ] as const)("%s", async (_cas, mode) => {
    await espaceFranceConnect(`${ANGELA.sub}`, `angela-${mode}@exemple.fr`);
    const avant = await compter();
    franceconnect.setMode(mode);
    const { location } = await parcours("franceconnect", ANGELA.sub);
    expect(location.pathname).toBe("/connexion");
    expect(location.searchParams.get("erreur")).toBe("franceconnect");
    expect(messageRefusFranceConnect("franceconnect")).toMatch(/La connexion avec FranceConnect n'a pas abouti/);
    expect(await compter()).toEqual(avant);
    await db().usager.deleteMany({ where: { franceconnectSub: ANGELA.sub } });
  });

  it("a wrong state", async () => {
    await espaceFranceConnect(ANGELA.sub, "angela-state@exemple.fr");
    const avant = await compter();
    const { location } = await parcours("franceconnect", ANGELA.sub, {
      alterer: (retour) => retour.searchParams.set("state", "x".repeat(43)),
    });
    expect(location.pathname).toBe("/connexion");
    expect(location.searchParams.get("erreur")).toBe("franceconnect");
    expect(await compter()).toEqual(avant);
    await db().usager.deleteMany({ where: { franceconnectSub: ANGELA.sub } });
  });
});

describe("FranceConnect: linking by sub only", () => {
  it("a known sub opens the space's usual session, which keeps the ID token for the logout", async () => {
    const usagerId = await espaceFranceConnect(ANGELA.sub, "angela@exemple.fr");
    const { location, bocal } = await parcours("franceconnect", ANGELA.sub);
    expect(location.toString()).toBe(`${APP}/mon-espace`);
    const token = bocal.get("pf_session")!;
    const session = await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(session).toMatchObject({ kind: "USAGER", usagerId, revokedAt: null });
    expect(session.idTokenFranceconnect).toMatch(/^ey/);
    expect((await db().usager.findUniqueOrThrow({ where: { id: usagerId } })).lastLoginAt).not.toBeNull();
    const { findLiveSession } = await import("@/lib/auth/sessions");
    expect((await findLiveSession(token))?.kind).toBe("USAGER");

    // Logging out ends it at FranceConnect too: its end-session endpoint, with the ID token as hint.
    const { urlDeconnexionFournisseur } = await import("@/lib/auth/franceconnect");
    const sortie = new URL(
      (await urlDeconnexionFournisseur(
        franceconnect.url,
        session.idTokenFranceconnect!,
        `${APP}/connexion?deconnecte=1`,
        "etat-de-sortie-1234567890123456",
      ))!,
    );
    expect(sortie.pathname).toBe("/session/end");
    const page = await fetch(sortie);
    expect(page.status).toBe(200);
    expect(franceconnect.deconnexions().at(-1)?.get("id_token_hint")).toBe(session.idTokenFranceconnect);
    await db().usager.delete({ where: { id: usagerId } });
  });

  it("comes back to the page asked for before the sign-in (the button's suite), never to another site", async () => {
    const usagerId = await espaceFranceConnect(ANGELA.sub, "angela-suite@exemple.fr");
    const suite = "/factures?mois=2026-11";
    const { location } = await parcours("franceconnect", ANGELA.sub, {
      corps: `suite=${encodeURIComponent(suite)}`,
    });
    expect(location.toString()).toBe(`${APP}${suite}`);
    const ailleurs = await parcours("franceconnect", ANGELA.sub, {
      corps: `suite=${encodeURIComponent("//ailleurs.example/piege")}`,
    });
    expect(ailleurs.location.toString()).toBe(`${APP}/mon-espace`);
    await db().session.deleteMany({ where: { usagerId } });
    await db().usager.delete({ where: { id: usagerId } });
  });

  it("another identity with the same e-mail is not linked to the first space", async () => {
    const usagerId = await espaceFranceConnect(ANGELA.sub, "partage@exemple.fr");
    const avant = await db().session.count();
    const { location, bocal } = await parcours("franceconnect", HOMONYME_DE_COURRIEL.sub);
    expect(location.pathname).toBe("/connexion/franceconnect");
    expect(bocal.get("pf_session")).toBeUndefined();
    expect(await db().session.count()).toBe(avant);
    expect((await db().usager.findUniqueOrThrow({ where: { id: usagerId } })).franceconnectSub).toBe(ANGELA.sub);
    // The unknown identity waits in a draft, Identité filled from FranceConnect.
    const { findBrouillon } = await import("@/lib/domain/usager/brouillon");
    const brouillon = await findBrouillon(bocal.get("pf_brouillon"));
    expect(brouillon?.data.franceconnect?.sub).toBe(HOMONYME_DE_COURRIEL.sub);
    expect(brouillon?.data.identite).toMatchObject({
      civilite: "MONSIEUR",
      nomNaissance: "MARTIN",
      prenoms: "Paul",
      dateNaissance: "1962-08-24",
      paysNaissance: "France",
      departementNaissance: "75",
    });
    await db().usager.delete({ where: { id: usagerId } });
  });

  it("« J'ai déjà un espace »: the space's password links it once, then FranceConnect opens it", async () => {
    const { creerEspace } = await import("@/lib/domain/usager/creer");
    const { findBrouillon } = await import("@/lib/domain/usager/brouillon");
    const espace = nouvelEspace({ identifiant: "claire.fc" });
    const { usagerId: cree } = await creerEspace(espace, { ip: "192.0.2.7" });
    const usagerId = cree!;
    await db().usager.update({ where: { id: usagerId }, data: { activatedAt: new Date() } });

    const premier = await parcours("franceconnect", ANGELA.sub);
    expect(premier.location.pathname).toBe("/connexion/franceconnect");
    const brouillon = (await findBrouillon(premier.bocal.get("pf_brouillon")))!;

    const faux = await domaine.associerFranceConnect({
      brouillon,
      identifiant: "claire.fc",
      motDePasse: "Pas-le-bon-1234!",
      ip: "192.0.2.7",
    });
    expect(faux).toEqual({ ok: false, reason: "identifiants" });
    expect((await db().usager.findUniqueOrThrow({ where: { id: usagerId } })).franceconnectSub).toBeNull();

    const lien = await domaine.associerFranceConnect({
      brouillon,
      identifiant: "claire.fc",
      motDePasse: espace.motDePasse,
      ip: "192.0.2.7",
    });
    expect(lien.ok).toBe(true);
    const session = await db().session.findUniqueOrThrow({
      where: { tokenHash: hashToken(lien.ok ? lien.token : "") },
    });
    expect(session.idTokenFranceconnect).toMatch(/^ey/);
    expect((await db().usager.findUniqueOrThrow({ where: { id: usagerId } })).franceconnectSub).toBe(ANGELA.sub);
    expect(await findBrouillon(premier.bocal.get("pf_brouillon"))).toBeNull();

    const ensuite = await parcours("franceconnect", ANGELA.sub);
    expect(ensuite.location.pathname).toBe("/mon-espace");

    // Dissocier FranceConnect: the next FranceConnect sign-in is an unknown identity again.
    await domaine.dissocierFranceConnect({ usagerId, ip: "192.0.2.7" });
    expect((await parcours("franceconnect", ANGELA.sub)).location.pathname).toBe("/connexion/franceconnect");
    await db().usager.delete({ where: { id: usagerId } });
  });

  it("a space without password cannot unlink FranceConnect (it could no longer be opened)", async () => {
    const usagerId = await espaceFranceConnect(ANGELA.sub, "sans-mdp@exemple.fr");
    await expect(domaine.dissocierFranceConnect({ usagerId, ip: "192.0.2.7" })).rejects.toThrow(
      /pas encore de mot de passe/,
    );
    await db().usager.delete({ where: { id: usagerId } });
  });
});
