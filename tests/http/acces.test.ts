// The access matrix over every page, route and server action of the BUILT app, enumerated from the build's own
// manifests (.next/app-path-routes-manifest.json, .next/server/server-reference-manifest.json): a new page or
// action without a row in the table fails the first test, so nothing escapes it.
//
//   anonymous      -> the login page of its side (/connexion?suite=…, /agent/connexion)
//   a citizen      -> 404 on every console page and action
//   an AGENT       -> 403 on every ADMIN page and action
//   an agent       -> 404 on the citizen space's pages and actions
//   a 2nd family   -> 404 on the first family's demande, suivi link, confirmation, child's pages, files; and
//                     on the actions that name them, the answer given for a demande or child that does not exist
//
// A server action is called as Next's client calls it (POST to a page that renders it, `Next-Action: <id>`).
// Next 16 answers an action's notFound() and forbidden() with the status (404, 403) and the not-found or
// forbidden page's payload, and a redirect() with 200 and `x-action-redirect: <path>;push`. An id the server
// does not know gets 409 with `x-nextjs-action-not-found`: never taken for a 404.
//
// The table is acces-table.ts (pages, route handlers) and acces-table-actions.ts (server actions); the state it
// names, the callers and the checks of an answer are acces-fixtures.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { anonyme, appelerAction, requete, type Client } from "./client";
import { actionsDuBuild, ROUTES_DU_BUILD, routesDuBuild } from "./build";
import { POLITIQUE_FICHIER } from "@/lib/storage/reponse";
import { ROUTES, type AccesRoute, type Contexte } from "./acces-table";
import { ACTIONS } from "./acces-table-actions";
import {
  expectConnexion,
  expectIntrouvable,
  expectRefuse,
  INEXISTANTS,
  preparerAcces,
  reponseMasquee,
} from "./acces-fixtures";

let contexte: Contexte;
let citoyen: Client;
let autreFamille: Client;
let agent: Client;
let admin: Client;
let agentSante: Client;

beforeAll(async () => {
  ({ contexte, citoyen, autreFamille, agent, admin, agentSante } = await preparerAcces());
}, 120_000);

describe("la table couvre le build", () => {
  it("chaque page et route du build a sa ligne, et chaque ligne est une route du build", () => {
    expect(
      routesDuBuild.filter((route) => !(route in ROUTES)),
      "routes sans ligne",
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((route) => !routesDuBuild.includes(route)),
      "lignes sans route",
    ).toEqual([]);
  });

  it("chaque action serveur du build a sa ligne, et chaque ligne est une action du build", () => {
    const cles = actionsDuBuild.map((action) => action.cle);
    expect(
      cles.filter((cle) => !(cle in ACTIONS)),
      "actions sans ligne",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((cle) => !cles.includes(cle)),
      "lignes sans action",
    ).toEqual([]);
  });
});

