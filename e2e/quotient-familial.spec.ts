// « Mon quotient familial » at 360 × 780: the parent consents to API Particulier (the answer in view and
// focused), updates the QF from the CAF (its stand-in answers 850 € for Claire ETCHART), reads it with its source
// and month, and withdraws the consent (the update disappears). The agent then finds « Interroger la CAF / MSA »
// gone from the family's page. Every screen's axe scan is clean.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { sql } from "./fixtures/espace";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

const sansDebord = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test("@telephone le quotient familial lu auprès de la CAF, avec l'accord de la famille", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const famille = await fabrique.familleValidee({ prefixe: "qf", nom: "Etchart", prenom: "Claire" });
  // the titulaire as API Particulier's stand-in knows her: born in April 1988 in Bayonne
  await sql(
    `UPDATE "Representant" SET civilite = 'MADAME', "nomFamille" = 'Etchart', prenom = 'Claire', "dateNaissance" = '1988-04-12', "codeInseeNaissance" = '64102'
     WHERE "familleId" = $1 AND role = 'TITULAIRE'`,
    [famille.familleId],
  );
  await connecter(page, famille);
  await page.goto("/famille/quotient");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon quotient familial");
  await expect(page.getByText("Aucun quotient familial n'est connu")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mettre à jour depuis la CAF ou la MSA" })).toHaveCount(0);
  await sansDebord(page);
  await expectNoAxeViolations(page);

  await page
    .getByLabel(
      "J'autorise la commune à consulter mon quotient familial auprès de la CAF ou de la MSA (API Particulier)",
    )
    .check();
  await page.getByRole("button", { name: "Enregistrer mon choix" }).click();
  const accord = page.getByRole("status").filter({ hasText: "Votre autorisation est enregistrée" });
  await expect(accord).toBeFocused();
  await expect(accord).toBeInViewport();

  await page.getByRole("button", { name: "Mettre à jour depuis la CAF ou la MSA" }).click();
  const lu = page.getByRole("status").filter({ hasText: "Votre quotient familial est mis à jour : 850 €" });
  await expect(lu).toBeFocused();
  await expect(lu).toBeInViewport();
  const actuel = page.getByRole("region", { name: "Votre quotient familial" });
  await expect(actuel).toContainText(/850 € depuis le 1er \S+ \d{4} \(CAF, calculé pour \S+ \d{4}\)/);
  await sansDebord(page);
  await expectNoAxeViolations(page);

  // withdrawn: no update any more, and the family's row says so
  await page
    .getByLabel(
      "J'autorise la commune à consulter mon quotient familial auprès de la CAF ou de la MSA (API Particulier)",
    )
    .uncheck();
  await page.getByRole("button", { name: "Enregistrer mon choix" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre autorisation est retirée" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Mettre à jour depuis la CAF ou la MSA" })).toHaveCount(0);
  const [ligne] = await sql(`SELECT "consentementQfLe" FROM "Famille" WHERE id = $1`, [famille.familleId]);
  expect(ligne!.consentementQfLe).toBeNull();

  // the agent: the QF read is on the family's page, the button gone without the consent
  const agent = await fabrique.agent({ prefixe: "qf" });
  await page.context().clearCookies();
  await connecter(page, agent);
  await page.goto(`/agent/familles/${famille.familleId}`);
  const section = page.getByRole("region", { name: "Quotient familial (CAF / MSA)" });
  await expect(section).toContainText("Dernier QF : 850 €");
  await expect(section).toContainText("La famille n'a pas autorisé");
  await expect(section.getByRole("button", { name: "Interroger la CAF / MSA" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
