// The console's Familles and Paramétrage: an agent finds a family (a factory's, under a name of this test),
// corrects a contact's telephone and the family is told; the administrator edits the commune and publishes a
// new CGU version (each run's database starts at version 1, but nothing here assumes it).
import { test, expect } from "./fixtures/test";

/** A French mobile number this run has not used yet. */
const nouveauPortable = () => `06${String(Date.now() % 1e8).padStart(8, "0")}`;

test("un agent trouve la famille Etchart, ouvre sa fiche et corrige le téléphone d'un contact", async ({
  page,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const nom = fabrique.nom("Etchart");
  const NOM = nom.toUpperCase();
  const famille = await fabrique.familleValidee({ nom });
  await connecter(page, await fabrique.agent());
  await page.goto("/agent");
  await page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Familles" }).click();
  await expect(page.getByRole("heading", { name: "Familles" })).toBeVisible();
  await expectNoAxeViolations(page);

  // keyboard only: type the names, Enter
  await page.getByLabel("Rechercher une famille").fill(`louise ${nom.toLowerCase()}`);
  await page.getByLabel("Rechercher une famille").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=louise\\+${nom.toLowerCase()}`));
  await expect(page.getByRole("status")).toHaveText(`1 famille pour « louise ${nom.toLowerCase()} »`);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `Famille ${NOM} Claire` }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Famille ${NOM} Claire` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Titulaire du compte : Claire ${NOM}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Co-représentant : Mikel ${NOM}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Henri ${NOM}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Louise ${NOM}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Maddi ${NOM}` })).toBeVisible();
  await expect(page.getByText("Père (avec autorité parentale)")).toBeVisible();
  await expect(page.getByRole("link", { name: /N° \d+ — Ajout de famille/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: `Corriger : Maddi ${NOM}` }).click();
  await expect(page.getByRole("heading", { name: `Corriger : Maddi ${NOM}` })).toBeVisible();
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
  await expect(page.getByRole("heading", { level: 1, name: `Famille ${NOM} Claire` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "La correction est enregistrée" })).toBeVisible();
  await expect(page.locator("article", { has: page.getByRole("heading", { name: `Maddi ${NOM}` }) })).toContainText(
    numero,
  );
  await expectNoAxeViolations(page);

  const mail = await mails.waitFor({
    to: famille.courriel,
    subject: "Les informations de votre famille ont été modifiées",
  });
  expect(mail.text).toContain("/mon-espace");
  expect(mail.text).not.toContain(numero);
  expect(mail.text).not.toContain("Maddi");
});

test("l'administrateur change le téléphone du service et publie une nouvelle version des CGU", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  await connecter(page, await fabrique.agent({ prefixe: "admin", role: "ADMIN", totp: true }));
  await page.goto("/agent");
  await page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Paramétrage" }).click();
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
});
