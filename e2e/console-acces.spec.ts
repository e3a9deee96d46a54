// Getting into the console: the admin with password then TOTP code, who creates an agent; a new admin's TOTP
// enrolment and the recovery code; an agent's account disabled from its fiche. (The 403/404 matrix, TOTP
// throttling and replay, and a disabled agent's open session are rules no browser changes: tests/http.)
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { codeTotpPour } from "./fixtures/agent";

const MOT_DE_PASSE_AGENT = "Console-Agent-2026!";

/** The admin (logged in on `page`) creates an agent from the console; ends on the new agent's fiche. */
async function creerAgentViaConsole(page: Page, identifiant: string, role: "Agent" | "Administrateur") {
  await page.goto("/agent/agents/nouveau");
  await page.getByLabel("Identifiant").fill(identifiant);
  await page.getByLabel("Courriel").fill(`${identifiant}@mairie.test`);
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Etcheverry");
  await page.getByLabel("Prénom").fill("Ttotte");
  await page.getByLabel("Rôle").selectOption({ label: role });
  await page.getByRole("textbox", { name: "Mot de passe initial", exact: true }).fill(MOT_DE_PASSE_AGENT);
  await page.getByRole("button", { name: "Créer l'agent" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ttotte ETCHEVERRY");
}

test("l'administrateur se connecte avec son mot de passe puis son code, et crée un agent", async ({
  page,
  fabrique,
  expectNoAxeViolations,
}, testInfo) => {
  const admin = await fabrique.agent({ prefixe: "admin", role: "ADMIN", totp: true, nom: "Larralde", prenom: "Peio" });
  await page.goto("/agent/connexion");
  await expectNoAxeViolations(page);
  await page.getByLabel("Identifiant").fill(admin.identifiant);
  await page.getByLabel("Mot de passe").fill(admin.motDePasse);
  await page.getByRole("button", { name: "Connexion" }).click();
  await expect(page).toHaveURL(/\/agent\/connexion\/code/);
  await expect(page.getByRole("heading", { name: "Code de vérification" })).toBeVisible();
  // The half-open session opens nothing else.
  await page.goto("/agent/agents");
  await expect(page).toHaveURL(/\/agent\/connexion\/code$/);
  await page.getByRole("textbox", { name: "Code de vérification" }).fill("000000");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.locator("#code-erreur")).toContainText("Code incorrect ou déjà utilisé");
  await expectNoAxeViolations(page);
  await page
    .getByRole("textbox", { name: "Code de vérification" })
    .fill(await codeTotpPour(admin.identifiant, admin.totp!));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Bonjour Peio LARRALDE (administrateur).")).toBeVisible();

  await page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agents");
  await expect(page.getByRole("listitem").filter({ hasText: admin.identifiant })).toContainText("Activée");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Créer un agent" }).click();
  await page.getByRole("button", { name: "Créer l'agent" }).click();
  await expect(page.locator("#identifiant-erreur")).toBeVisible();
  await expect(page.locator("#motDePasse-erreur")).toHaveText("Indiquez le mot de passe initial.");
  await page.getByLabel("Courriel").fill("pas-un-courriel");
  await page.getByRole("button", { name: "Créer l'agent" }).click();
  await expect(page.locator("#courriel-erreur")).toContainText("adresse courriel valide");
  await expect(page.getByLabel("Courriel")).toHaveValue("pas-un-courriel");
  await expectNoAxeViolations(page);

  const identifiant = `cree.${testInfo.workerIndex}${Date.now().toString(36)}`;
  await creerAgentViaConsole(page, identifiant, "Agent");
  await expect(page.getByText("Le compte de Ttotte ETCHEVERRY a été créé.")).toBeVisible();
  await expectNoAxeViolations(page);
  // disabled from its fiche (what its open sessions then meet: tests/http)
  await page.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(page.getByText("Le compte a été désactivé et ses sessions fermées.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Réactiver le compte" })).toBeVisible();
  await expect(page.getByText("Désactivé", { exact: true })).toBeVisible();
  await page.goto("/agent/agents");
  await expect(page.getByRole("listitem").filter({ hasText: identifiant })).toContainText("Jamais");
  await page.goto("/agent/securite");
  await expect(page.getByText(/La double authentification est activée depuis le/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("un nouvel administrateur configure sa double authentification, puis entre avec un code de secours", async ({
  page,
  fabrique,
  connecter,
  browser,
  expectNoAxeViolations,
}, testInfo) => {
  const admin = await fabrique.agent({ prefixe: "admin", role: "ADMIN", totp: true });
  await connecter(page, admin);
  // A new admin: after the password, the enrolment page (QR code, key), then the recovery codes.
  const nouvel = `nouvel.admin.${testInfo.workerIndex}${Date.now().toString(36)}`;
  await creerAgentViaConsole(page, nouvel, "Administrateur");
  const second = await (await browser.newContext()).newPage();
  await second.goto("/agent/connexion");
  await second.getByLabel("Identifiant").fill(nouvel);
  await second.getByLabel("Mot de passe").fill(MOT_DE_PASSE_AGENT);
  await second.getByRole("button", { name: "Connexion" }).click();
  await expect(second).toHaveURL(/\/agent\/securite$/);
  await expect(
    second.getByRole("img", { name: "QR code à scanner avec votre application d'authentification" }),
  ).toBeVisible();
  await expectNoAxeViolations(second);
  const secret = (await second.locator("#cle-totp").textContent())!.replace(/\s/g, "");
  await second.goto("/agent");
  await expect(second).toHaveURL(/\/agent\/securite$/);
  await second.getByLabel("Code à 6 chiffres affiché par l'application").fill(await codeTotpPour(nouvel, secret));
  await second.getByRole("button", { name: "Activer la double authentification" }).click();
  const listeCodes = second.getByRole("list", { name: "Codes de secours" }).getByRole("listitem");
  await expect(listeCodes).toHaveCount(10);
  const codes = await listeCodes.allTextContents();
  await expectNoAxeViolations(second);
  await second.getByRole("link", { name: "Continuer vers la console" }).click();
  await expect(second.getByText("Bonjour Ttotte ETCHEVERRY (administrateur).")).toBeVisible();
  await second.getByRole("button", { name: "Se déconnecter" }).click();

  // Without the phone: a recovery code, once.
  await second.getByLabel("Identifiant").fill(nouvel);
  await second.getByLabel("Mot de passe").fill(MOT_DE_PASSE_AGENT);
  await second.getByRole("button", { name: "Connexion" }).click();
  await second.getByRole("textbox", { name: "Code de vérification" }).fill(codes[0]!);
  await second.getByRole("button", { name: "Valider" }).click();
  await expect(second.getByText("Bonjour Ttotte ETCHEVERRY (administrateur).")).toBeVisible();
  await second.context().close();
});
