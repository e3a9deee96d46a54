// The login form over HTTP, submitted as a browser without JavaScript submits it: refusals and throttling
// (the same words whether the identifiant exists or not), the session cookie's flags, the security headers
// of every kind of answer, and the wall between the citizens' space and the agents' console.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { actionDuBuild } from "./build";
import {
  alertes,
  anonyme,
  appelerAction,
  connecte,
  cookieDeSession,
  redirection,
  requete,
  serveur,
  soumettreFormulaire,
  type Client,
} from "./client";
import { espaceActive, familleComplete, MOT_DE_PASSE_AGENT, nouvelAgent } from "./fixtures";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { POLITIQUE_FICHIER } from "@/lib/storage/reponse";

const IDENTIFIANTS_INCORRECTS = "Identifiant ou mot de passe incorrect.";
const BLOQUE = /^Trop de tentatives de connexion\. Par sécurité, réessayez à partir de \d{2}:\d{2}\.$/;

/** Submits the login form of `page`; a success carries the new session's cookie in the client. */
async function seConnecter(client: Client, identifiant: string, motDePasse: string, page = "/connexion") {
  const reponse = await soumettreFormulaire(client, page, { identifiant, motDePasse });
  const cookie = cookieDeSession(reponse);
  if (cookie) client.jeton = cookie.slice(cookie.indexOf("=") + 1, cookie.indexOf(";"));
  return reponse;
}

describe("connexion des usagers", () => {
  it("« Se souvenir de moi sur cet appareil » : un cookie de 30 jours, une session de 30 jours nommant l'appareil", async () => {
    const espace = await espaceActive();
    const client = anonyme();
    const reponse = await soumettreFormulaire(client, "/connexion", {
      identifiant: espace.identifiant,
      motDePasse: espace.motDePasse,
      seSouvenir: "on",
    });
    expect(redirection(reponse)).toBe("/mon-espace");
    const cookie = cookieDeSession(reponse)!;
    expect(cookie).toMatch(/; Max-Age=2592000/i);
    const jeton = cookie.slice(cookie.indexOf("=") + 1, cookie.indexOf(";"));
    const session = await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(jeton) } });
    // (fetch's own User-Agent here: no browser, no system it knows)
    expect(session).toMatchObject({ seSouvenir: true, appareil: "Appareil inconnu" });
  });

  it("six mauvais mots de passe : la sixième tentative attend, sans dire si l'identifiant existe", async () => {
    const espace = await espaceActive();
    const client = anonyme();
    for (const identifiant of [espace.identifiant, `inconnu.${espace.identifiant}`]) {
      for (let essai = 1; essai <= 5; essai++) {
        const reponse = await seConnecter(client, identifiant, `Mauvais-${essai}-Mot!`);
        expect(reponse.status).toBe(200);
        const html = await reponse.text();
        expect(alertes(html), `${identifiant}, essai ${essai}`).toEqual([IDENTIFIANTS_INCORRECTS]);
        // the identifiant typed is kept
        expect(html).toMatch(
          new RegExp(`<input[^>]*name="identifiant"[^>]*value="${identifiant.replace(".", "\\.")}"`),
        );
        expect(cookieDeSession(reponse)).toBeUndefined();
      }
      const sixieme = await seConnecter(client, identifiant, "Mauvais-6-Mot!");
      const [alerte] = alertes(await sixieme.text());
      expect(alerte).toMatch(BLOQUE);
    }
    // the right password waits too, and opens nothing
    const juste = await seConnecter(client, espace.identifiant, espace.motDePasse);
    expect(alertes(await juste.text())[0]).toMatch(BLOQUE);
    expect(cookieDeSession(juste)).toBeUndefined();
    // the lock is the identifiant's: from another address it waits too
    const ailleurs = anonyme();
    expect(alertes(await (await seConnecter(ailleurs, espace.identifiant, espace.motDePasse)).text())[0]).toMatch(
      BLOQUE,
    );
  });

  it("la session est un cookie HttpOnly, SameSite=Lax, pour tout le site ; la déconnexion l'efface et la ferme", async () => {
    const espace = await espaceActive();
    const client = anonyme();
    const reponse = await seConnecter(client, espace.identifiant, espace.motDePasse);
    expect(reponse.status).toBe(303);
    expect(redirection(reponse)).toBe("/mon-espace");
    const cookie = cookieDeSession(reponse)!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    // APP_URL is http:// here; under https the cookie is Secure (lib/config.ts secureCookies)
    expect(cookie).not.toMatch(/; Secure/i);
    // without « Se souvenir de moi », the browser forgets it when it closes
    expect(cookie).not.toMatch(/; (Max-Age|Expires)=/i);
    expect((await requete(client, "/mon-espace")).status).toBe(200);

    const deconnexion = actionDuBuild("app/(portail)/actions.ts", "deconnexion");
    // the button's form (the action wrapper reads its FormData)
    const sortie = await appelerAction(client, { id: deconnexion.id, page: "/mon-espace" }, [new FormData()]);
    expect(redirection(sortie)).toMatch(/^\/connexion/);
    expect(cookieDeSession(sortie)).toMatch(/^pf_session=;.*Expires=Thu, 01 Jan 1970/i);
    // the token is revoked on the server, not only forgotten by the browser
    expect(redirection(await requete(client, "/mon-espace"))).toBe("/connexion?suite=%2Fmon-espace&expiree=1");
  });
});

