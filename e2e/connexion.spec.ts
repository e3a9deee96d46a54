// The forgotten-password round trip: the link received lets the parent choose a new password and closes the
// other sessions. (Login throttling, the citizen/agent wall, the security headers and cookie flags are rules no
// browser changes: tests/http.)
import { test, expect } from "./fixtures/test";
import { MOT_DE_PASSE, seConnecter, verifierAltcha } from "./fixtures/espace";
import { retenirLeJavaScript } from "./fixtures/hydratation";

test("mot de passe oublié : le lien reçu permet d'en choisir un nouveau et ferme les autres sessions", async ({
  page,
  browser,
  mails,
  fabrique,
  expectNoAxeViolations,
}) => {
  const parent = await fabrique.espace({ prefixe: "oubli" });
  expect(parent.motDePasse).toBe(MOT_DE_PASSE);

  // An older session, in another browser, opened by the login form
  const autre = await browser.newContext();
  const ancienne = await autre.newPage();
  await seConnecter(ancienne, parent.identifiant);
  await expect(ancienne).toHaveURL(/\/mon-espace$/);

  await page.goto("/connexion");
  await page.getByRole("link", { name: "J'ai oublié mon mot de passe." }).click();
  // a navigation within the site: the new page's title replaces the login page's after its body, so the scan
  // waits for it (the fixture's wait for a title is met by the old one)
  await expect(page).toHaveTitle(/Mot de passe oublié/);
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

test("la page de connexion, la même pour tous : un parent connecté va sur Mon accueil, un indice périmé ne boucle pas", async ({
  page,
  fabrique,
  expectNoAxeViolations,
}) => {
  const parent = await fabrique.espace({ prefixe: "deja" });
  await seConnecter(page, parent.identifiant);
  await expect(page).toHaveURL(/\/mon-espace$/);
  // a public page learns it in the browser: its header offers to log out
  await page.goto("/actualites");
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await page.goto("/connexion");
  await expect(page).toHaveURL(/\/mon-espace$/);

  // The session is gone (here: its cookie), the browser's hint stays: the login page stays, and drops the hint.
  await page.context().clearCookies({ name: "pf_session" });
  await page.goto("/connexion?suite=%2Fmon-espace");
  await expect(page.getByRole("heading", { level: 1, name: "Mon espace perso" })).toBeVisible();
  await expect
    .poll(async () => (await page.context().cookies()).some((cookie) => cookie.name === "pf_espace"))
    .toBe(false);
  await expect(page).toHaveURL(/\/connexion\?suite=/);
  await expect(page.getByRole("link", { name: "Mon espace perso" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("sans JavaScript, la connexion suit encore `suite` (l'adresse de la page de connexion vient avec le formulaire)", async ({
  browser,
  baseURL,
  fabrique,
}) => {
  const parent = await fabrique.espace({ prefixe: "sansjs" });
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(`/connexion?suite=${encodeURIComponent("/mon-profil")}`);
  await seConnecter(page, parent.identifiant, parent.motDePasse, { ici: true });
  await expect(page).toHaveURL(/\/mon-profil$/);
  await context.close();
});

test("ce qui est tapé avant que la page ait son JavaScript est envoyé tel quel", async ({ page, fabrique }) => {
  const parent = await fabrique.espace({ prefixe: "tot" });
  const { liberer } = await retenirLeJavaScript(page);
  await page.goto("/connexion", { waitUntil: "commit" });
  await page.getByLabel("Mot de passe").fill(parent.motDePasse);
  await page.getByLabel("Identifiant").fill(parent.identifiant);
  liberer();
  await page.waitForLoadState("load");
  await expect(page.getByLabel("Mot de passe")).toHaveValue(parent.motDePasse);
  // a render after hydration (the rule's ticks, « Afficher ») keeps it too
  await page.getByRole("button", { name: "Afficher : Mot de passe" }).click();
  await expect(page.getByLabel("Mot de passe")).toHaveValue(parent.motDePasse);
  await page.getByRole("button", { name: "Connexion" }).click();
  await expect(page).toHaveURL(/\/mon-espace$/);
});
