// A local OpenID provider standing in for FranceConnect v2 (and, in its "agents" profile, for a commune's SSO
// such as Keycloak), which no test machine or preview host can reach. It is `oidc-provider`, an OpenID Certified
// implementation, configured like FranceConnect v2: ES256 keys, authorization code flow, `acr_values=eidas1`,
// client_secret_post, the userinfo answered as a signed JWT, end-session with post_logout_redirect_uri; its
// login page lists fixed identities (no password: pick one).
//
// A test switch makes it misbehave on purpose, so the portal's checks can be shown to refuse it:
// - "ok": as the real provider;
// - "nonce": the ID token carries another nonce than the one asked for;
// - "autre_cle": the ID token is signed by a key that is not in the provider's JWKS (same kid);
// - "expire": the ID token expired an hour ago;
// - "userinfo_signature": the userinfo JWT is signed by a key that is not in the JWKS.
//
// In a test process: `startOidcStandIn({ profil, clientId, clientSecret, redirectUris, postLogoutRedirectUris })`
// (port 0 picks a free port). Also a command, used by playwright.config.ts (`npm run demo` starts it in its own
// process, scripts/demo-oidc.ts):
//   tsx tests/stand-ins/franceconnect.ts --serve --port 3265 --profil franceconnect --app http://127.0.0.1:3260
// (the line "oidc stand-in listening on <url>" says it is ready; client id and secret are DEMO_CLIENT's).
//
// The command also takes new identities, `POST /bouchon/identites` with an IdentiteStandIn as JSON (option
// `ajoutIdentites`, off in the demo): one stand-in serves every e2e test of a run, and an identity is new to the
// portal only once, so each test brings its own (a `sub` and names of that test only).
import { argument, lanceEnLigneDeCommande, servir } from "./servir";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, type JWK } from "jose";
import Provider, { type Configuration } from "oidc-provider";
import { DEMO_CLIENT } from "./client-oidc-demo";

export type ModeStandIn = "ok" | "nonce" | "autre_cle" | "expire" | "userinfo_signature";
export type ProfilStandIn = "franceconnect" | "agents";

export type IdentiteStandIn = {
  sub: string;
  /** what the login page shows */
  libelle: string;
  claims: Record<string, string>;
  /** agents' SSO: the methods the provider says it used (["pwd", "mfa"] when it did the second factor) */
  amr?: string[];
  /** agents' SSO: whether the provider verified the e-mail it gives (`email_verified`); true unless said */
  courrielVerifie?: boolean;
};

/** FranceConnect's own sandbox identities have this shape; these two are fictitious. */
export const IDENTITES_FRANCECONNECT: IdentiteStandIn[] = [
  {
    sub: "fc-demo-angela-dubois",
    libelle: "Angela Claire Louise DUBOIS, née le 24/08/1962 à Paris 7e",
    claims: {
      given_name: "Angela Claire Louise",
      family_name: "DUBOIS",
      preferred_username: "",
      birthdate: "1962-08-24",
      gender: "female",
      birthplace: "75107",
      birthcountry: "99100",
      email: "angela.dubois@exemple.fr",
    },
  },
  {
    sub: "fc-demo-pierre-mercier",
    libelle: "Pierre Paul MERCIER, né le 17/03/1969 à Bayonne",
    claims: {
      given_name: "Pierre Paul",
      family_name: "MERCIER",
      preferred_username: "ETCHEVERRY",
      birthdate: "1969-03-17",
      gender: "male",
      birthplace: "64102",
      birthcountry: "99100",
      email: "pierre.mercier@exemple.fr",
    },
  },
];

/** The demo agents of prisma/seed.ts (their courriel is `<identifiant>@mairie-villefranque.fr`). */
export const IDENTITES_AGENTS: IdentiteStandIn[] = [
  {
    sub: "sso-admin-demo",
    libelle: "admin.demo (mot de passe et second facteur)",
    claims: { email: "admin.demo@mairie-villefranque.fr", preferred_username: "admin.demo" },
    amr: ["pwd", "mfa"],
  },
  {
    sub: "sso-agent-demo",
    libelle: "agent.demo (mot de passe seul)",
    claims: { email: "agent.demo@mairie-villefranque.fr", preferred_username: "agent.demo" },
    amr: ["pwd"],
  },
];

const SCOPES_FRANCECONNECT = [
  "given_name",
  "family_name",
  "preferred_username",
  "birthdate",
  "gender",
  "birthplace",
  "birthcountry",
  "email",
];

export type OidcStandIn = {
  /** the issuer, to give as FRANCECONNECT_ISSUER or AGENT_OIDC_ISSUER */
  url: string;
  setMode(mode: ModeStandIn): void;
  /** the end-session requests received (their query), oldest first */
  deconnexions(): URLSearchParams[];
  close(): Promise<void>;
};

type Options = {
  profil: ProfilStandIn;
  port?: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  identites?: IdentiteStandIn[];
  /** accept `POST /bouchon/identites` (e2e only: the demo's list stays fixed) */
  ajoutIdentites?: boolean;
};

