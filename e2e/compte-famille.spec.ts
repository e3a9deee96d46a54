// The family account at 360 px (issue 24), axe-clean on each screen: the parent reads the balance on Mes factures
// and the days of an invoice on its page; an agent finds the family by the invoice's number as written on the back
// of a cheque and records the cheque from the invoice itself (refused beside its field without its number, nothing
// typed lost); the parent's receipt mail reaches the SMTP sink with its PDF, and Mes factures shows the new
// balance. The console's screens are checked at the same width: an agent at the counter may use a tablet or a
// phone too.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

/** Nothing wider than the screen (a wide table scrolls inside its own box). */
async function sansDebord(page: Page) {
  const { largeur, debord } = await page.evaluate(() => ({
    largeur: window.innerWidth,
    debord: document.documentElement.scrollWidth,
  }));
  expect(debord, `${page.url()} déborde à droite`).toBeLessThanOrEqual(largeur);
}

test("le parent lit son solde et les jours de sa facture ; un agent enregistre un chèque depuis la facture ; le reçu arrive et le solde change", async ({
  page,
  fabrique,
  connecter,
  mails,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const famille = await fabrique.familleAvecFactureDuMois({ nom: fabrique.nom("Ainhoa"), nombreJours: 17 });
  expect(famille.totalCentimes).toBe(4845);

  // the parent: the balance first, then the invoice's page with the days of its line
  await connecter(page, famille);
  await page.goto("/factures");
  await expect(page.getByTestId("solde")).toHaveText("Reste à payer : 48,45 €");
  await sansDebord(page);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `Détail de la facture ${famille.factureNumero}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Facture N° ${famille.factureNumero}`);
  await expect(page.getByText("17 × 2,85 €")).toBeVisible();
  await expect(page.getByText(`Jours : ${famille.joursEnClair}`)).toBeVisible();
  await sansDebord(page);
  await expectNoAxeViolations(page);

  // the agent: the family found by the invoice's number typed in lower case and without its dashes
  const agent = await fabrique.agent({ prefixe: "regie" });
  await page.context().clearCookies();
  await connecter(page, agent);
  await page.goto("/agent/paiements");
  await page.getByLabel("Chercher une famille").fill(famille.factureNumero.toLowerCase().replaceAll("-", ""));
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^1 famille trouvée/ })).toBeVisible();
  await expect(page.getByText(`(${famille.cleEnfance}) — 48,45 € dus`)).toBeVisible();
  await sansDebord(page);
  await expectNoAxeViolations(page);

  // … and the cheque recorded from the invoice's own page
  await page.goto(`/agent/facturation/factures/${famille.factureNumero}`);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Enregistrer un paiement", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enregistrer un paiement");
  await expect(page.getByText(`Pour la facture N° ${famille.factureNumero}`)).toBeVisible();
  await expect(page.getByLabel("Clé enfance de la famille")).toHaveCount(0);
  await expect(page.getByLabel("Montant (en euros)")).toHaveValue("48,45");
  await sansDebord(page);
  await expectNoAxeViolations(page);
  await page.getByLabel("Mode de paiement").selectOption("CHEQUE");
  await page.getByLabel("Montant (en euros)").fill("20");
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
  // without its number: the message beside the field, the field focused, nothing typed lost
  await expect(page.getByText("Indiquez le numéro du chèque.")).toBeVisible();
  await expect(page.getByLabel("Référence")).toBeFocused();
  await expect(page.getByLabel("Montant (en euros)")).toHaveValue("20");
  await expect(page.getByLabel("Mode de paiement")).toHaveValue("CHEQUE");
  await expectNoAxeViolations(page);
  const numeroCheque = fabrique.nom("chq");
  await page.getByLabel("Référence").fill(numeroCheque);
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(page.getByText("Le paiement est enregistré.")).toBeVisible();
  await expectNoAxeViolations(page);

  // the month's reconciliation, at the same width
  await page.getByRole("link", { name: "Rapprochement du mois" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rapprochement du mois");
  await expect(page.getByRole("row", { name: /Encaissé — Chèque/ })).toBeVisible();
  await sansDebord(page);
  await expectNoAxeViolations(page);

  // the parent's receipt: the mail with its PDF
  const mail = await mails.waitFor({ to: famille.courriel, subject: /^Reçu de votre paiement RE-\d{4}-\d{6}$/ });
  const recu = /RE-\d{4}-\d{6}/.exec(mail.subject)![0];
  const pieces = mail.parsed.attachments;
  expect(pieces.map((p) => [p.filename, p.contentType])).toEqual([[`recu-${recu}.pdf`, "application/pdf"]]);
  expect(pieces[0]!.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // … and Mes factures with what is left, the cheque among the movements
  await page.context().clearCookies();
  await connecter(page, famille);
  await page.goto("/factures");
  await expect(page.getByTestId("solde")).toHaveText("Reste à payer : 28,45 €");
  await expect(page.getByText(`Paiement : Chèque n° ${numeroCheque} — reçu ${recu}`)).toBeVisible();
  await sansDebord(page);
  await expectNoAxeViolations(page);
});
