// Changement de courriels, as a parent does it: from MES INFORMATIONS on Mon accueil, the password asked again,
// the link mailed to the new address (opened after a logout, so the login comes first and leads back to it),
// the new address in place and the old one told of the change.
import { test, expect } from "./fixtures/test";
import { MOT_DE_PASSE, seConnecter } from "./fixtures/espace";

test("un changement de courriel demande le mot de passe et le lien envoyé à la nouvelle adresse", async ({
  page,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const parent = await fabrique.espace({ prefixe: "courriel" });
  const nouveau = `nouveau.${parent.courriel}`;
  await connecter(page, parent);
  await page.goto("/mon-espace");

  await page
    .getByRole("region", { name: "Mes informations" })
    .getByRole("link", { name: "Changement de courriels" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Changement de courriels" })).toBeVisible();
  await expectNoAxeViolations(page);
  const champCourriel = page.getByRole("textbox", { name: "Nouvelle adresse de courriel", exact: true });
  const motDePasse = page.getByRole("textbox", { name: "Mot de passe actuel", exact: true });
  await champCourriel.fill(nouveau);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Indiquez votre mot de passe actuel.")).toBeVisible();
  await motDePasse.fill("Pas-le-bon-2026!");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Ce mot de passe n'est pas celui de votre espace.")).toBeVisible();
  // what was typed stays
  await expect(champCourriel).toHaveValue(nouveau);
  await expectNoAxeViolations(page);
  await motDePasse.fill(MOT_DE_PASSE);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText(`Un lien de confirmation a été envoyé à ${nouveau}.`)).toBeVisible();

  const lien = mails.link(
    await mails.waitFor({ to: nouveau, subject: "Confirmez votre nouvelle adresse de courriel" }),
    "/mes-informations/courriel/confirmer/",
  );
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  // (the session ends with the logout's answer: open the link only once it came)
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await page.goto(lien);
  await expect(page).toHaveURL(/\/connexion\?suite=/);
  await seConnecter(page, parent.identifiant, MOT_DE_PASSE, { ici: true });
  await expect(page.getByRole("heading", { level: 1, name: "Confirmation du changement de courriel" })).toBeVisible();
  await expect(page.getByText(nouveau)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirmer ma nouvelle adresse" }).click();
  await expect(page.getByText(`Votre adresse de courriel est désormais ${nouveau}.`)).toBeVisible();

  const avis = await mails.waitFor({ to: parent.courriel, subject: "L'adresse de courriel de votre espace a changé" });
  expect(avis.text).toContain("a été remplacée par n•••••@");
  await page.goto("/mes-informations/courriel");
  await expect(page.getByText(`Adresse de courriel actuelle : ${nouveau}`)).toBeVisible();
});