/** Identities a test run may add, at most (a stand-in lives as long as one run). */
const MAX_IDENTITES_AJOUTEES = 1000;

/** An identity sent to `POST /bouchon/identites`, checked field by field; null when malformed. */
function identiteRecue(corps: unknown): IdentiteStandIn | null {
  if (typeof corps !== "object" || corps === null) return null;
  const { sub, libelle, claims, amr } = corps as Record<string, unknown>;
  const texte = (valeur: unknown): valeur is string => typeof valeur === "string" && valeur.length > 0;
  if (!texte(sub) || sub.length > 200 || !texte(libelle) || libelle.length > 300) return null;
  if (typeof claims !== "object" || claims === null) return null;
  if (!Object.values(claims).every((valeur) => typeof valeur === "string")) return null;
  if (amr !== undefined && !(Array.isArray(amr) && amr.every(texte))) return null;
  const { courrielVerifie } = corps as Record<string, unknown>;
  if (courrielVerifie !== undefined && typeof courrielVerifie !== "boolean") return null;
  return {
    sub,
    libelle,
    claims: claims as Record<string, string>,
    ...(amr ? { amr: amr as string[] } : {}),
    ...(courrielVerifie !== undefined ? { courrielVerifie } : {}),
  };
}

const html = (titre: string, corps: string) => `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titre}</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:40rem;padding:0 1rem;color:#161616}
button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem;background:#000091;color:#fff;border:0;
border-radius:.25rem;cursor:pointer;text-align:left}button:focus{outline:3px solid #0a76f6;outline-offset:2px}</style>
</head><body><main>${corps}</main></body></html>`;

