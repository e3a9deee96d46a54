// Paying an invoice online at 360 px, on the PayFiP stand-in's page (tests/stand-ins/payfip.ts, started by
// playwright.config.ts): the parent pays with a card, comes back and sees the invoice "payée"; a refused card
// leaves it "à payer" with a clear message. The invoice comes from a factory (familleAvecFacture); the
// stand-in's page is PayFiP's, not ours: the axe scans are of the portal's pages.
import { expect, test } from "./fixtures/test";
import type { Page } from "@playwright/test";

async function payerSurPayfip(page: Page, carte: string) {
  await expect(page.getByRole("heading", { name: "Paiement de votre facture" })).toBeVisible();
  await expect(page.getByText("42,50")).toBeVisible();
  await page.getByLabel("Numéro de carte").fill(carte);
  await page.getByRole("button", { name: "Payer par carte" }).click();
  await expect(page.getByRole("heading", { name: "Ticket de paiement" })).toBeVisible();
  await page.getByRole("link", { name: "Retourner sur le site de la collectivité" }).click();
}

test("@telephone un parent paie sa facture en ligne sur PayFiP, revient et la voit payée", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const famille = await fabrique.familleAvecFacture({ nom: fabrique.nom("Ospital") });
  await connecter(page, famille);
  await page.goto(`/factures/${famille.factureNumero}/payer`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Payer la facture ${famille.factureNumero}`);
  await expect(page.getByText("42,50 €")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Payer en ligne" }).click();
  await expect(page).toHaveURL(/\/tpa\/paiementws\.web\?idop=/);
  await payerSurPayfip(page, "4970 1000 0000 0001");

  await expect(page).toHaveURL(new RegExp(`/factures/${famille.factureNumero}/payer/retour\\?idop=`));
  await expect(page.getByRole("status").filter({ hasText: "Paiement accepté" })).toContainText(
    `Paiement accepté : votre facture ${famille.factureNumero} est payée.`,
  );
  await expect(page.getByTestId("etat-facture")).toHaveText("payée");
  await expectNoAxeViolations(page);
  // paying again: nothing left to pay
  await page.goto(`/factures/${famille.factureNumero}/payer`);
  await expect(page.getByText("Cette facture n'a plus rien à payer.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Payer en ligne" })).toHaveCount(0);
});

test("@telephone une carte refusée laisse la facture à payer, avec un message clair", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const famille = await fabrique.familleAvecFacture({ nom: fabrique.nom("Bidart") });
  await connecter(page, famille);
  await page.goto(`/factures/${famille.factureNumero}/payer`);
  await page.getByRole("button", { name: "Payer en ligne" }).click();
  await payerSurPayfip(page, "4970 1000 0000 0002");

  const alerte = page.getByRole("alert").filter({ hasText: "Paiement refusé" });
  await expect(alerte).toContainText("Paiement refusé : votre facture reste à payer.");
  await expect(alerte).toContainText("aucune somme n'a été prélevée");
  await expect(page.getByTestId("etat-facture")).toHaveText("à payer");
  await expectNoAxeViolations(page);
  // the next attempt may start at once
  await page.getByRole("link", { name: "Payer cette facture" }).click();
  await page.getByRole("button", { name: "Payer en ligne" }).click();
  await expect(page).toHaveURL(/\/tpa\/paiementws\.web\?idop=/);
});
