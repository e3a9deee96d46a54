// Shared by the FranceConnect and agents' SSO tests (franceconnect.test.ts, franceconnect-sso-agents.test.ts):
// the oidc-provider stand-ins over HTTP with their identities, the portal's real next-auth route code
// (lib/auth/oidc.ts, what app/api/auth/[...nextauth]/route.ts calls), and the "browser": two cookie jars and
// manual redirects. `preparerFournisseurs()` registers the hooks that start the stand-ins in the calling file.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { db } from "@/lib/db";
import { DEMO_CLIENT } from "@/tests/stand-ins/client-oidc-demo";
import { startOidcStandIn, type IdentiteStandIn, type OidcStandIn } from "@/tests/stand-ins/franceconnect";
import { nouvelEspace } from "./espace-fixtures";

export const APP = "http://portail.test";
export const ANGELA: IdentiteStandIn = {
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
export const HOMONYME_DE_COURRIEL: IdentiteStandIn = {
  ...ANGELA,
  sub: "fc-autre-personne",
  claims: { ...ANGELA.claims, given_name: "Paul", family_name: "MARTIN", gender: "male" },
};
// Two more people named Angela DUBOIS (a namesake, born elsewhere), for the identifiant generated from the name.
export const HOMONYMES: IdentiteStandIn[] = ["fc-angela-bis", "fc-angela-ter"].map((sub) => ({
  ...ANGELA,
  sub,
  claims: { ...ANGELA.claims, birthdate: "1990-01-02", email: `${sub}@exemple.fr` },
}));
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

export let franceconnect: OidcStandIn;
let sso: OidcStandIn;
let oidc: typeof import("@/lib/auth/oidc");
export let domaine: typeof import("@/lib/domain/usager/franceconnect");

/** The hooks of a test file: both stand-ins started, the portal configured for them, the commune seeded. */
export function preparerFournisseurs(): void {
  beforeAll(async () => {
    franceconnect = await startOidcStandIn({
      profil: "franceconnect",
      ...DEMO_CLIENT,
      redirectUris: [`${APP}/api/auth/callback/franceconnect`],
      postLogoutRedirectUris: [`${APP}/connexion?deconnecte=1`],
      identites: [ANGELA, HOMONYME_DE_COURRIEL, ...HOMONYMES],
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
}

/** A browser's cookies for one host. */
export class Bocal {
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
export async function portail(bocal: Bocal, url: string, init: RequestInit = {}): Promise<Response> {
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
export async function parcours(
  fournisseur: "franceconnect" | "agents",
  sub: string,
  /** corps: the button's form (its `suite`) */
  options: { bocal?: Bocal; alterer?: (retour: URL) => void; corps?: string } = {},
): Promise<{ location: URL; bocal: Bocal; autorisation: URL }> {
  const bocal = options.bocal ?? new Bocal();
  const debut = await portail(bocal, `${APP}/api/auth/signin/${fournisseur}`, {
    method: "POST",
    headers: { origin: APP, "content-type": "application/x-www-form-urlencoded" },
    body: options.corps ?? "",
  });
  expect(debut.status).toBe(302);
  const autorisation = new URL(debut.headers.get("location")!);
  const retour = new URL(await chezLeFournisseur(autorisation.toString(), sub));
  options.alterer?.(retour);
  const fin = await portail(bocal, retour.toString());
  expect(fin.status).toBe(302);
  return { location: new URL(fin.headers.get("location")!), bocal, autorisation };
}

export async function espaceFranceConnect(sub: string, courriel: string) {
  const { creerEspace } = await import("@/lib/domain/usager/creer");
  const espace = { ...nouvelEspace({ courriel }), motDePasse: null, franceconnectSub: sub };
  const { usagerId } = await creerEspace(espace, { ip: "192.0.2.7" });
  if (!usagerId) throw new Error("espace non créé");
  await db().usager.update({ where: { id: usagerId }, data: { activatedAt: new Date() } });
  return usagerId;
}

export const compter = async () => ({
  sessions: await db().session.count(),
  brouillons: await db().wizardDraft.count(),
});
