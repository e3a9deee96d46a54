// « La famille évolue » (issue 26) on a phone: from Ma famille the parent adds a newborn (the declaration's own
// fields, errors beside them, nothing typed lost), an agent accepts the demande in the console, and the newborn
// appears in Ma famille; the titulaire asks for the co-représentant's removal (the motif required), an agent accepts,
// and adding another one asks for their courriel beside the field. axe at each step, at 360 × 780.
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

test("le titulaire demande le retrait du co-représentant, un agent accepte ; l'ajout d'un autre exige son courriel", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(150_000);
  const nom = fabrique.nom("Separation");
  const famille = await fabrique.familleValidee({ nom });
  await connexion(page, connecter, famille);
  await page.goto("/famille");
  await expect(page.getByText("Invitation envoyée, en attente")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ajouter un co-représentant" })).toHaveCount(0);
  await page.getByRole("link", { name: "Retirer un co-représentant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Retrait d'un co-représentant/ })).toBeVisible();
  await expect(
    page.getByText(`Vous demandez que Mikel ${nom.toUpperCase()} ne soit plus co-représentant`),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Indiquez le motif du retrait.").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Motif du retrait").fill("Séparation, le père ne vit plus avec les enfants.");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/demandes\/\d+\/enregistree$/);
  const numero = Number(/\/demandes\/(\d+)\//.exec(page.url())![1]);
  await expect(page.getByText(/Votre demande de retrait d'un co-représentant/)).toBeVisible();

  await connexion(page, connecter, await fabrique.agent({ nom: "Irigoyen", prenom: "Maite" }));
  await page.goto(`/agent/demandes/${numero}`);
  await expect(page.getByText("Séparation, le père ne vit plus avec les enfants.")).toBeVisible();
  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: "Accepter" }).click();
  await actions.getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(actions.getByText("La demande est acceptée : le demandeur est prévenu par courriel.")).toBeVisible();

  await connexion(page, connecter, famille);
  await page.goto("/famille");
  await expect(page.getByText("Invitation envoyée, en attente")).toHaveCount(0);
  await page.getByRole("link", { name: "Ajouter un co-représentant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Ajout d'un co-représentant/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Civilité").selectOption("MONSIEUR");
  await page.getByLabel("Nom d'usage").fill("Bidart");
  await page.getByRole("textbox", { name: "Prénom", exact: true }).fill("Mikel");
  await page.getByLabel("Qualité vis-à-vis des enfants").selectOption("PERE");
  await page.getByLabel("Avec autorité parentale").check();
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(
    page.getByText("Indiquez le courriel du co-représentant : il y reçoit son invitation.").first(),
  ).toBeVisible();
  await expect(page.getByLabel("Nom d'usage")).toHaveValue("Bidart");
  await expectNoAxeViolations(page);
  await page.getByLabel("Courriel").fill("mikel.bidart@exemple.fr");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/demandes\/\d+\/enregistree$/);
  await page.goto("/famille");
  await expect(page.getByText(/en cours d'instruction : Ajout d'un co-représentant\./)).toBeVisible();
  await expectNoAxeViolations(page);
});
