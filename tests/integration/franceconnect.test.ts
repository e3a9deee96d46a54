// FranceConnect and the agents' SSO, end to end without a browser: the portal's real next-auth route code
// (lib/auth/oidc.ts, what app/api/auth/[...nextauth]/route.ts calls) against the oidc-provider stand-in over
// HTTP, the "browser" being two cookie jars and manual redirects. The stand-in misbehaves on purpose (a wrong
// nonce, a foreign key, an expired ID token, a forged userinfo) and each is refused with no session opened.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { messageRefusFranceConnect, messageRefusSsoAgent } from "@/lib/auth/refus-oidc";
import { DEMO_CLIENT } from "@/tests/stand-ins/client-oidc-demo";
import { startOidcStandIn, type IdentiteStandIn, type OidcStandIn } from "@/tests/stand-ins/franceconnect";
import { nouvelEspace } from "./espace-fixtures";

const APP = "http://portail.test";
const ANGELA: IdentiteStandIn = {
  sub: "fc-angela",
  libelle: "Angela DUBOIS",
  claims: {
    given_name: "Angela Claire Louise",
    family_name: "DUBOIS",
    birthdate: "1962-08-24",
    gender: "female",
    birthplace: "75107",
    birthcountry: "99100",
    email: "partage@exemple.fr",
  },
};
// Another person who gives FranceConnect the same e-mail.
const HOMONYME_DE_COURRIEL: IdentiteStandIn = {
  ...ANGELA,
  sub: "fc-autre-personne",
  claims: { ...ANGELA.claims, given_name: "Paul", family_name: "MARTIN", gender: "male" },
};
const AGENTS: IdentiteStandIn[] = [
  { sub: "a1", libelle: "mfa", claims: { email: "Agent.Mfa@mairie.test" }, amr: ["pwd", "mfa"] },
  { sub: "a2", libelle: "admin sans mfa", claims: { email: "admin.simple@mairie.test" }, amr: ["pwd"] },
  { sub: "a3", libelle: "désactivé", claims: { email: "parti@mairie.test" }, amr: ["pwd", "mfa"] },
  { sub: "a4", libelle: "inconnu", claims: { email: "inconnu@mairie.test" }, amr: ["pwd", "mfa"] },
  // issue 30, finding 4: the e-mail of an existing agent, which the provider did not verify
  { sub: "a5", libelle: "non vérifié", claims: { email: "lie@mairie.test" }, courrielVerifie: false },
  // …and two identities giving that agent's e-mail, verified: the first one links, the second finds it taken
  { sub: "a6", libelle: "lié", claims: { email: "lie@mairie.test" }, amr: ["pwd"] },
  { sub: "a7", libelle: "même courriel", claims: { email: "lie@mairie.test" }, amr: ["pwd"] },
];

let franceconnect: OidcStandIn;
let sso: OidcStandIn;
let oidc: typeof import("@/lib/auth/oidc");
let domaine: typeof import("@/lib/domain/usager/franceconnect");

beforeAll(async () => {
  franceconnect = await startOidcStandIn({
    profil: "franceconnect",
    ...DEMO_CLIENT,
    redirectUris: [`${APP}/api/auth/callback/franceconnect`],
    postLogoutRedirectUris: [`${APP}/connexion?deconnecte=1`],
    identites: [ANGELA, HOMONYME_DE_COURRIEL],
  });
  sso = await startOidcStandIn({
    profil: "agents",
    ...DEMO_CLIENT,
    redirectUris: [`${APP}/api/auth/callback/agents`],
    postLogoutRedirectUris: [`${APP}/agent/connexion`],
    identites: AGENTS,
  });
  // lib/config.ts reads the environment when first imported: the portal's modules are loaded after this.
  Object.assign(process.env, {
    APP_URL: APP,
    FRANCECONNECT_ISSUER: franceconnect.url,
    FRANCECONNECT_CLIENT_ID: DEMO_CLIENT.clientId,
    FRANCECONNECT_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
    AGENT_OIDC_ISSUER: sso.url,
    AGENT_OIDC_CLIENT_ID: DEMO_CLIENT.clientId,
    AGENT_OIDC_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
  });
  oidc = await import("@/lib/auth/oidc");
  domaine = await import("@/lib/domain/usager/franceconnect");
  await (await import("@/prisma/seed")).seedCommune();
});

