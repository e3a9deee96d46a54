// Login refusals and throttling, the forgotten-password round trip, and the wall between citizens and agents.
import { test, expect } from "./fixtures/test";
import {
  creerEspaceViaAssistant,
  MOT_DE_PASSE,
  nouveauParent,
  seConnecter,
  activerDepuisLien,
  verifierAltcha,
} from "./fixtures/espace";
import { seConnecterAgent } from "./fixtures/agent";

async function activer(
  page: import("@playwright/test").Page,
  mails: import("./fixtures/test").Mails,
  parent: ReturnType<typeof nouveauParent>,
) {
  await creerEspaceViaAssistant(page, parent);
  await activerDepuisLien(
    page,
    mails.link(
      await mails.waitFor({ to: parent.courriel, subject: "Création de votre espace personnel" }),
      "/activation/",
    ),
  );
}

test(
  "six mauvais mots de passe : la sixième tentative attend, sans dire si l'identifiant existe",
  { tag: "@telephone" },
  async ({ page, mails, expectNoAxeViolations }, testInfo) => {
    const parent = nouveauParent(testInfo, "verrou");
    await activer(page, mails, parent);
    // This test's own client address (as a reverse proxy would pass it), so that its ten failures do not
    // count against the other tests' address, limited to 20 failures in 15 minutes.
    await page.setExtraHTTPHeaders({
      "x-forwarded-for": testInfo.project.name === "mobile" ? "198.51.100.2" : "198.51.100.1",
    });

    for (const identifiant of [parent.identifiant, `inconnu.${parent.identifiant}`]) {
      for (let essai = 1; essai <= 5; essai++) {
        await seConnecter(page, identifiant, `Mauvais-${essai}-Mot!`);
        await expect(page.locator("main").getByRole("alert")).toHaveText("Identifiant ou mot de passe incorrect.");
        await expect(page.getByLabel("Identifiant")).toHaveValue(identifiant);
      }
      await seConnecter(page, identifiant, "Mauvais-6-Mot!");
      await expect(page.locator("main").getByRole("alert")).toHaveText(
        /^Trop de tentatives de connexion\. Par sécurité, réessayez à partir de \d{2}:\d{2}\.$/,
      );
    }
    await expectNoAxeViolations(page);
    // the right password waits too
    await seConnecter(page, parent.identifiant);
    await expect(page.locator("main").getByRole("alert")).toContainText("Trop de tentatives de connexion.");
  },
);

test("mot de passe oublié : le lien reçu permet d'en choisir un nouveau et ferme les autres sessions", async ({
  page,
  browser,
  mails,
  expectNoAxeViolations,
}, testInfo) => {
  const parent = nouveauParent(testInfo, "oubli");
  await activer(page, mails, parent);

  // An older session, in another browser
  const autre = await browser.newContext();
  const ancienne = await autre.newPage();
  await seConnecter(ancienne, parent.identifiant);
  await expect(ancienne).toHaveURL(/\/mon-espace$/);

  await page.goto("/connexion");
  await page.getByRole("link", { name: "J'ai oublié mon mot de passe." }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Identifiant ou courriel").fill(parent.courriel);
  // the anti-bot check: this form makes the portal write to someone
  await verifierAltcha(page);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByText(/Si un espace activé correspond, un courriel vient de vous être envoyé/)).toBeVisible();

  const mail = await mails.waitFor({ to: parent.courriel, subject: "Réinitialisation de votre mot de passe" });
  expect(mail.text).toContain("valable 1 heure");
  const lien = mails.link(mail, "/mot-de-passe-oublie/");
  await page.goto(lien);
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Nouveau mot de passe", exact: true }).fill("court");
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill("court");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.locator("#motDePasse-erreur")).toContainText(
    "Le mot de passe doit contenir au minimum 8 caractère(s)",
  );
  await page.getByRole("textbox", { name: "Nouveau mot de passe", exact: true }).fill("Nouveau-Mot-2026!");
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill("Nouveau-Mot-2026!");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Votre mot de passe a été modifié. Connectez-vous avec le nouveau.")).toBeVisible();

  // The older session no longer works; the old password neither; the link is spent.
  await ancienne.reload();
  await expect(ancienne).toHaveURL(/\/connexion/);
  await autre.close();
  await seConnecter(page, parent.identifiant, MOT_DE_PASSE);
  await expect(page.locator("main").getByRole("alert")).toHaveText("Identifiant ou mot de passe incorrect.");
  await seConnecter(page, parent.identifiant, "Nouveau-Mot-2026!");
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto(lien);
  await expect(page.getByText("Ce lien a déjà été utilisé.")).toBeVisible();
});

test(
  "un parent connecté ne voit pas la console des agents, un agent ne voit pas l'espace citoyen",
  { tag: "@bureau" },
  async ({ page, expectNoAxeViolations }) => {
    await seConnecter(page, "parent.demo", "Famille-Demo-2026!");
    await expect(page).toHaveURL(/\/mon-espace$/);
    const response = await page.goto("/agent");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/mon-espace");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();

    await page.goto("/agent");
    await expect(page).toHaveURL(/\/agent\/connexion$/);
    await expectNoAxeViolations(page);
    await seConnecterAgent(page, "agent.demo", "Agent-Demo-2026!");
    await expect(page.getByRole("heading", { name: "Console des agents" })).toBeVisible();
    await expect(page.getByText("Bonjour Maite IRIGOYEN (agent).")).toBeVisible();
    expect((await page.goto("/mon-espace"))?.status()).toBe(404);
  },
);

test(
  "chaque réponse porte ses en-têtes de sécurité ; la session est un cookie HttpOnly, SameSite=Lax",
  { tag: "@bureau" },
  async ({ page, context }) => {
    const accueil = await page.goto("/connexion");
    const headers = accueil!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");

    await seConnecter(page, "parent.demo", "Famille-Demo-2026!");
    await expect(page).toHaveURL(/\/mon-espace$/);
    const session = (await context.cookies()).find((cookie) => cookie.name === "pf_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const monEspace = await page.goto("/mon-espace");
    expect(monEspace!.headers()["cache-control"]).toContain("no-store");

    // The e2e server has SMTP_URL: the preview mailbox does not exist.
    expect((await page.goto("/dev/mails"))?.status()).toBe(404);
  },
);
