// An activation link past its 24 hours: the page says so and offers a resend whose new link works, while
// the old one stays dead. The space is made by Créer mon espace's command (its wizard is creer-mon-espace.spec.ts).
import { test, expect } from "./fixtures/test";
import { sql } from "./fixtures/espace";

test("un lien d'activation expiré mène à un renvoi qui fonctionne", async ({
  page,
  mails,
  fabrique,
  expectNoAxeViolations,
}) => {
  const parent = await fabrique.espace({ prefixe: "expire", activer: false });
  const premier = mails.link(
    await mails.waitFor({ to: parent.courriel, subject: "Création de votre espace personnel" }),
    "/activation/",
  );

  // 24 hours later
  await sql(`UPDATE "UsagerToken" SET "expiresAt" = now() - interval '1 minute' WHERE "usagerId" = $1`, [
    parent.usagerId,
  ]);
  const avantRenvoi = new Date();
  await page.goto(premier);
  await expect(page.getByText("Ce lien d'activation a expiré.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Renvoyer le lien d'activation" }).click();
  await expect(page.getByText(/un nouveau lien d'activation vient d'être envoyé/)).toBeVisible();

  const second = mails.link(
    await mails.waitFor({ to: parent.courriel, subject: "Création de votre espace personnel", after: avantRenvoi }),
    "/activation/",
  );
  expect(second).not.toBe(premier);
  await page.goto(second);
  // the link opens a page; its button (a POST, so mail scanners activate nothing) activates
  await page.getByRole("button", { name: "Activer mon espace" }).click();
  await expect(
    page.getByText(`Votre espace a bien été activé pour le nom d'utilisateur ${parent.identifiant}.`),
  ).toBeVisible();

  await page.goto(premier);
  await expect(page.getByText("Ce lien d'activation a expiré.")).toBeVisible();
  await page.goto(second);
  await expect(page.getByText("Ce lien a déjà été utilisé : votre espace est activé.")).toBeVisible();
  await expectNoAxeViolations(page);
});