describe("en-têtes de sécurité", () => {
  it("chaque sorte de réponse porte ses en-têtes ; les pages personnelles ne sont jamais mises en cache", async () => {
    const famille = await familleComplete("Harriet");
    const citoyen = await connecte({ kind: "USAGER", usagerId: famille.usager.id });
    const reponses: [string, Response][] = [
      ["page publique", await requete(anonyme(), "/mot-de-passe-oublie")],
      ["page servie depuis le cache", await requete(anonyme(), "/actualites")],
      ["page personnelle", await requete(citoyen, "/mon-espace")],
      ["redirection", await requete(anonyme(), "/mon-espace")],
      ["page introuvable", await requete(citoyen, "/agent")],
      ["route JSON", await requete(anonyme(), "/api/health")],
      ["fichier privé", await requete(citoyen, `/api/pieces/${famille.pieceId}`)],
      ["fichier statique", await requete(anonyme(), "/icon.svg")],
      [
        "action serveur",
        await appelerAction(
          citoyen,
          { id: actionDuBuild("app/(portail)/actions.ts", "deconnexion").id, page: "/mon-espace" },
          [new FormData()],
        ),
      ],
    ];
    for (const [sorte, reponse] of reponses) {
      expect(reponse.headers.get("referrer-policy"), sorte).toBe("strict-origin-when-cross-origin");
      expect(reponse.headers.get("x-content-type-options"), sorte).toBe("nosniff");
      expect(reponse.headers.get("x-frame-options"), sorte).toBe("DENY");
      expect(reponse.headers.get("x-powered-by"), sorte).toBeNull();
      const csp = reponse.headers.get("content-security-policy") ?? "";
      if (sorte === "fichier privé" || sorte === "route JSON" || sorte === "fichier statique") {
        // a route handler (a file, JSON, the icon), never a page: the one download policy, sandboxed, loading
        // nothing, put on every route handler by proxy.ts (issue 30; every route: tests/http/acces.test.ts)
        expect(csp, sorte).toBe(POLITIQUE_FICHIER);
      } else {
        expect(csp, sorte).toContain("frame-ancestors 'none'");
        expect(csp, sorte).toContain("object-src 'none'");
        expect(csp, sorte).toContain("base-uri 'self'");
        expect(csp, sorte).toMatch(/form-action 'self'/);
        expect(csp, sorte).not.toContain("unsafe-eval");
        // The logout's answer carries the login page it leads to (Next renders a server action's redirect target
        // into the same answer, headers included): the cached page's policy.
        if (sorte === "page servie depuis le cache" || sorte === "action serveur") {
          // the same bytes for everyone, so no nonce (proxy.ts): its own inline scripts and the site's files only
          expect(csp, sorte).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
          expect(csp, sorte).not.toContain("nonce-");
        } else {
          expect(csp, sorte).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
          expect(csp, sorte).not.toMatch(/script-src[^;]*unsafe-inline/);
        }
      }
    }
    // a fresh nonce for each answer
    const nonce = (reponse: Response) => reponse.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1];
    const de = (sorte: string) => reponses.find(([nom]) => nom === sorte)![1];
    expect(nonce(de("page publique"))).not.toBe(nonce(de("page personnelle")));
    for (const sorte of ["page personnelle", "redirection", "page introuvable", "fichier privé", "action serveur"]) {
      expect(de(sorte).headers.get("cache-control"), sorte).toContain("no-store");
    }
  });
});

