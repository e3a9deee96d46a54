// The security review's findings (issue 12) that need a browser or a running server: the redirect after a
// real login, every form posting with or without JavaScript, the sandbox policy of a download reaching the
// browser, and a file over the limit that loses nothing typed. Rules without a browser are in
// tests/integration/securite-espaces.test.ts, securite-connexion.test.ts and securite-donnees.test.ts.
//
// Each test builds its own parent (and agent) through the factories. The redirect's tests and the forms' test
// log in through the login forms, which are their subject (a login without JavaScript must post, not put the
// password in a URL); the others open a session with `connecter`. Each test comes from an address of its own
// (the e2e server believes the loopback runner's X-Forwarded-For): its logins and its wizard draft count
// against no other spec's per-address limits, nor theirs against it.
import { randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { seConnecter } from "./fixtures/espace";

const MO = 1024 * 1024;

/** A client address of this test only, in 10.0.0.0/8. */
function adresseDuTest(): Record<string, string> {
  return { "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` };
}

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders(adresseDuTest());
});

test.describe("open redirect after login", { tag: "@bureau" }, () => {
  for (const suite of [
    "%2F%09%2Fevil.example%2Fphish",
    "%2F%0D%0A%2Fevil.example",
    "%2Fmon-profil%0D%0ASet-Cookie%3A%20x%3D1",
  ]) {
    test(`suite=${suite} leads to Mon accueil, never elsewhere nor to a 500`, async ({
      page,
      baseURL,
      fabrique,
      expectNoAxeViolations,
    }) => {
      const parent = await fabrique.espace();
      const reponses: number[] = [];
      page.on("response", (reponse) => reponses.push(reponse.status()));
      await page.goto(`/connexion?suite=${suite}`);
      await expectNoAxeViolations(page);
      await seConnecter(page, parent.identifiant, parent.motDePasse, { ici: true });
      await expect(page).toHaveURL(`${baseURL}/mon-espace`);
      await expectNoAxeViolations(page);
      expect(reponses.filter((status) => status >= 500)).toEqual([]);
    });
  }

  test("a path of the portal is still followed", async ({ page, baseURL, fabrique, expectNoAxeViolations }) => {
    const parent = await fabrique.espace();
    await page.goto(`/connexion?suite=${encodeURIComponent("/mon-profil")}`);
    await expectNoAxeViolations(page);
    await seConnecter(page, parent.identifiant, parent.motDePasse, { ici: true });
    await expect(page).toHaveURL(`${baseURL}/mon-profil`);
    await expectNoAxeViolations(page);
  });
});

/** A browser context without JavaScript: what a form does before hydration, or for whoever disables it. */
async function sansJavaScript(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    extraHTTPHeaders: adresseDuTest(),
  });
  return { context, page: await context.newPage() };
}

/**
 * The axe scan of a page shown without JavaScript. axe needs timers, which such a context never fires: the
 * page's DOM as the browser built it without scripts is scanned in a page with JavaScript, served that very
 * HTML, its scripts refused (so nothing hydrates it), its stylesheets and images from the app.
 */
async function analyserSansJavaScript(page: Page, expectNoAxeViolations: (page: Page) => Promise<void>) {
  const html = await page.content();
  const lecteur = await page.context().browser()!.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  try {
    const copie = await lecteur.newPage();
    await copie.route("**/*", async (route) => {
      const requete = route.request();
      if (requete.isNavigationRequest() && requete.frame() === copie.mainFrame())
        await route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
      else if (requete.resourceType() === "script") await route.abort();
      else await route.continue();
    });
    await copie.goto(page.url());
    await expectNoAxeViolations(copie);
  } finally {
    await lecteur.close();
  }
}

/** Each form of the page: its method, whether React made it a server action, and its password fields. */
function formulaires(page: Page) {
  return page.locator("form").evaluateAll((forms) =>
    forms.map((form) => ({
      method: (form.getAttribute("method") ?? "").toLowerCase(),
      action: form.getAttribute("action") ?? "",
      actionServeur: form.querySelector('input[name^="$ACTION_"]') !== null,
      motsDePasse: form.querySelectorAll('input[type="password"]').length,
      html: form.outerHTML.slice(0, 160),
    })),
  );
}

