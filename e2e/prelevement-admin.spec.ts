// The month's debit run, at 1280 px: an administrator chooses to send the debits as a pain.008 file (the
// commune's IBAN and BIC then required), reads January 2028's debits (the family, its invoice, the RUM, FRST, the
// amount, the date pre-notified), launches them and downloads the file, which the ISO 20022 schema accepts and
// which debits that family's invoice. Every screen axe clean. The family, its mandate and its invoice with the
// debit planned come from a factory; January 2028 is a month no other spec debits.
import { readFile } from "node:fs/promises";
import { pain008Valide } from "../tests/pain008-xsd";
import { expect, test } from "./fixtures/test";

const MOIS = "2028-01";

test("l'administrateur choisit le fichier SEPA, lance les prélèvements du mois et télécharge le fichier", async ({
  page,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const nom = fabrique.nom("Elissalde");
  const famille = await fabrique.familleAvecPrelevement({ nom, mois: MOIS, montantCentimes: 4845 });
  await connecter(page, await fabrique.agent({ role: "ADMIN" }));
  await page.context().addCookies([{ name: "horloge-e2e", value: "2028-02-05T08:00:00.000Z", url: baseURL! }]);

  // the settings: the file chosen, without the commune's account it is refused beside the field
  await page.goto("/agent/prelevements/parametres");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paramètres du prélèvement automatique");
  await page.getByLabel("Transmission des prélèvements").selectOption("FICHIER_SEPA");
  const iban = page.getByLabel("IBAN du compte de la commune");
  await iban.fill("");
  await page.getByLabel("BIC du compte de la commune").fill("");
  await page.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  await expect(iban).toHaveAccessibleDescription(/Indiquez l'IBAN du compte de la commune/);
  await expect(iban).toBeFocused();
  await expectNoAxeViolations(page);
  await iban.fill("FR76 1007 1640 0000 0020 0123 483");
  await page.getByLabel("BIC du compte de la commune").fill("TRPUFRP1");
  await page.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  await expect(page.getByText("Paramètres du prélèvement automatique enregistrés.")).toBeVisible();
  await expect(page.getByLabel("Transmission des prélèvements")).toHaveValue("FICHIER_SEPA");

  // January's debits: the family's invoice, FRST, its amount and the date its invoice announced
  await page.goto("/agent/prelevements");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prélèvements automatiques");
  await expect(page.getByText("Fichier SEPA pain.008", { exact: false }).first()).toBeVisible();
  await page.getByLabel("Mois facturé").fill(MOIS);
  await page.getByRole("button", { name: "Voir les prélèvements du mois" }).click();
  const debits = page.getByRole("region", { name: "Prélèvements à présenter" });
  const ligne = debits.getByRole("row").filter({ hasText: famille.factureNumero });
  await expect(ligne).toContainText(nom.toUpperCase());
  await expect(ligne).toContainText(famille.rum);
  await expect(ligne).toContainText("Premier (FRST)");
  await expect(ligne).toContainText("48,45 €");
  await expect(ligne).toContainText("10/03/2028");
  // the month's page arrives by a GET form: its <title> streams in after the table the checks above read
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveTitle(/Prélèvements/);
  await expectNoAxeViolations(page);

  // launched: the run's line and its file
  await page.getByRole("button", { name: "Lancer les prélèvements" }).click();
  await expect(page.getByText(/^Prélèvements lancés : \d+ pour /)).toBeVisible();
  await expect(page.getByText("Aucun prélèvement à présenter pour ce mois.")).toBeVisible();
  await expectNoAxeViolations(page);
  const [telechargement] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger le fichier SEPA (pain.008)" }).first().click(),
  ]);
  expect(telechargement.suggestedFilename()).toMatch(/^prelevements-2028-01-PRLV\w+\.xml$/);
  const fichier = await pain008Valide(await readFile((await telechargement.path())!, "utf8"));
  const debit = fichier.lots
    .flatMap((l) => l.debits.map((d) => ({ ...d, sequence: l.sequence, date: l.date })))
    .find((d) => d.rum === famille.rum);
  expect(debit).toMatchObject({
    sequence: "FRST",
    date: "2028-03-10",
    montant: "48.45",
    iban: "FR7630006000011234567890189",
    libelle: `Facture ${famille.factureNumero}`,
  });
});