describe.each(routesDuBuild.filter((route) => route in ROUTES))("GET %s", (route) => {
  const ligne = ROUTES[route]!;
  const chemin = () => (ligne.chemin ?? (() => route))(contexte);

  it(`${ligne.acces}`, async () => {
    const get = (client: Client) => requete(client, chemin());
    switch (ligne.acces) {
      case "publique":
        expect((await get(anonyme())).status, "anonyme").toBe(ligne.statut ?? 200);
        break;
      case "absente":
        for (const client of [anonyme(), citoyen, agent, admin]) await expectIntrouvable(await get(client), "chacun");
        break;
      case "usager":
      case "famille":
        expectConnexion(await get(anonyme()), "/connexion", "anonyme");
        await expectIntrouvable(await get(agent), "agent");
        await expectIntrouvable(await get(admin), "administrateur");
        if (ligne.acces === "famille") {
          expect((await get(citoyen)).status, "la famille elle-même").toBe(ligne.proprietaire ?? 200);
          await expectIntrouvable(await get(autreFamille), "une autre famille");
        }
        break;
      case "televersement": {
        const post = (client: Client) => requete(client, chemin(), { method: "POST", body: new FormData() });
        for (const [client, qui] of [
          [anonyme(), "anonyme"],
          [agent, "agent"],
        ] as const) {
          const response = await post(client);
          expect(response.status, qui).toBe(404);
          expect(await response.json(), qui).toEqual({ message: "Introuvable" });
        }
        const refus = await post(citoyen);
        expect(refus.status, "citoyen").toBe(400);
        expect(await refus.json(), "citoyen").toEqual({ message: "Choisissez le type de document." });
        break;
      }
      case "marques": {
        const post = (client: Client) =>
          requete(client, chemin(), { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
        // no session: 401 and a French message, so the tablet's worker keeps the mark for after the login
        const expiree = await post(anonyme());
        expect(expiree.status, "anonyme").toBe(401);
        expect(await expiree.json(), "anonyme").toEqual({
          message: "Votre session a expiré : reconnectez-vous, les pointages en attente partiront ensuite.",
        });
        const parent = await post(citoyen);
        expect(parent.status, "citoyen").toBe(404);
        expect(await parent.json(), "citoyen").toEqual({ message: "Introuvable" });
        const refus = await post(agent);
        expect(refus.status, "agent").toBe(400);
        expect(await refus.json(), "agent").toEqual({ message: "Pointage illisible : rechargez la page." });
        break;
      }
      case "fichier":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(autreFamille), "une autre famille");
        expect((await get(citoyen)).status, "la famille elle-même").toBe(200);
        expect((await get(agent)).status, "un agent").toBe(200);
        break;
      case "pdf-usager":
      case "pdf-famille":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(agent), "agent");
        if (ligne.acces === "pdf-famille") await expectIntrouvable(await get(autreFamille), "une autre famille");
        expect((await get(citoyen)).status, "la famille elle-même").toBe(200);
        break;
      case "pdf-agent":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        expect((await get(agent)).status, "un agent").toBe(200);
        break;
      case "pdf-admin":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        expect((await get(agent)).status, "un agent").toBe(403);
        expect((await get(admin)).status, "un administrateur").toBe(200);
        break;
      case "fichier-sante":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        await expectRefuse(await get(agent), "agent sans l'accès aux données de santé");
        await expectRefuse(await get(admin), "administrateur sans l'accès aux données de santé");
        expect((await get(agentSante)).status, "agent qui a l'accès").toBe(200);
        break;
      case "session-agent":
        expectConnexion(await get(anonyme()), "/agent/connexion", "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        break;
      case "agent":
      case "admin":
      case "sante":
        expectConnexion(await get(anonyme()), "/agent/connexion", "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        if (ligne.acces === "sante") {
          await expectRefuse(await get(agent), "agent sans l'accès aux données de santé");
          await expectRefuse(await get(admin), "administrateur sans l'accès aux données de santé");
          expect((await get(agentSante)).status, "agent qui a l'accès").toBe(200);
        } else if (ligne.acces === "admin") {
          await expectRefuse(await get(agent), "agent");
          if (ligne.administrateur === 404) await expectIntrouvable(await get(admin), "administrateur");
          else expect((await get(admin)).status, "administrateur").toBe(ligne.administrateur ?? 200);
        } else {
          expect((await get(agent)).status, "agent").toBe(200);
        }
        break;
    }
  });
});

// Issue 30, finding 1 (downloads outside /api/ lose their sandbox): every route handler of the build (its
// manifest's "…/route" entries: the PDFs, the attestations, the CSV exports, /api/…) answers the one who may read
// it with the file policy, which proxy.ts puts on them all; a page keeps the page's.
const routesHandlers = [
  ...new Set(
    Object.entries(ROUTES_DU_BUILD)
      .filter(([fichier]) => fichier.endsWith("/route"))
      .map(([, route]) => route),
  ),
];

/** Who gets the route's real answer (its file, its export, its JSON). */
function lecteur(acces: AccesRoute): Client {
  if (["usager", "famille", "fichier", "pdf-usager", "pdf-famille", "televersement"].includes(acces)) return citoyen;
  if (acces === "sante" || acces === "fichier-sante") return agentSante;
  if (["agent", "admin", "pdf-agent", "pdf-admin", "session-agent"].includes(acces)) return admin;
  return anonyme();
}

describe("downloads outside /api/ lose their sandbox", () => {
  it("the build has file routes outside /api/ (the PDFs, the attestations, the exports)", () => {
    expect(routesHandlers.filter((route) => !route.startsWith("/api/")).length).toBeGreaterThanOrEqual(8);
  });

  it.each(routesHandlers)("%s answers with the file policy", async (route) => {
    const ligne = ROUTES[route]!;
    const response = await requete(lecteur(ligne.acces), (ligne.chemin ?? (() => route))(contexte));
    if (
      ["fichier", "fichier-sante", "pdf-usager", "pdf-famille", "pdf-agent", "pdf-admin", "agent", "admin"].includes(
        ligne.acces,
      )
    ) {
      // a refusal says why in its body (a PES file's missing value): shown when the status is not the file's
      const raison = response.status === 200 ? "" : ` : ${(await response.clone().text()).slice(0, 300)}`;
      expect(response.status, `la réponse du fichier lui-même${raison}`).toBe(200);
    }
    expect(response.headers.get("content-security-policy")).toBe(POLITIQUE_FICHIER);
  });

  it("a page keeps the page's policy, with its nonce", async () => {
    const response = await requete(citoyen, "/factures");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });
});

// The public actions are in the table so that a new action cannot go unclassified; each checks its own rules
// (throttling: connexion.test.ts).
// (An action without a row fails the coverage test above.)
const actionsGardees = actionsDuBuild.filter(
  (action) => action.cle in ACTIONS && ACTIONS[action.cle]!.acces !== "publique",
);

describe.each(actionsGardees.map((action) => [action.cle, action] as const))("action %s", (_cle, action) => {
  const ligne = ACTIONS[action.cle]!;
  const page = (c: Contexte) => (ROUTES[action.route]?.chemin ?? (() => action.route))(c);
  const appeler = (client: Client, c = contexte) =>
    appelerAction(client, { id: action.id, page: page(c) }, ligne.args(c));

  it(`${ligne.acces}`, async () => {
    switch (ligne.acces) {
      case "usager":
      case "famille":
        expectConnexion(await appeler(anonyme()), "/connexion", "anonyme");
        await expectIntrouvable(await appeler(agent), "agent");
        if (ligne.acces === "famille") {
          const ids = [
            contexte.a.numero,
            contexte.a.enfantId,
            contexte.a.inscriptionId,
            contexte.a.inscriptionAccepteeId,
            contexte.a.factureNumero,
            ...Object.values(INEXISTANTS),
          ];
          const inexistant = await appeler(autreFamille, { ...contexte, a: { ...contexte.a, ...INEXISTANTS } });
          expect(await reponseMasquee(await appeler(autreFamille), ids), "une autre famille").toBe(
            await reponseMasquee(inexistant, ids),
          );
        }
        break;
      case "session-agent":
        expectConnexion(await appeler(anonyme()), "/agent/connexion", "anonyme");
        await expectIntrouvable(await appeler(citoyen), "citoyen");
        break;
      case "agent":
      case "admin":
        expectConnexion(await appeler(anonyme()), "/agent/connexion", "anonyme");
        await expectIntrouvable(await appeler(citoyen), "citoyen");
        if (ligne.acces === "admin") await expectRefuse(await appeler(agent), "agent");
        break;
    }
  });
});
