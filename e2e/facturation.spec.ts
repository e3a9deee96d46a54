// Facturation at 360 px: an agent simulates a month that is over, emits its invoices and follows the run; the parent opens Mes
// factures, reads the invoice's number, amount, state and due date, and downloads its PDF (a real PDF holding
// that number); another family gets 404 on it; the mail says where to find it, never the amount. Every screen
// axe clean. The family (Louise in the canteen and the garderie du soir for June 2027, QF 850 €) comes from a
// factory; the month is one no other spec bills.
import { PDFDocument } from "pdf-lib";
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/test";

const MOIS = "2027-06";

test("@telephone un agent lance la facturation du mois, le parent télécharge sa facture dans Mes factures", async ({
  page,
  browser,
  baseURL,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const nom = fabrique.nom("Etcheverry");
  const famille = await fabrique.familleAFacturer({ nom, mois: MOIS });

  // on 1 July, June is over: the agent (FACTURATION) simulates it, then emits its invoices and sees the run end
  await connecter(page, await fabrique.agent({ facturation: true }));
  await page.context().addCookies([{ name: "horloge-e2e", value: "2027-07-01T08:00:00.000Z", url: baseURL! }]);
  await page.goto("/agent/facturation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Facturation");
  await expectNoAxeViolations(page);
  await page.getByLabel("Mois à facturer").fill(MOIS);
  await page.getByRole("button", { name: "Simuler la facturation" }).click();
  await expect(page.getByRole("heading", { name: "Simulation de juin 2027" })).toBeVisible();
  await page.getByRole("button", { name: "Émettre les factures" }).click();
  const progression = page.getByRole("status").filter({ hasText: "Facturation de juin 2027" });
  await expect(progression).toBeVisible();
  await expect(progression.getByRole("progressbar")).toBeVisible();
  await expect(progression).toContainText("Facturation de juin 2027 terminée.", { timeout: 60_000 });
  // every family with days booked in June is done: "Familles traitées : N sur N"
  await expect(progression.getByText(/^Familles traitées : ([1-9]\d*) sur \1$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Factures de juin 2027" })).toBeVisible();
  await expectNoAxeViolations(page);

  // the parent: Mes factures, from Mon accueil
  await connecter(page, famille);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Mes factures" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes factures");
  const titre = page.getByRole("heading", { level: 2, name: /^Facture N° FA-\d{4}-\d{6} — juin 2027$/ });
  await expect(titre).toBeVisible();
  const numero = /FA-\d{4}-\d{6}/.exec((await titre.textContent())!)![0];
  const facture = page.getByRole("listitem").filter({ has: titre });
  // QF 850 €: canteen 2,85 € and garderie du soir 2,05 € a day, on the 17 opening days of June 2027
  await expect(facture).toContainText("83,30 €");
  await expect(facture).toContainText("à payer");
  await expect(facture).toContainText("À régler avant le");
  await expectNoAxeViolations(page);
  const nePasDepasser = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(nePasDepasser).toBeLessThanOrEqual(360);

  const [telechargement] = await Promise.all([
    page.waitForEvent("download"),
    facture.getByRole("link", { name: `Télécharger la facture ${numero} (PDF)` }).click(),
  ]);
  expect(telechargement.suggestedFilename()).toBe(`facture-${numero}.pdf`);
  const octets = await readFile((await telechargement.path())!);
  expect(octets.subarray(0, 5).toString()).toBe("%PDF-");
  const pdf = await PDFDocument.load(octets);
  expect(pdf.getTitle()).toBe(`Facture ${numero}`);
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);

  // another family: the same 404 as a number that does not exist
  const autre = await browser.newContext();
  await connecter(autre, await fabrique.familleValidee({ nom: fabrique.nom("Autre") }));
  expect((await autre.request.get(`${baseURL}/factures/${numero}/pdf`)).status()).toBe(404);
  await autre.close();

  const mail = await mails.waitFor({ to: famille.courriel, subject: "Votre facture de juin 2027 est disponible" });
  expect(mail.text).toContain(numero);
  expect(mail.text).not.toContain("€");
});
