// The console's Familles and Paramétrage, at 1280 px and at 360 px against one server and one database: each
// run finds the state the previous one left (another phone, another CGU version), so nothing is hard-coded.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { seConnecterAgent as connexionConsole } from "./fixtures/agent";
import { DEMO_ADMIN } from "@/prisma/demo-comptes";

type Axe = (page: Page) => Promise<void>;

/** The login page scanned, then the fixture's login (with the TOTP code an admin owes). */
async function seConnecterAgent(page: Page, expectNoAxeViolations: Axe, identifiant: string, motDePasse: string) {
  await page.goto("/agent/connexion");
  await expectNoAxeViolations(page);
  await connexionConsole(page, identifiant, motDePasse);
  await expect(page.getByRole("heading", { name: "Console des agents" })).toBeVisible();
}

async function seConnecterAdmin(page: Page, expectNoAxeViolations: Axe) {
  await seConnecterAgent(page, expectNoAxeViolations, DEMO_ADMIN.identifiant, DEMO_ADMIN.motDePasse);
}

/** A French mobile number this run has not used yet. */
const nouveauPortable = () => `06${String(Date.now() % 1e8).padStart(8, "0")}`;

test("un agent trouve la famille Etchart, ouvre sa fiche et corrige le téléphone d'un contact", async ({
  page,
  mails,
  expectNoAxeViolations,
}) => {
  await seConnecterAgent(page, expectNoAxeViolations, "agent.demo", "Agent-Demo-2026!");
  await page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Familles" }).click();
  await expect(page.getByRole("heading", { name: "Familles" })).toBeVisible();
  await expectNoAxeViolations(page);

  // keyboard only: type the names, Enter (other tests of this run make Etchart families too: the child's
  // prénom tells the demo family apart)
  await page.getByLabel("Rechercher une famille").fill("louise etchart");
  await page.getByLabel("Rechercher une famille").press("Enter");
  await expect(page).toHaveURL(/q=louise\+etchart/);
  await expect(page.getByRole("status")).toHaveText(/1 famille pour « louise etchart »/);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Famille ETCHART Claire" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Famille ETCHART Claire" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Titulaire du compte : Claire ETCHART" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Co-représentant : Mikel ETCHART" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Henri ETCHART" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Louise ETCHART" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Maddi ETCHART" })).toBeVisible();
  await expect(page.getByText("Père (avec autorité parentale)")).toBeVisible();
  await expect(page.getByRole("link", { name: /N° \d+ — Ajout de famille/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Corriger : Maddi ETCHART" }).click();
  await expect(page.getByRole("heading", { name: "Corriger : Maddi ETCHART" })).toBeVisible();
  await expectNoAxeViolations(page);

  // a wrong number is refused beside the field, and what was typed stays
  const portable = page.getByRole("textbox", { name: "Téléphone portable" });
  await page.getByLabel("Lien avec l'enfant").fill("Grand-mère paternelle");
  await portable.fill("12");
  await portable.press("Enter");
  await expect(page.locator("#telephonePortable-erreur")).toContainText("10 chiffres");
  await expect(portable).toHaveValue("12");
  await expect(page.getByLabel("Lien avec l'enfant")).toHaveValue("Grand-mère paternelle");
  await expectNoAxeViolations(page);

  const numero = nouveauPortable();
  await portable.fill(numero);
  await portable.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Famille ETCHART Claire" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "La correction est enregistrée" })).toBeVisible();
  await expect(page.locator("article", { has: page.getByRole("heading", { name: "Maddi ETCHART" }) })).toContainText(
    numero,
  );
  await expectNoAxeViolations(page);

  const mail = await mails.waitFor({
    to: "claire.etchart@exemple.fr",
    subject: "Les informations de votre famille ont été modifiées",
  });
  expect(mail.text).toContain("/mon-espace");
  expect(mail.text).not.toContain(numero);
  expect(mail.text).not.toContain("Maddi");
});

test(
  "l'administrateur change le téléphone du service et publie une nouvelle version des CGU",
  { tag: "@bureau" },
  async ({ page, expectNoAxeViolations }) => {
    await seConnecterAdmin(page, expectNoAxeViolations);
    await page
      .getByRole("navigation", { name: "Menu de la console" })
      .getByRole("link", { name: "Paramétrage" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Paramétrage" })).toBeVisible();
    await expectNoAxeViolations(page);

    const suffixe = String(Date.now() % 10000).padStart(4, "0");
    const telephone = `05 59 44 ${suffixe.slice(0, 2)} ${suffixe.slice(2)}`;
    const commune = page.getByRole("region", { name: "La commune" });
    await commune.getByLabel("Téléphone du service").fill("05 59");
    await commune.getByRole("button", { name: "Enregistrer" }).click();
    await expect(commune.locator("#telephone-erreur")).toContainText("10 chiffres");
    await commune.getByLabel("Téléphone du service").fill(telephone);
    await commune.getByRole("button", { name: "Enregistrer" }).click();
    await expect(commune.getByRole("status")).toHaveText("Les paramètres de la commune sont enregistrés.");
    await expectNoAxeViolations(page);

    const cgu = page.getByRole("region", { name: "Conditions générales d'utilisation" });
    const bouton = cgu.getByRole("button", { name: /^Publier la version \d+$/ });
    const version = Number((await bouton.textContent())?.match(/\d+/)?.[0]);
    const texte = cgu.getByRole("textbox", {
      name: `Texte de la version ${version} : Conditions générales d'utilisation`,
    });
    await texte.fill(`${await texte.inputValue()}\n\nMise à jour ${suffixe} (${test.info().project.name}).`);
    await bouton.click();
    await expect(cgu.getByRole("status")).toHaveText(`La version ${version} est publiée.`);
    await expect(cgu.getByText(`Version ${version - 1}`, { exact: true })).toBeVisible();
    await expect(cgu.getByRole("button", { name: `Publier la version ${version + 1}` })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/infos-pratiques");
    await expect(page.getByText(telephone)).toBeVisible();
    await page.goto("/cgu");
    await expect(page.getByText(new RegExp(`^Version ${version}, publiée le`))).toBeVisible();
    await expect(page.getByText(`Mise à jour ${suffixe}`)).toBeVisible();
    await expectNoAxeViolations(page);
  },
);