async function verifierFormulaires(
  page: Page,
  chemins: string[],
  expectNoAxeViolations: (page: Page) => Promise<void>,
) {
  for (const chemin of chemins) {
    const reponse = await page.goto(chemin);
    // the page itself, not a redirect elsewhere (a login page, Mon accueil) nor an error
    expect(reponse?.status(), chemin).toBe(200);
    expect(new URL(page.url()).pathname, chemin).toBe(chemin);
    await analyserSansJavaScript(page, expectNoAxeViolations);
    for (const form of await formulaires(page)) {
      // A search (method="get", said on purpose) changes nothing and holds no password; anything else posts.
      const recherche = form.method === "get" && form.motsDePasse === 0;
      expect(form.method === "post" || form.actionServeur || recherche, `${chemin} : ${form.html}`).toBe(true);
      expect(form.action.startsWith("javascript:"), `${chemin} : ${form.html}`).toBe(false);
    }
  }
}

test.describe("passwords can end up in a URL", { tag: "@bureau" }, () => {
  // One test per area, so the workers share them.
  test("every form of the public pages posts, without JavaScript", async ({
    browser,
    baseURL,
    expectNoAxeViolations,
  }) => {
    const { context, page } = await sansJavaScript(browser, baseURL);
    await verifierFormulaires(
      page,
      ["/", "/connexion", "/mot-de-passe-oublie", "/creer-mon-espace", "/activation/renvoyer", "/agent/connexion"],
      expectNoAxeViolations,
    );
    await context.close();
  });

  test("every form of the portal posts, without JavaScript", async ({
    browser,
    baseURL,
    fabrique,
    expectNoAxeViolations,
  }) => {
    test.setTimeout(90_000);
    // A validated family: its inscriptions and documents pages have something to show.
    const parent = await fabrique.familleValidee();
    const { context, page } = await sansJavaScript(browser, baseURL);
    await seConnecter(page, parent.identifiant, parent.motDePasse);
    await expect(page).toHaveURL(/\/mon-espace$/);
    await verifierFormulaires(
      page,
      [
        "/mon-espace",
        "/mon-profil",
        "/mon-profil/identite",
        "/mon-profil/mot-de-passe",
        "/mon-profil/supprimer",
        "/mes-informations/courriel",
        "/mes-informations/telephones",
        "/mes-informations/adresse",
        "/mes-documents",
        "/inscriptions",
      ],
      expectNoAxeViolations,
    );
    await context.close();
  });

  test("every form of the console posts, without JavaScript", async ({
    browser,
    baseURL,
    fabrique,
    expectNoAxeViolations,
  }) => {
    // A demande waiting in the console's list.
    const [agent] = await Promise.all([fabrique.agent(), fabrique.familleDeposee()]);
    const { context, page } = await sansJavaScript(browser, baseURL);
    await page.goto("/agent/connexion");
    await page.getByLabel("Identifiant").fill(agent.identifiant);
    await page.getByLabel("Mot de passe").fill(agent.motDePasse);
    await page.getByRole("button", { name: "Connexion" }).click();
    // an agent without TOTP (the commune does not require it) reaches the console at once
    await expect(page).toHaveURL(/\/agent$/);
    await verifierFormulaires(
      page,
      ["/agent", "/agent/demandes", "/agent/familles", "/agent/portail", "/agent/portail/activites"],
      expectNoAxeViolations,
    );
    await context.close();
  });

  test("the password change, sent without JavaScript, is a POST that reaches the server", async ({
    browser,
    baseURL,
    fabrique,
    connecter,
    expectNoAxeViolations,
  }) => {
    const parent = await fabrique.espace();
    const { context, page } = await sansJavaScript(browser, baseURL);
    const requetes: { method: string; url: string }[] = [];
    page.on("request", (requete) => requetes.push({ method: requete.method(), url: requete.url() }));
    await connecter(context, parent);
    await page.goto("/mon-espace");
    await expect(page).toHaveURL(/\/mon-espace$/);
    await analyserSansJavaScript(page, expectNoAxeViolations);
    await page.goto("/mon-profil/mot-de-passe");
    await analyserSansJavaScript(page, expectNoAxeViolations);
    await page.locator('input[name="motDePasseActuel"]').fill("Pas-le-bon-2026!");
    await page.locator('input[name="motDePasse"]').fill("Tout-Nouveau-2026!");
    await page.locator('input[name="confirmation"]').fill("Tout-Nouveau-2026!");
    await page.getByRole("button", { name: "Valider" }).click();
    // the server's answer, beside the field: the form went to the action, not into a URL
    await expect(page.getByText("Ce mot de passe n'est pas celui de votre espace.")).toBeVisible();
    await analyserSansJavaScript(page, expectNoAxeViolations);
    expect(requetes.filter((r) => /motDePasse|Tout-Nouveau|Pas-le-bon/.test(r.url))).toEqual([]);
    expect(requetes.some((r) => r.method === "POST" && r.url.endsWith("/mon-profil/mot-de-passe"))).toBe(true);
    await context.close();
  });
});