const echapper = (texte: string) => texte.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startOidcStandIn(options: Options): Promise<OidcStandIn> {
  // A copy: the identities a test adds belong to this stand-in only.
  const identites = [
    ...(options.identites ?? (options.profil === "franceconnect" ? IDENTITES_FRANCECONNECT : IDENTITES_AGENTS)),
  ];
  const nbInitial = identites.length;
  const franceconnect = options.profil === "franceconnect";
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const cle: JWK = { ...(await exportJWK(privateKey)), kid: "bouchon-1", alg: "ES256", use: "sig" };
  // The forger's key: same kid, same algorithm, not in the JWKS.
  const autre = (await generateKeyPair("ES256")).privateKey;
  let mode: ModeStandIn = "ok";
  const deconnexions: URLSearchParams[] = [];

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const prefixe = franceconnect ? "fc" : "sso";

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: franceconnect ? "client_secret_post" : "client_secret_basic",
        id_token_signed_response_alg: "ES256",
        ...(franceconnect ? { userinfo_signed_response_alg: "ES256" } : {}),
      },
    ],
    jwks: { keys: [cle] },
    acrValues: franceconnect ? ["eidas1"] : [],
    claims: franceconnect
      ? { acr: null, ...Object.fromEntries(SCOPES_FRANCECONNECT.map((scope) => [scope, [scope]])) }
      : // amr by the openid scope: oidc-provider puts a standalone claim in the ID token only when asked by name
        { acr: null, openid: ["sub", "amr"], email: ["email", "email_verified"], profile: ["preferred_username"] },
    // API Particulier's FranceConnect modality asks the QF with the access token of this scope
    scopes: franceconnect ? ["openid", "cnaf_quotient_familial"] : ["openid"],
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: franceconnect },
      rpInitiatedLogout: {
        enabled: true,
        // FranceConnect ends its session without asking; the button is there without JavaScript.
        logoutSource: async (ctx, form) => {
          ctx.body = html(
            "Déconnexion",
            `<h1>Déconnexion</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>
<script>document.forms[0].insertAdjacentHTML("beforeend",'<input type="hidden" name="logout" value="yes">');document.forms[0].submit()</script>`,
          );
        },
      },
    },
    // FranceConnect v2 does not ask for PKCE; the agents' SSO (Keycloak and co.) does.
    pkce: { required: () => !franceconnect },
    cookies: {
      names: { session: `${prefixe}_session`, interaction: `${prefixe}_interaction`, resume: `${prefixe}_resume` },
      keys: ["cle-des-cookies-du-bouchon-oidc"],
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const identite = identites.find((candidate) => candidate.sub === sub);
      if (!identite) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          ...Object.fromEntries(Object.entries(identite.claims).filter(([, v]) => v)),
          ...(identite.amr ? { amr: identite.amr } : {}),
          ...(franceconnect ? {} : { email_verified: identite.courrielVerifie ?? true }),
        }),
      };
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 600, AccessToken: 600, AuthorizationCode: 60 },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction inconnue");
    if (req.method === "POST") {
      const body = new URLSearchParams(await lireCorps(req));
      const identite = identites.find((candidate) => candidate.sub === body.get("sub"));
      if (!identite) throw new Error("identité inconnue");
      const grant = new provider.Grant({ accountId: identite.sub, clientId: options.clientId });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        {
          login: { accountId: identite.sub, ...(franceconnect ? { acr: "eidas1" } : { amr: identite.amr }) },
          consent: { grantId },
        },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const titre = franceconnect ? "FranceConnect (bouchon de démonstration)" : "Compte de la commune (bouchon)";
    const boutons = identites
      .map(
        (identite) =>
          `<button type="submit" name="sub" value="${echapper(identite.sub)}">${echapper(identite.libelle)}</button>`,
      )
      .join("\n");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(
      html(
        titre,
        `<h1>${titre}</h1><p>Choisissez l'identité avec laquelle vous connecter.</p>
<form method="post" action="/interaction/${echapper(uid)}">${boutons}</form>`,
      ),
    );
  }

  /** Rewrites what oidc-provider answers at /token or /me when a test asked it to misbehave. */
  function falsifier(res: ServerResponse, transformer: (body: string) => Promise<string>): void {
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    res.end = ((chunk?: unknown) => {
      if (chunk === undefined || res.statusCode !== 200) return end(chunk);
      void transformer(Buffer.from(chunk as Buffer | string).toString("utf8")).then((body) => {
        res.setHeader("Content-Length", Buffer.byteLength(body));
        end(body);
      });
      return res;
    }) as ServerResponse["end"];
  }

  const resigner = (claims: Record<string, unknown>, key: CryptoKey | typeof privateKey, typ?: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: cle.kid, ...(typ ? { typ } : {}) }).sign(key);

  /** `POST /bouchon/identites`: 201 when added, 400 when malformed, 409 when its `sub` is already known. */
  async function ajouterIdentite(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let corps: unknown;
    try {
      corps = JSON.parse(await lireCorps(req));
    } catch {
      corps = null;
    }
    const identite = identiteRecue(corps);
    const [code, message] = !identite
      ? [400, "identité mal formée"]
      : identites.some((connue) => connue.sub === identite.sub)
        ? [409, "sub déjà connu"]
        : identites.length - nbInitial >= MAX_IDENTITES_AJOUTEES
          ? [429, "trop d'identités ajoutées"]
          : [201, "identité ajoutée"];
    if (code === 201) identites.push(identite!);
    res.writeHead(code, { "Content-Type": "text/plain; charset=utf-8" }).end(message);
  }

  handler = (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/bouchon/identites" && options.ajoutIdentites) {
      if (req.method !== "POST") {
        res.writeHead(405, { Allow: "POST" }).end();
        return;
      }
      ajouterIdentite(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(400);
        res.end();
      });
      return;
    }
    const match = url.pathname.match(/^\/interaction\/([A-Za-z0-9_-]+)$/);
    if (match) {
      interaction(req, res, match[1]!).catch((error: unknown) => {
        res.statusCode = 400;
        res.end(`Requête refusée : ${error instanceof Error ? error.message : "erreur"}`);
      });
      return;
    }
    if (url.pathname === "/session/end" && req.method === "GET") deconnexions.push(url.searchParams);
    if (url.pathname === "/token" && ["nonce", "autre_cle", "expire"].includes(mode)) {
      const maintenant = Math.floor(Date.now() / 1000);
      falsifier(res, async (body) => {
        const tokens = JSON.parse(body) as { id_token?: string };
        if (!tokens.id_token) return body;
        const claims = decodeJwt(tokens.id_token);
        if (mode === "nonce") claims.nonce = "un-autre-nonce-que-celui-demande-par-le-portail";
        if (mode === "expire") Object.assign(claims, { iat: maintenant - 7200, exp: maintenant - 3600 });
        tokens.id_token = await resigner(claims, mode === "autre_cle" ? autre : privateKey);
        return JSON.stringify(tokens);
      });
    }
    if (url.pathname === "/me" && mode === "userinfo_signature") {
      falsifier(res, async (jwt) => resigner(decodeJwt(jwt), autre));
    }
    callback(req, res);
  };

  return {
    url: issuer,
    setMode(next) {
      mode = next;
    },
    deconnexions: () => [...deconnexions],
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function lireCorps(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      data += chunk;
      if (data.length > 10_000) req.destroy();
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

// Command-line use (see the header comment).
if (lanceEnLigneDeCommande("franceconnect")) {
  const profil = (argument("profil") ?? "franceconnect") as ProfilStandIn;
  const app = (argument("app") ?? "http://localhost:3000").replace(/\/$/, "");
  servir(
    "oidc",
    startOidcStandIn({
      profil,
      port: Number(argument("port") ?? 0),
      ...DEMO_CLIENT,
      redirectUris: [`${app}/api/auth/callback/${profil}`],
      postLogoutRedirectUris: [`${app}/connexion?deconnecte=1`, `${app}/agent/connexion?deconnecte=1`],
      ajoutIdentites: true,
    }),
    ` (${profil})`,
  );
}