describe("le mur entre les citoyens et les agents", () => {
  it("un parent connecté ne voit pas la console des agents, un agent ne voit pas l'espace citoyen", async () => {
    const espace = await espaceActive();
    const parent = anonyme();
    expect(redirection(await seConnecter(parent, espace.identifiant, espace.motDePasse))).toBe("/mon-espace");
    const console = await requete(parent, "/agent");
    expect(console.status).toBe(404);
    expect(await console.text()).toContain("Page introuvable");
    // the parent's session does not open the agents' login either: it is a citizen's
    expect((await requete(parent, "/mon-espace")).status).toBe(200);

    const agentRow = await nouvelAgent("AGENT");
    const agent = anonyme();
    expect(redirection(await requete(agent, "/agent"))).toBe("/agent/connexion");
    const connexion = await seConnecter(agent, agentRow.identifiant, MOT_DE_PASSE_AGENT, "/agent/connexion");
    expect(redirection(connexion)).toBe("/agent");
    const tableau = await requete(agent, "/agent");
    expect(tableau.status).toBe(200);
    // (React separates adjacent text with <!-- -->)
    expect((await tableau.text()).replaceAll("<!-- -->", "")).toContain("Bonjour Ttotte ETCHEVERRY (agent).");
    const espaceCitoyen = await requete(agent, "/mon-espace");
    expect(espaceCitoyen.status).toBe(404);
    expect(await espaceCitoyen.text()).toContain("Page introuvable");
    // and a citizen's identifiant does not log into the console
    const parentALaConsole = anonyme();
    const refus = await seConnecter(parentALaConsole, espace.identifiant, espace.motDePasse, "/agent/connexion");
    expect(alertes(await refus.text())).toEqual([IDENTIFIANTS_INCORRECTS]);
  });
});

describe("la page de connexion, servie depuis le cache", () => {
  it("rendue une fois puis servie telle quelle ; un changement de la commune la fait rendre de nouveau", async () => {
    const debut = Date.now() - 1000;
    await requete(anonyme(), "/connexion");
    const servie = await requete(anonyme(), "/connexion");
    expect(servie.status).toBe(200);
    // Next's own word for an answer from its cache, not rendered again
    expect(servie.headers.get("x-nextjs-cache")).toBe("HIT");
    // kept by Next on the server only (proxy.ts)
    expect(servie.headers.get("cache-control")).toBe("no-store");
    // nothing of the request in it: no session cookie set, the same page for everyone
    expect(servie.headers.get("set-cookie")).toBeNull();
    // kept in this server's memory (lib/web/cache-pages.mjs), never written into the build: the
    // servers that share a build (the e2e app, the demo) would serve it, rendered with this one's configuration
    expect(ecritsDansLeBuildDepuis(debut)).toEqual([]);
    // a path below it is a 404 answered for that request, never a page kept in the cache
    const inventee = await requete(anonyme(), "/connexion/nimporte-quoi");
    expect(inventee.status).toBe(404);
    expect(inventee.headers.get("x-nextjs-cache")).toBeNull();

    // The Paramétrage changes the commune's site (the footer's "Retour au site principal"), through its action.
    const avant = await db().commune.findUniqueOrThrow({ where: { id: 1 } });
    const admin = await connecte({ kind: "AGENT", agentId: (await nouvelAgent("ADMIN")).id });
    const enregistrer = actionDuBuild("app/(agent)/agent/parametrage/actions.ts", "enregistrerCommuneAction");
    const enregistrerSite = async (siteUrl: string | null) => {
      const champs = new FormData();
      for (const [nom, valeur] of Object.entries({
        nom: avant.nom,
        adresse: avant.adresse ?? "",
        serviceNom: avant.serviceNom,
        serviceEmail: avant.serviceEmail,
        telephone: avant.telephone ?? "",
        siteUrl: siteUrl ?? "",
        totpObligatoire: avant.totpObligatoire ? "on" : "",
        delaiJustificatifHeures: String(avant.delaiJustificatifHeures),
        heureLimiteMaladie: avant.heureLimiteMaladie,
      }))
        if (valeur !== "") champs.append(nom, valeur);
      const reponse = await appelerAction(admin, { id: enregistrer.id, page: "/agent/parametrage" }, [
        { values: {}, errors: {} },
        champs,
      ]);
      expect(reponse.status).toBe(200);
    };
    const site = `https://cache-${Date.now().toString(36)}.example.fr`;
    try {
      await enregistrerSite(site);
      expect((await db().commune.findUniqueOrThrow({ where: { id: 1 } })).siteUrl).toBe(site);
      const rendue = await requete(anonyme(), "/connexion");
      expect(rendue.headers.get("x-nextjs-cache")).not.toBe("HIT");
      expect(await rendue.text()).toContain(`href="${site}"`);
      // and kept again
      const gardee = await requete(anonyme(), "/connexion");
      expect(gardee.headers.get("x-nextjs-cache")).toBe("HIT");
      expect(await gardee.text()).toContain(`href="${site}"`);
    } finally {
      await enregistrerSite(avant.siteUrl);
    }
  });
});