test(
  "the sandbox CSP of file downloads reaches the browser",
  { tag: "@bureau" },
  async ({ page, fabrique, connecter, expectNoAxeViolations }) => {
    const famille = await fabrique.familleValidee();
    await connecter(page, famille);
    await page.goto("/mon-espace");
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expectNoAxeViolations(page);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const envoi = await page.request.post("/api/pieces", {
      multipart: {
        type: "JUSTIFICATIF_DOMICILE",
        fichier: { name: "domicile.pdf", mimeType: "application/pdf", buffer: pdf },
      },
    });
    expect(envoi.status()).toBe(200);
    const { piece } = (await envoi.json()) as { piece: { id: string } };
    const reponse = await page.request.get(`/api/pieces/${piece.id}`);
    expect(reponse.status()).toBe(200);
    const csp = reponse.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("sandbox");
    expect(csp).not.toContain("nonce-");
    // the page policy still reaches the pages
    const accueil = await page.request.get("/mon-espace");
    expect(accueil.headers()["content-security-policy"]).toContain("nonce-");
    // a malformed Origin is refused, not a 500
    const origine = await page.request.post("/api/pieces", {
      headers: { origin: "http://[" },
      multipart: { type: "x" },
    });
    expect(origine.status()).toBe(403);
  },
);

test.describe("an attachment over the limit loses what was typed", { tag: "@bureau" }, () => {
  const douzeMo = { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(12 * MO, 0x25) };
  const TEXTE = "Voici le justificatif demandé, bonne journée.";
  const TROP_LOURD = "Le fichier dépasse 10 Mo : choisissez un fichier plus léger.";

  test("in Échanges, the browser refuses a 12 MB piece beside the field, the message kept", async ({
    page,
    fabrique,
    connecter,
    expectNoAxeViolations,
  }) => {
    const famille = await fabrique.familleDeposee();
    await connecter(page, famille);
    await page.goto("/mon-espace");
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expectNoAxeViolations(page);
    await page.goto(`/demandes/${famille.numero}?onglet=echanges`);
    await expectNoAxeViolations(page);
    await page.getByLabel("Votre message").fill(TEXTE);
    await page.getByLabel("Pièce jointe").setInputFiles(douzeMo);
    await page.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.locator("#piece-erreur")).toHaveText(TROP_LOURD);
    await expect(page.getByLabel("Votre message")).toHaveValue(TEXTE);
    await expectNoAxeViolations(page);
  });

  test("without JavaScript, the server answers the same beside the field, the message kept", async ({
    browser,
    baseURL,
    fabrique,
    connecter,
    expectNoAxeViolations,
  }) => {
    const famille = await fabrique.familleDeposee();
    const { context, page } = await sansJavaScript(browser, baseURL);
    await connecter(context, famille);
    await page.goto("/mon-espace");
    await expect(page).toHaveURL(/\/mon-espace$/);
    await analyserSansJavaScript(page, expectNoAxeViolations);
    await page.goto(`/demandes/${famille.numero}?onglet=echanges`);
    await analyserSansJavaScript(page, expectNoAxeViolations);
    await page.getByLabel("Votre message").fill(TEXTE);
    await page.getByLabel("Pièce jointe").setInputFiles(douzeMo);
    await page.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.locator("#piece-erreur")).toHaveText(TROP_LOURD);
    await expect(page.getByLabel("Votre message")).toHaveValue(TEXTE);
    await analyserSansJavaScript(page, expectNoAxeViolations);
    await context.close();
  });

  test("the wizard's photo over 5 MB is refused beside the field, what was typed kept", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/creer-mon-espace");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: /je crée mon espace|reprendre/i }).click();
    await page.getByLabel("J'accepte les conditions générales d'utilisation.").check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.getByLabel("Nom usuel").fill("Etchart");
    await expectNoAxeViolations(page);
    await page
      .getByLabel("Photo")
      .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(12 * MO, 0xff) });
    await page.getByRole("button", { name: "Suivant" }).click();
    await expect(page.locator("#photo-erreur")).toHaveText(
      "Le fichier dépasse 5 Mo : choisissez un fichier plus léger.",
    );
    await expect(page.getByLabel("Nom usuel")).toHaveValue("Etchart");
    await expectNoAxeViolations(page);
  });
});
