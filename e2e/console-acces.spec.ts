// Who gets into the console: the admin with password then TOTP code, an AGENT refused (403) on the ADMIN
// pages, a citizen refused (404) on every page, a disabled agent's open session sent back to the login; and
// the admin's agent management, an enrolment in TOTP included.
import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { seConnecter } from "./fixtures/espace";
import { codeTotpPour, ROUTES_ADMIN, ROUTES_CONSOLE, seConnecterAgent } from "./fixtures/agent";
import { DEMO_ADMIN, DEMO_ADMIN_TOTP, DEMO_AGENT, DEMO_PARENT } from "../prisma/demo-comptes";

const MOT_DE_PASSE_AGENT = "Console-Agent-2026!";

function identifiantUnique(prefixe: string, projet: string) {
  return `${prefixe}.${projet}${Date.now().toString(36)}`;
}

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

async function autreNavigateur(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test(
  "l'administrateur se connecte avec son mot de passe puis son code, et crée un agent",
  { tag: "@bureau" },
  async ({ page, expectNoAxeViolations }, testInfo) => {
    await page.goto("/agent/connexion");
    await page.getByLabel("Identifiant").fill(DEMO_ADMIN.identifiant);
    await page.getByLabel("Mot de passe").fill(DEMO_ADMIN.motDePasse);
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
      .fill(await codeTotpPour(DEMO_ADMIN.identifiant, DEMO_ADMIN_TOTP));
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByText("Bonjour Peio LARRALDE (administrateur).")).toBeVisible();

    await page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Agents" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agents");
    await expect(page.getByRole("listitem").filter({ hasText: "admin.demo" })).toContainText("Activée");
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

    const identifiant = identifiantUnique("cree", testInfo.project.name);
    await creerAgentViaConsole(page, identifiant, "Agent");
    await expect(page.getByText("Le compte de Ttotte ETCHEVERRY a été créé.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/agent/agents");
    await expect(page.getByRole("listitem").filter({ hasText: identifiant })).toContainText("Jamais");
    await page.goto("/agent/securite");
    await expect(page.getByText(/La double authentification est activée depuis le/)).toBeVisible();
    await expectNoAxeViolations(page);
  },
);

test(
  "un agent reçoit 403 sur les pages d'administration",
  { tag: "@bureau" },
  async ({ page, expectNoAxeViolations }) => {
    await seConnecterAgent(page, DEMO_AGENT.identifiant, DEMO_AGENT.motDePasse);
    await expect(page.getByText("Bonjour Maite IRIGOYEN (agent).")).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Agents" }),
    ).toHaveCount(0);
    for (const route of ROUTES_ADMIN) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
    }
    await expectNoAxeViolations(page);
  },
);

test("un citoyen reçoit 404 sur toutes les pages de la console", { tag: "@telephone" }, async ({ page }) => {
  await seConnecter(page, DEMO_PARENT.identifiant, DEMO_PARENT.motDePasse);
  await expect(page).toHaveURL(/\/mon-espace$/);
  for (const route of ROUTES_CONSOLE) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  }
});

test(
  "un agent désactivé perd sa session ouverte ; un nouvel administrateur configure sa double authentification",
  { tag: "@bureau" },
  async ({ page, browser, expectNoAxeViolations }, testInfo) => {
    await seConnecterAgent(page, DEMO_ADMIN.identifiant, DEMO_ADMIN.motDePasse);
    const agent = identifiantUnique("desactive", testInfo.project.name);
    await creerAgentViaConsole(page, agent, "Agent");
    const fiche = page.url();

    const autre = await autreNavigateur(browser);
    await seConnecterAgent(autre.page, agent, MOT_DE_PASSE_AGENT);
    await expect(autre.page.getByText("Bonjour Ttotte ETCHEVERRY (agent).")).toBeVisible();
    await page.getByRole("button", { name: "Désactiver le compte" }).click();
    await expect(page.getByText("Le compte a été désactivé et ses sessions fermées.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Réactiver le compte" })).toBeVisible();
    await autre.page.reload();
    await expect(autre.page).toHaveURL(/\/agent\/connexion$/);
    await autre.context.close();

    // A new admin: after the password, the enrolment page (QR code, key), then the recovery codes.
    const admin = identifiantUnique("nouvel.admin", testInfo.project.name);
    await creerAgentViaConsole(page, admin, "Administrateur");
    const second = await autreNavigateur(browser);
    await seConnecterAgent(second.page, admin, MOT_DE_PASSE_AGENT);
    await expect(second.page).toHaveURL(/\/agent\/securite$/);
    await expect(
      second.page.getByRole("img", { name: "QR code à scanner avec votre application d'authentification" }),
    ).toBeVisible();
    await expectNoAxeViolations(second.page);
    const secret = (await second.page.locator("#cle-totp").textContent())!.replace(/\s/g, "");
    await second.page.goto("/agent");
    await expect(second.page).toHaveURL(/\/agent\/securite$/);
    await second.page.getByLabel("Code à 6 chiffres affiché par l'application").fill(await codeTotpPour(admin, secret));
    await second.page.getByRole("button", { name: "Activer la double authentification" }).click();
    const listeCodes = second.page.getByRole("list", { name: "Codes de secours" }).getByRole("listitem");
    await expect(listeCodes).toHaveCount(10);
    const codes = await listeCodes.allTextContents();
    await expectNoAxeViolations(second.page);
    await second.page.getByRole("link", { name: "Continuer vers la console" }).click();
    await expect(second.page.getByText("Bonjour Ttotte ETCHEVERRY (administrateur).")).toBeVisible();
    await second.page.getByRole("button", { name: "Se déconnecter" }).click();

    // Without the phone: a recovery code, once.
    await second.page.getByLabel("Identifiant").fill(admin);
    await second.page.getByLabel("Mot de passe").fill(MOT_DE_PASSE_AGENT);
    await second.page.getByRole("button", { name: "Connexion" }).click();
    await second.page.getByRole("textbox", { name: "Code de vérification" }).fill(codes[0]!);
    await second.page.getByRole("button", { name: "Valider" }).click();
    await expect(second.page.getByText("Bonjour Ttotte ETCHEVERRY (administrateur).")).toBeVisible();
    await second.context.close();

    await page.goto(fiche);
    await expect(page.getByText("Désactivé", { exact: true })).toBeVisible();
  },
);
