// Paying an invoice online at 360 px, on the PayFiP stand-in's page (tests/stand-ins/payfip-pages.ts, started by
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
  await page.goto("/factures");
  await page.getByRole("link", { name: `Payer en ligne la facture ${famille.factureNumero}` }).click();
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

test("@telephone un agent enregistre un chèque, l'affecte à la facture, et voit le solde de la famille", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const famille = await fabrique.familleAvecFacture({ nom: fabrique.nom("Itxassou") });
  const agent = await fabrique.agent({ prefixe: "regie" });
  await connecter(page, agent);
  await page.goto("/agent/paiements/nouveau");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enregistrer un paiement");
  await expectNoAxeViolations(page);
  await page.getByLabel("Clé enfance de la famille").fill(famille.cleEnfance);
  await page.getByLabel("Mode de paiement").selectOption("CHEQUE");
  await page.getByLabel("Montant (en euros)").fill("douze");
  await page.getByLabel("Référence").fill(fabrique.nom("chq"));
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
  // a bad amount: its message beside the field, nothing typed lost
  await expect(page.getByText("Indiquez un montant en euros, par exemple 42,50.")).toBeVisible();
  await expect(page.getByLabel("Clé enfance de la famille")).toHaveValue(famille.cleEnfance);
  await page.getByLabel("Montant (en euros)").fill("20");
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();

  await expect(page.getByText("Le paiement est enregistré.")).toBeVisible();
  const champ = page.getByLabel(new RegExp(`^Facture ${famille.factureNumero}`));
  await expect(champ).toHaveValue("20,00");
  await expectNoAxeViolations(page);
  await champ.fill("50");
  await page.getByRole("button", { name: "Enregistrer l'affectation" }).click();
  await expect(page.getByText(`La facture ${famille.factureNumero} ne reste due que de 42,50 €.`)).toBeVisible();
  await champ.fill("15");
  await page.getByRole("button", { name: "Enregistrer l'affectation" }).click();
  await expect(page.getByText("L'affectation est enregistrée.")).toBeVisible();

  await page.getByRole("link", { name: "Soldes des familles" }).click();
  await expect(page.getByRole("row", { name: new RegExp(famille.cleEnfance) })).toContainText("22,50 €");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Relances" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relances");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Paiements", exact: true }).first().click();
  await expect(page.getByRole("link", { name: "Exporter les paiements en CSV" })).toBeVisible();
  await expectNoAxeViolations(page);
});
