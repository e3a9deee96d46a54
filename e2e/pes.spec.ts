// PES V2 at 1280 px (issue 29), every screen axe clean: an administrator fills the PES settings (a wrong SIRET
// refused beside its field), generates last month's bordereau of titres de recettes and downloads its file, an
// ISO-8859-1 PES_Aller that carries the family's invoice with its days. The family and its invoice come from a
// factory (familleAvecFactureDuMois: last month, its days on the line).
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/test";

test("l'administrateur règle les paramètres PES, génère le bordereau du mois et télécharge son fichier", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const famille = await fabrique.familleAvecFactureDuMois({ nom: fabrique.nom("Etxeberri"), nombreJours: 5 });
  const mois = famille.jours[0]!.slice(0, 7);
  await connecter(page, await fabrique.agent({ role: "ADMIN" }));

  // the settings, each explained; a SIRET whose key is wrong refused beside the field
  await page.goto("/agent/pes/parametres");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paramètres PES");
  await expect(page.getByText("Le comptable public de la commune confirme ces valeurs")).toBeVisible();
  await page.getByLabel("Poste comptable (IdPost)").fill("0640001");
  const siret = page.getByLabel("SIRET de la commune (IdColl)");
  await siret.fill("21640557500013");
  await page.getByLabel("Code collectivité (CodCol)").fill("064");
  await page.getByLabel("Code budget (CodBud)").fill("00");
  await page.getByLabel("Code produit local (CodProdLoc)").fill("RS");
  await page.getByRole("button", { name: "Enregistrer les paramètres PES" }).click();
  await expect(siret).toHaveAccessibleDescription(/Ce SIRET n'est pas valide : vérifiez les chiffres\./);
  await expect(siret).toBeFocused();
  await expectNoAxeViolations(page);
  await siret.fill("21640557500012");
  await page.getByRole("button", { name: "Enregistrer les paramètres PES" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paramètres PES enregistrés." })).toBeVisible();

  // the month's bordereau
  await page.goto("/agent/pes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Titres de recettes (PES V2)");
  await page.getByLabel("Mois facturé").selectOption(mois);
  await page.getByRole("button", { name: "Générer le bordereau PES" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Bordereau n° \d+ créé pour / })).toBeVisible({
    timeout: 30_000,
  });
  await expectNoAxeViolations(page);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Bordereau \d{4} n° \d+$/);
  await expect(page.getByRole("row").filter({ hasText: famille.factureNumero })).toContainText("Émis");
  await expectNoAxeViolations(page);

  // the file: ISO-8859-1, the invoice as a pièce, its line naming its days
  const [telechargement] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger le fichier PES" }).click(),
  ]);
  expect(telechargement.suggestedFilename()).toMatch(/^PES_ORMC_\d{4}_\d{5}_\d{4}-\d{2}\.xml$/);
  const texte = (await readFile((await telechargement.path())!)).toString("latin1");
  expect(texte.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>')).toBe(true);
  expect(texte).toContain('<TypFic V="PESORMC"/>');
  expect(texte).toContain('<IdColl V="21640557500012"/>');
  expect(texte).toContain(`<NumeroFacture V="${famille.factureNumero}"/>`);
  expect(texte).toContain(famille.joursEnClair.split(",")[0]!);
});
