// `npm run demo` on a fresh clone: the embedded database with the demo accounts, and the README's first login.
import { test, expect } from "@playwright/test";
import { DEMO_PARENT } from "@/prisma/demo-comptes";

test("le serveur de démonstration répond et parent.demo arrive sur Mon accueil", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant").fill(DEMO_PARENT.identifiant);
  await page.getByLabel("Mot de passe").fill(DEMO_PARENT.motDePasse);
  await page.getByRole("button", { name: "Connexion" }).click();
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(page.getByRole("heading", { name: "Bonjour Claire ETCHART" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Ma famille" }).getByText("Louise ETCHART")).toBeVisible();
});
