// `npm run demo` on a fresh clone: the embedded database with the demo accounts, and the README's first login.
import { test, expect } from "@playwright/test";
import { DEMO_PARENT } from "@/prisma/demo-comptes";

test("le serveur de démonstration répond et parent.demo arrive sur Mon accueil", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant").fill(DEMO_PARENT.identifiant);
  await page.getByLabel("Mot de passe").fill(DEMO_PARENT.motDePasse);
  await page.getByRole("button", { name: "Connexion" }).click();
  // The first login of a server just started (argon2id, the first render of Mon accueil on the embedded database),
  // while the http and e2e lanes share the two cores: a CI run of 8 December 2026 gave up waiting at 15 s. A wrong
  // password or a refusal shows its message at once, and a failure here says what the page says.
  await expect(page)
    .toHaveURL(/\/mon-espace$/, { timeout: 60_000 })
    .catch(async (erreur: unknown) => {
      throw new Error(`${String(erreur)}\nLa page dit : ${await page.locator("main").innerText()}`);
    });
  await expect(page.getByRole("heading", { name: "Bonjour Claire ETCHART" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Ma famille" }).getByText("Louise ETCHART")).toBeVisible();
});

// The demo starts the PayFiP stand-in (scripts/demo-payfip.ts) and invoices parent.demo's September: a reviewer
// pays it on the stand-in's card page and sees it paid.
test("parent.demo paie sa facture de démonstration sur la page de PayFiP et la voit payée", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant").fill(DEMO_PARENT.identifiant);
  await page.getByLabel("Mot de passe").fill(DEMO_PARENT.motDePasse);
  await page.getByRole("button", { name: "Connexion" }).click();
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto("/factures");
  await page
    .getByRole("link", { name: /^Payer en ligne la facture / })
    .first()
    .click();
  await page.getByRole("button", { name: "Payer en ligne" }).click();
  await expect(page.getByRole("heading", { name: "Paiement de votre facture" })).toBeVisible();
  await page.getByLabel("Numéro de carte").fill("4970 1000 0000 0001");
  await page.getByRole("button", { name: "Payer par carte" }).click();
  await page.getByRole("link", { name: "Retourner sur le site de la collectivité" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paiement accepté" })).toBeVisible();
  await expect(page.getByTestId("etat-facture")).toHaveText("payée");
});
