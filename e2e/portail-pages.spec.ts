// The portal's pages: an agent publishes an actualité, uploads a document utile, edits the infos pratiques
// and an activity's description from the console; a visitor (not logged in) reads them and downloads the
// document. Titles carry the test's worker and time, so that nothing another test wrote is mistaken for its own.
import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures/test";

/** The smallest PDF the portal accepts: its type is read from the bytes ("%PDF-"), not from the name. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);

test("un agent publie une actualité, un document, les infos pratiques et la description d'une activité ; un visiteur les voit et télécharge le document", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}, testInfo) => {
  // a login, three console forms and four pages scanned by axe
  test.setTimeout(120_000);
  const suffixe = `${testInfo.workerIndex} ${Date.now()}`;
  const titre = `Sortie au musée (${suffixe})`;
  const document = `Fiche sanitaire de sortie (${suffixe})`;
  const horaires = `Accueil du public le samedi matin (${suffixe})`;
  const description = `Repas préparés sur place avec des produits locaux (${suffixe})`;

  await connecter(page, await fabrique.agent());
  await page.goto("/agent");
  await page
    .getByRole("navigation", { name: "Menu de la console" })
    .getByRole("link", { name: "Pages du portail" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Pages du portail" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("textbox", { name: "Titre", exact: true }).fill(titre);
  await page
    .getByRole("textbox", { name: "Texte", exact: true })
    .fill("Les enfants de l'accueil de loisirs visiteront le musée basque.");
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `L'actualité « ${titre} » est publiée.` })).toBeVisible();

  await page.getByRole("textbox", { name: "Titre du document", exact: true }).fill(document);
  await page.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Formulaires" });
  await page
    .getByLabel("Fichier")
    .setInputFiles({ name: "fiche-sortie.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Publier le document" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Le document « ${document} » est publié.` })).toBeVisible();

  await page.getByRole("textbox", { name: "Horaires" }).fill(horaires);
  await page.getByRole("button", { name: "Enregistrer les infos pratiques" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Les infos pratiques sont enregistrées." })).toBeVisible();
  await expectNoAxeViolations(page);

  // ACTIVITÉS (its console page is scanned by pages.spec.ts)
  await page.getByRole("link", { name: "Modifier les activités" }).click();
  const cantine = page.getByRole("region", { name: "Inscription à la restauration (école publique)." });
  await cantine.getByRole("textbox", { name: "Description", exact: true }).fill(description);
  await cantine.getByRole("button", { name: "Enregistrer la description" }).click();
  await expect(cantine.getByRole("status").filter({ hasText: "La description est enregistrée." })).toBeVisible();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/agent\/connexion$/);

  // a visitor, not logged in
  await page.goto("/actualites");
  await expect(page.getByRole("heading", { level: 2, name: titre })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Inscriptions à la cantine pour janvier" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/documents-utiles");
  await expect(page.getByRole("link", { name: "Menus de décembre" })).toBeVisible();
  const telechargement = page.waitForEvent("download");
  await page.getByRole("link", { name: document }).click();
  const fichier = await telechargement;
  expect(fichier.suggestedFilename()).toBe("fiche-sortie.pdf");
  expect(await readFile(await fichier.path())).toEqual(PDF);
  await expectNoAxeViolations(page);

  await page.goto("/activites");
  await expect(page.getByText(description)).toBeVisible();

  await page.goto("/infos-pratiques");
  await expect(page.getByText(horaires)).toBeVisible();
  const pied = page.getByRole("navigation", { name: "Pied de page" });
  for (const lien of [
    "Retour au site principal",
    "Mentions légales",
    "Conditions générales d'utilisation",
    "Contacts",
    "Accessibilité : partiellement conforme",
  ]) {
    await expect(pied.getByRole("link", { name: lien })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});