describe("les pages publiques, servies depuis le cache", () => {
  const PAGES = [
    ["/", "Portail Famille de Villefranque"],
    ["/actualites", "Actualités"],
    ["/activites", "Activités"],
    ["/infos-pratiques", "Infos pratiques"],
    ["/documents-utiles", "Documents utiles"],
    ["/reglement-interieur", "Règlement intérieur"],
    ["/cgu", "Conditions générales d&#x27;utilisation"],
    ["/mentions-legales", "Mentions légales"],
    ["/accessibilite", "Déclaration d&#x27;accessibilité"],
    ["/espace-supprime", "Espace supprimé"],
  ] as const;

  it("chacune rendue une fois puis servie telle quelle, pour tous ; un chemin inventé dessous est une 404", async () => {
    const debut = Date.now() - 1000;
    const famille = await familleComplete("Coquille");
    const citoyen = await connecte({ kind: "USAGER", usagerId: famille.usager.id });
    for (const [page, titre] of PAGES) {
      await requete(anonyme(), page);
      const servie = await requete(anonyme(), page);
      expect(servie.status, page).toBe(200);
      expect(servie.headers.get("x-nextjs-cache"), page).toBe("HIT");
      expect(servie.headers.get("cache-control"), page).toBe("no-store");
      expect(servie.headers.get("set-cookie"), page).toBeNull();
      expect(servie.headers.get("content-security-policy"), page).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
      const html = await servie.text();
      expect(html, page).toContain(titre);
      // a logged-in parent gets the very same page: what is theirs is done in the browser
      const pourLeParent = await requete(citoyen, page);
      expect(pourLeParent.headers.get("x-nextjs-cache"), page).toBe("HIT");
      expect(await pourLeParent.text(), page).toBe(html);

      const inventee = await requete(anonyme(), `${page === "/" ? "/_accueil" : page}/nimporte-quoi`);
      expect(inventee.status, page).toBe(404);
      expect(inventee.headers.get("x-nextjs-cache"), page).toBeNull();
    }
    // the home page's own path (where the proxy sends `/`) is the same cached page, with the same policy
    const interne = await requete(anonyme(), "/_accueil");
    expect(interne.status).toBe(200);
    expect(interne.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(interne.headers.get("content-security-policy")).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
    expect(ecritsDansLeBuildDepuis(debut)).toEqual([]);
    // One request for one: Next serves the proxy's rewrite (`/` to /_accueil) itself, never by fetching it from
    // this server over HTTP (scripts/serveur.ts gives Next the proxy's origin), and the request log names the
    // path asked.
    const lignes = () => readFileSync(serveur.journal, "utf8").split("\n");
    // the direct request above is logged when its answer closes, which a loaded machine may write late
    const idInterne = interne.headers.get("x-request-id");
    await expect.poll(() => lignes().some((ligne) => ligne.includes(`"${idInterne}"`))).toBe(true);
    const avant = lignes().length;
    const id = (await requete(anonyme(), "/")).headers.get("x-request-id");
    await expect.poll(() => lignes().find((ligne) => ligne.includes(`"${id}"`))).toMatch(/"path":"\/","status":200/);
    expect(
      lignes()
        .slice(avant)
        .filter((ligne) => ligne.includes('"path":"/_accueil"')),
    ).toEqual([]);
  });

  it("une actualité publiée par un agent y est à la requête suivante", async () => {
    await requete(anonyme(), "/actualites");
    expect((await requete(anonyme(), "/actualites")).headers.get("x-nextjs-cache")).toBe("HIT");
    const agent = await connecte({ kind: "AGENT", agentId: (await nouvelAgent()).id });
    const titre = `Fermeture du centre ${Date.now().toString(36)}`;
    const champs = new FormData();
    champs.append("titre", titre);
    champs.append("texte", "Le centre de loisirs est fermé le vendredi 30 mai.");
    champs.append("statut", "PUBLIEE");
    const reponse = await appelerAction(
      agent,
      { id: actionDuBuild("app/(agent)/agent/portail/actions.ts", "creerActualiteAction").id, page: "/agent/portail" },
      [{ values: {}, errors: {} }, champs],
    );
    expect(reponse.status).toBe(200);
    const rendue = await requete(anonyme(), "/actualites");
    expect(rendue.headers.get("x-nextjs-cache")).not.toBe("HIT");
    expect(await rendue.text()).toContain(titre);
    const gardee = await requete(anonyme(), "/actualites");
    expect(gardee.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(await gardee.text()).toContain(titre);
  });
});

/** Files of Next's caches on disk (pages, data) written since `depuis`, under .next and the standalone copy. */
function ecritsDansLeBuildDepuis(depuis: number): string[] {
  const racine = fileURLToPath(new URL("../..", import.meta.url));
  return [".next/server/route-cache", ".next/cache/fetch-cache", ".next/standalone/.next/server/route-cache"]
    .map((dossier) => join(racine, dossier))
    .filter((dossier) => existsSync(dossier))
    .flatMap((dossier) => readdirSync(dossier, { recursive: true, encoding: "utf8" }).map((nom) => join(dossier, nom)))
    .filter((fichier) => statSync(fichier).isFile() && statSync(fichier).mtimeMs >= depuis);
}
