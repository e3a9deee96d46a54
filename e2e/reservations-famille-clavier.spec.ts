// Réserver pour toute la famille with the keyboard alone (desktop, the month shown): Tab reaches the grid, the
// arrow keys move between days, units and children, Space books, Tab leaves the grid for « Enregistrer », and
// Enter saves the week for both children. No click, no mouse: page.keyboard only.
import { expect, test } from "./fixtures/test";
import { sql } from "./fixtures/espace";

test("une semaine réservée pour la famille au clavier seul", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const nom = fabrique.nom("Haramboure");
  const famille = await fabrique.familleInscriteCantine({ nom, garderie: true, aussi: ["Henri"], unMenu: true });
  await context.addCookies([{ name: "horloge-e2e", value: "2026-08-20T10:00:00.000Z", url: baseURL! }]);
  await connecter(page, famille);
  await page.goto("/famille/reservations?mois=2026-09");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réserver pour toute la famille");
  await expectNoAxeViolations(page);

  const cellule = () => page.evaluate(() => document.activeElement?.getAttribute("data-cellule") ?? null);
  const nomActif = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
  // Tab to the grid: one stop only (roving tabindex), on the week's first cell
  for (let i = 0; i < 60 && (await cellule()) === null; i++) await page.keyboard.press("Tab");
  expect(await cellule()).not.toBeNull();
  // down to the week of the 7th: the first week has 6 rows (2 children × Menu Classique, Matin, Soir)
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowDown");
  await expect(page.locator(":focus")).toHaveAccessibleName("Henri, lundi 7 septembre, Menu Classique : libre");

  // every row of the week, left to right, Space on each free day
  let reserves = 0;
  for (let ligne = 0; ligne < 6; ligne++) {
    for (let colonne = 0; colonne < 5; colonne++) {
      if ((await nomActif()).endsWith(": libre")) {
        await page.keyboard.press("Space");
        reserves += 1;
        await expect(page.locator(":focus")).toHaveAttribute("aria-pressed", "true");
      }
      await page.keyboard.press("ArrowRight");
    }
    await page.keyboard.press("Home");
    if (ligne < 5) await page.keyboard.press("ArrowDown");
  }
  expect(reserves).toBeGreaterThanOrEqual(24);
  await expect(page.locator(":focus")).toHaveAccessibleName(/^Louise, lundi 7 septembre, Soir : réservé/);
  await expect(page.getByTestId("total-famille")).toContainText(`${reserves} repas et places`);

  // Tab leaves the grid: next is « Enregistrer »
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText(/^Enregistrer/);
  await page.keyboard.press("Enter");
  await expect(page.locator(":focus")).toHaveText("Confirmer l'enregistrement");
  await page.keyboard.press("Enter");
  const reponse = page.getByRole("status").filter({ hasText: "Réservations enregistrées pour la famille" });
  await expect(reponse).toBeFocused();
  await expect(reponse).toContainText("Louise : ");
  await expect(reponse).toContainText("Henri : ");
  const [{ n }] = await sql(
    `SELECT count(*)::int AS n FROM "Reservation" WHERE "familleId" = $1 AND statut = 'RESERVEE'`,
    [famille.familleId],
  );
  expect(n).toBe(reserves);
  await expectNoAxeViolations(page);
});
