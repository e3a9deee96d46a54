// Places proposées at 360 × 780 (issue 28, booking windows): a place freed on an allocated window's day is offered
// to the next family of its waiting list; the parent finds it with its deadline, the month view's legend names it,
// and « Accepter » books the day, the answer in view and focused. Every screen's axe scan is clean.
import { expect, test } from "./fixtures/test";
import { sql } from "./fixtures/espace";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

test("@telephone Places proposées : une place libérée est proposée, acceptée", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const famille = await fabrique.familleAvecPlaceProposee({ nom: fabrique.nom("Offre") });
  await context.addCookies([{ name: "horloge-e2e", value: "2026-08-20T12:00:00.000Z", url: baseURL! }]);
  await connecter(page, famille);
  await page.goto("/famille/reservations/propositions");

  const offre = page.getByRole("list", { name: "Places proposées" }).getByRole("listitem");
  await expect(offre).toHaveCount(1);
  await expect(offre).toContainText("Louise — lundi 3 mai 2027");
  await expect(offre).toContainText("Menu Végétarien");
  await expect(offre).toContainText("Réservée pour vous jusqu'au samedi 22 août à 12:00");
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await offre.getByRole("button", { name: "Accepter la place de Louise, lundi 3 mai 2027" }).click();
  const reponse = page.getByRole("status").filter({ hasText: "Place acceptée : le jour est réservé." });
  await expect(reponse).toBeFocused();
  await expect(reponse).toBeInViewport();
  await expect(page.getByText("Aucune place ne vous est proposée en ce moment.")).toBeVisible();
  await expectNoAxeViolations(page);
  const [ligne] = await sql(
    `SELECT statut, "offreExpireLe" FROM "Reservation" WHERE "enfantId" = $1 AND date = '2027-05-03'`,
    [famille.enfantId],
  );
  expect(ligne).toEqual({ statut: "RESERVEE", offreExpireLe: null });
});
