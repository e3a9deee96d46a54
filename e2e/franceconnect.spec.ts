// FranceConnect, at 1280 and at 360 px, against the stand-in provider (tests/stand-ins/franceconnect.ts, started
// by playwright.config.ts): a first sign-in creates a space with its Identité taken from FranceConnect, which is
// activated by its mail, logged out of (and out of FranceConnect), and opened again by FranceConnect alone; another
// parent links FranceConnect to the space they already have. Each project has its own server and stand-in, so
// the two fixed demo identities are new to each.
import { test, expect } from "./fixtures/test";
import type { Page } from "@playwright/test";
import {
  creerEspaceViaAssistant,
  nouveauParent,
  seConnecter,
  suivant,
  verifierAltcha,
  MOT_DE_PASSE,
} from "./fixtures/espace";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const FRANCECONNECT = `http://127.0.0.1:${Number(process.env.E2E_FRANCECONNECT_PORT ?? PORT + 165)}`;

/** The button on /connexion, then the stand-in's page, where the identity is picked. */
async function sIdentifierAvecFranceConnect(page: Page, identite: RegExp) {
  await page.goto("/connexion");
  await page.getByRole("button", { name: "S'identifier avec FranceConnect" }).click();
  await expect(page).toHaveURL(new RegExp(`^${FRANCECONNECT}/interaction/`));
  await page.getByRole("button", { name: identite }).click();
}

async function sessionFranceConnect(page: Page) {
  return (await page.context().cookies(FRANCECONNECT)).some((cookie) => cookie.name === "fc_session");
}

test("première connexion avec FranceConnect : l'espace créé avec l'identité reprise, activé, puis ouvert par FranceConnect", async ({
  page,
  mails,
  expectNoAxeViolations,
}, testInfo) => {
  test.setTimeout(120_000);
  const parent = nouveauParent(testInfo, "fc");

  await page.goto("/connexion");
  await expect(page.getByRole("link", { name: "Qu'est-ce que FranceConnect ?" })).toHaveAttribute("target", "_blank");
  await expectNoAxeViolations(page);
  await sIdentifierAvecFranceConnect(page, /Angela Claire Louise DUBOIS/);

  await expect(page).toHaveURL(/\/connexion\/franceconnect$/);
  await expect(page.getByText("Angela Claire Louise DUBOIS")).toBeVisible();
  await expectNoAxeViolations(page);
  const creer = page.locator("section", { has: page.getByRole("heading", { name: "Créer mon espace" }) });
  await creer.getByRole("link", { name: "Créer mon espace" }).click();

  await page.getByLabel("J'accepte les conditions générales d'utilisation.").check();
  await suivant(page);
  // Identité: what FranceConnect says, read-only; the nom usuel alone is the parent's.
  await expect(page.getByLabel("Prénom(s)")).toHaveValue("Angela Claire Louise");
  await expect(page.getByLabel("Prénom(s)")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("Nom de naissance")).toHaveValue("DUBOIS");
  await expect(page.getByLabel("Date de naissance")).toHaveValue("1962-08-24");
  await expect(page.getByLabel("Civilité")).toHaveValue("Madame");
  await expectNoAxeViolations(page);
  await suivant(page);
  await page.getByLabel("Code postal").fill("64990");
  await page.getByLabel("Ville").fill("Villefranque");
  await suivant(page);
  await page.getByLabel("Courriel").fill(parent.courriel);
  await suivant(page);
  // No password: FranceConnect opens this space.
  await expect(page.getByRole("textbox", { name: "Mot de passe", exact: true })).toHaveCount(0);
  await page.getByLabel("Identifiant d'utilisateur").fill(parent.identifiant);
  await verifierAltcha(page);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("heading", { name: "Confirmation de création de votre espace" })).toBeVisible();

  await page.goto(
    mails.link(
      await mails.waitFor({ to: parent.courriel, subject: "Création de votre espace personnel" }),
      "/activation/",
    ),
  );
  await expect(
    page.getByText(`Votre espace a bien été activé pour le nom d'utilisateur ${parent.identifiant}.`),
  ).toBeVisible();

  await sIdentifierAvecFranceConnect(page, /Angela Claire Louise DUBOIS/);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(page).toHaveTitle(/Mon accueil/);
  expect(await sessionFranceConnect(page)).toBe(true);

  // Se déconnecter ends the portal's session and FranceConnect's, then comes back to the login page.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await expect(page).toHaveURL(/\/connexion\?deconnecte=1/);
  expect(await sessionFranceConnect(page)).toBe(false);
  await page.goto("/mon-espace");
  await expect(page).toHaveURL(/\/connexion/);

  await sIdentifierAvecFranceConnect(page, /Angela Claire Louise DUBOIS/);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(page).toHaveTitle(/Mon accueil/);
  await expectNoAxeViolations(page);
});

test("un parent qui a déjà un espace l'associe à FranceConnect, qui l'ouvre ensuite", async ({
  page,
  mails,
  expectNoAxeViolations,
}, testInfo) => {
  test.setTimeout(120_000);
  const parent = nouveauParent(testInfo, "fclien");
  await creerEspaceViaAssistant(page, parent);
  await page.goto(
    mails.link(
      await mails.waitFor({ to: parent.courriel, subject: "Création de votre espace personnel" }),
      "/activation/",
    ),
  );

  await sIdentifierAvecFranceConnect(page, /Pierre Paul MERCIER/);
  await expect(page).toHaveURL(/\/connexion\/franceconnect$/);
  const deja = page.locator("section", { has: page.getByRole("heading", { name: "J'ai déjà un espace" }) });
  await deja.getByLabel("Mot de passe").fill("Pas-le-bon-mot-1!");
  await deja.getByLabel("Identifiant").fill(parent.identifiant);
  await deja.getByRole("button", { name: "Connexion" }).click();
  await expect(page.getByText("Identifiant ou mot de passe incorrect.")).toBeVisible();
  await expect(deja.getByLabel("Identifiant")).toHaveValue(parent.identifiant);
  await expectNoAxeViolations(page);
  await deja.getByLabel("Mot de passe").fill(MOT_DE_PASSE);
  await deja.getByRole("button", { name: "Connexion" }).click();
  await expect(page).toHaveURL(/\/mon-espace$/);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await sIdentifierAvecFranceConnect(page, /Pierre Paul MERCIER/);
  await expect(page).toHaveURL(/\/mon-espace$/);

  // Modifier mon espace: Dissocier FranceConnect; the identifiant and password still open the space.
  await page.goto("/mon-profil");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Dissocier FranceConnect" }).click();
  await expect(page.getByText("Votre espace n'est pas associé à FranceConnect.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await seConnecter(page, parent.identifiant);
  await expect(page).toHaveURL(/\/mon-espace$/);
});

test(
  "un agent se connecte avec le compte de la commune, qui a fait le second facteur",
  { tag: "@bureau" },
  async ({ page, expectNoAxeViolations }) => {
    await page.goto("/agent/connexion");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Se connecter avec le compte de la commune" }).click();
    await page.getByRole("button", { name: /admin\.demo/ }).click();
    // admin.demo owes a TOTP code after a password; the commune's provider asserted amr "mfa" instead.
    await expect(page).toHaveURL(/\/agent$/);
  },
);