afterAll(async () => {
  await franceconnect?.close();
  await sso?.close();
});

beforeEach(() => franceconnect.setMode("ok"));

/** A browser's cookies for one host. */
class Bocal {
  private cookies = new Map<string, string>();
  entete(): string {
    return [...this.cookies].map(([nom, valeur]) => `${nom}=${valeur}`).join("; ");
  }
  get(nom: string): string | undefined {
    const valeur = this.cookies.get(nom);
    return valeur === undefined ? undefined : decodeURIComponent(valeur);
  }
  garder(response: Response): void {
    for (const ligne of response.headers.getSetCookie()) {
      const [paire, ...attributs] = ligne.split(";");
      const [nom, ...valeur] = paire!.trim().split("=");
      const expire = attributs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expire) this.cookies.delete(nom!);
      else this.cookies.set(nom!, valeur.join("="));
    }
  }
}

/** A request to the portal's /api/auth/... route, as the browser would make it. */
async function portail(bocal: Bocal, url: string, init: RequestInit = {}): Promise<Response> {
  const requete = new Request(url, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), cookie: bocal.entete(), "x-forwarded-for": "192.0.2.7" },
  });
  const segments = new URL(url).pathname.replace(/^\/api\/auth\//, "").split("/");
  const response = await oidc.traiterRequeteOidc(requete, segments);
  bocal.garder(response);
  return response;
}

/** Follows the provider's redirects (its login page answered with `sub`) until it sends back to the portal. */
async function chezLeFournisseur(depart: string, sub: string): Promise<string> {
  const bocal = new Bocal();
  let url = depart;
  for (let i = 0; i < 10; i++) {
    if (url.startsWith(APP)) return url;
    let response = await fetch(url, { redirect: "manual", headers: { cookie: bocal.entete() } });
    bocal.garder(response);
    if (response.status === 200 && /\/interaction\//.test(url)) {
      expect(await response.text()).toContain('lang="fr"');
      response = await fetch(url, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: bocal.entete(), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ sub }),
      });
      bocal.garder(response);
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`le fournisseur n'a pas redirigé (${response.status}) : ${await response.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error("trop de redirections");
}

/** The whole exchange: the button's POST, the provider, the callback. Returns where the portal sends next. */
async function parcours(
  fournisseur: "franceconnect" | "agents",
  sub: string,
  options: { bocal?: Bocal; alterer?: (retour: URL) => void } = {},
): Promise<{ location: URL; bocal: Bocal; autorisation: URL }> {
  const bocal = options.bocal ?? new Bocal();
  const debut = await portail(bocal, `${APP}/api/auth/signin/${fournisseur}`, {
    method: "POST",
    headers: { origin: APP, "content-type": "application/x-www-form-urlencoded" },
    body: "",
  });
  expect(debut.status).toBe(302);
  const autorisation = new URL(debut.headers.get("location")!);
  const retour = new URL(await chezLeFournisseur(autorisation.toString(), sub));
  options.alterer?.(retour);
  const fin = await portail(bocal, retour.toString());
  expect(fin.status).toBe(302);
  return { location: new URL(fin.headers.get("location")!), bocal, autorisation };
}

async function espaceFranceConnect(sub: string, courriel: string) {
  const { creerEspace } = await import("@/lib/domain/usager/creer");
  const espace = { ...nouvelEspace({ courriel }), motDePasse: null, franceconnectSub: sub };
  const { usagerId } = await creerEspace(espace, { ip: "192.0.2.7" });
  if (!usagerId) throw new Error("espace non créé");
  await db().usager.update({ where: { id: usagerId }, data: { activatedAt: new Date() } });
  return usagerId;
}

const compter = async () => ({ sessions: await db().session.count(), brouillons: await db().wizardDraft.count() });

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
