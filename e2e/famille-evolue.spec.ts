// « La famille évolue » (issue 26) on a phone: from Ma famille the parent adds a newborn (the declaration's own
// fields, errors beside them, nothing typed lost), an agent accepts the demande in the console, and the newborn
// appears in Ma famille. axe at each step, at 360 × 780.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

type Connecter = (page: Page, sujet: { usagerId: string } | { agentId: string }) => Promise<void>;

async function connexion(page: Page, connecter: Connecter, sujet: { usagerId: string } | { agentId: string }) {
  await page.context().clearCookies();
  await connecter(page, sujet);
}

/** Yesterday as the date field takes it: a newborn. */
const hier = () => new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);

test("le parent ajoute un nouveau-né depuis Ma famille, un agent accepte, l'enfant apparaît dans Ma famille", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(150_000);
  const nom = fabrique.nom("Naissance");
  const famille = await fabrique.familleValidee({ nom });
  await connexion(page, connecter, famille);
  await page.goto("/famille");
  await expect(page.getByRole("heading", { level: 1, name: "Ma famille" })).toBeVisible();
  await expect(page.getByText("Votre espace")).toBeVisible();
  await expect(page.getByText(famille.cleEnfance)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Ajouter un enfant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Ajout d'un enfant/ })).toBeVisible();
  await expectNoAxeViolations(page);
  // a refusal: each message beside its field, and what was typed stays
  await page.getByLabel("Prénom(s)").fill("Ane");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Indiquez le sexe de l'enfant.").first()).toBeVisible();
  await expect(page.getByLabel("Prénom(s)")).toHaveValue("Ane");
  await expectNoAxeViolations(page);

  await page.getByRole("radio", { name: "Féminin" }).check();
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill(nom);
  await page.getByLabel("Date de naissance").fill(hier());
  await page.getByLabel("Lieu de naissance").fill("Bayonne");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/demandes\/\d+\/enregistree$/);
  const numero = Number(/\/demandes\/(\d+)\//.exec(page.url())![1]);
  await expect(page.getByText(/Votre demande d'ajout d'un enfant/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/famille");
  await expect(page.getByText(`Demande n° ${numero} en cours d'instruction : Ajout d'un enfant.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: `Ane ${nom.toUpperCase()}` })).toHaveCount(0);

  await connexion(page, connecter, await fabrique.agent({ nom: "Irigoyen", prenom: "Maite" }));
  await page.goto(`/agent/demandes/${numero}`);
  await expect(page.getByText(`Enfant : Ane ${nom.toUpperCase()}`)).toBeVisible();
  await expectNoAxeViolations(page);
  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: "Accepter" }).click();
  await actions.getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(actions.getByText("La demande est acceptée : le demandeur est prévenu par courriel.")).toBeVisible();
  await expectNoAxeViolations(page);

  await connexion(page, connecter, famille);
  await page.goto("/famille");
  await expect(page.getByRole("heading", { level: 3, name: `Ane ${nom.toUpperCase()}` })).toBeVisible();
  await expect(page.getByText(/en cours d'instruction/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
