// Réserver pour toute la famille at 360 × 780, axe clean at each step: a parent books a week of canteen and
// garderie for her two children in one save (the answer inside the screen and focused, one recap mail for the
// family), sees the estimate change as days are ticked, then her session expires mid-edit: the login brings her
// back to the same week with the changes found again, and she saves them. The clock is set by the test (a cookie
// the server honours only under E2E=1). The family (Louise and Henri, each with an accepted canteen inscription
// subscribing Menu Classique only and an accepted garderie one) comes from the factory familleInscriteCantine.
import { expect, test } from "./fixtures/test";
import { seConnecter, sql } from "./fixtures/espace";
import type { Locator, Page } from "@playwright/test";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

/** The element is inside the viewport, entirely. */
async function dansLEcran(page: Page, element: Locator) {
  const boite = (await element.boundingBox())!;
  const ecran = page.viewportSize()!;
  expect(boite.y).toBeGreaterThanOrEqual(0);
  expect(boite.y + boite.height).toBeLessThanOrEqual(ecran.height);
  expect(boite.x + boite.width).toBeLessThanOrEqual(ecran.width);
}

test("deux enfants réservés pour une semaine en un seul enregistrement, puis une session expirée ne perd rien", async ({
  page,
  context,
  baseURL,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const nom = fabrique.nom("Larralde");
  const famille = await fabrique.familleInscriteCantine({
    nom,
    garderie: true,
    aussi: ["Henri"],
    unMenu: true,
    quotient: 850,
  });
  // in August, before the first cutoffs of the year (Thursday 3 September, 12:00, for the week of the 7th)
  await context.addCookies([{ name: "horloge-e2e", value: "2026-08-20T10:00:00.000Z", url: baseURL! }]);
  await connecter(page, famille);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Réserver pour toute la famille" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réserver pour toute la famille");
  // nothing sticks out of the screen at 360 px
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByRole("button", { name: "Semaine suivante" }).click();
  await expect(page).toHaveURL(/\?semaine=2026-09-07$/);
  const grille = page.getByRole("grid", { name: "Jours à réserver pour la famille" });
  // only the units subscribed: Menu Classique, not Menu Végétarien
  await expect(grille.getByRole("button", { name: "Louise, lundi 7 septembre, Menu Classique : libre" })).toBeVisible();
  await expect(grille.getByRole("button", { name: /Menu Végétarien/ })).toHaveCount(0);
  await expect(grille.getByRole("button", { name: "Henri, vendredi 11 septembre, Soir : libre" })).toBeVisible();
  const total = page.getByTestId("total-famille");
  await expect(total).toContainText("0 repas ou place = 0,00 €");
  // the week, two children × three units, fits in a screen and a half
  const boiteGrille = (await grille.boundingBox())!;
  expect(boiteGrille.height).toBeLessThanOrEqual(780 * 1.5);
  await expectNoAxeViolations(page);

  // a toggle changes the estimate at once
  await grille.getByRole("button", { name: "Louise, lundi 7 septembre, Menu Classique : libre" }).click();
  await expect(
    grille.getByRole("button", { name: "Louise, lundi 7 septembre, Menu Classique : réservé" }),
  ).toHaveAttribute("aria-pressed", "true");
  await expect(total).toContainText("1 repas ou place");
  const unJour = await total.textContent();

  // the week pattern for both children, over this week only
  await page.getByText("Appliquer une semaine type").click();
  for (const jour of ["Lundi", "Mardi", "Jeudi", "Vendredi"])
    for (const unite of ["Menu Classique", "Matin", "Soir"]) await page.getByLabel(`${jour}, ${unite}`).check();
  await page.getByLabel("Du", { exact: true }).fill("2026-09-07");
  await page.getByLabel("Au", { exact: true }).fill("2026-09-11");
  await page.getByRole("button", { name: "Appliquer", exact: true }).click();
  const annonce = page.getByRole("status").filter({ hasText: "ajoutés pour Henri et Louise" });
  await expect(annonce).toBeFocused();
  await dansLEcran(page, annonce);
  await expect(total).toContainText("24 repas et places");
  // priced by the billing's tariffs at the family's QF: an amount, not zero
  await expect(total).toContainText(/24 repas et places = [1-9]\d*,\d{2} €/);
  expect(await total.textContent()).not.toEqual(unJour);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: /^Enregistrer/ }).click();
  await expect(page.getByRole("region", { name: "Changements à enregistrer" })).toContainText("+ 24 jours, − 0 jour");
  const avantLEnregistrement = new Date();
  await page.getByRole("button", { name: "Confirmer l'enregistrement" }).click();
  const reponse = page.getByRole("status").filter({ hasText: "Réservations enregistrées pour la famille" });
  await expect(reponse).toContainText("Henri : 12 jours réservés");
  await expect(reponse).toContainText("Louise : 12 jours réservés");
  await expect(reponse).toBeFocused();
  await dansLEcran(page, reponse);
  await expectNoAxeViolations(page);
  const [{ n }] = await sql(
    `SELECT count(*)::int AS n FROM "Reservation" WHERE "familleId" = $1 AND statut = 'RESERVEE'`,
    [famille.familleId],
  );
  expect(n).toBe(24);
  // one recap mail for the family, not one per child and activity
  const recap = await mails.waitFor({ to: famille.courriel, after: avantLEnregistrement });
  expect(recap.text).toContain("Louise");
  expect(recap.text).toContain("Henri");
  // the save's transaction queued exactly one mail to the family (the outbox holds every mail ever queued)
  expect(
    await sql(`SELECT subject FROM "OutboxMail" WHERE lower("to") LIKE $1 AND "createdAt" >= $2`, [
      `%${famille.courriel.toLowerCase()}%`,
      avantLEnregistrement,
    ]),
  ).toEqual([{ subject: recap.subject }]);

  // the next week, one day ticked, then the session ends (idle, revoked) before the save
  await page.getByRole("button", { name: "Semaine suivante" }).click();
  await expect(page).toHaveURL(/\?semaine=2026-09-14$/);
  await grille.getByRole("button", { name: "Henri, mardi 15 septembre, Matin : libre" }).click();
  await sql(`UPDATE "Session" SET "revokedAt" = now() WHERE "usagerId" = $1`, [famille.usagerId]);
  await page.getByRole("button", { name: /^Enregistrer/ }).click();
  await page.getByRole("button", { name: "Confirmer l'enregistrement" }).click();
  await expect(page).toHaveURL(/\/connexion\?suite=/);
  await seConnecter(page, famille.identifiant, famille.motDePasse, { ici: true });
  await expect(page).toHaveURL(/\/famille\/reservations\?semaine=2026-09-14$/);
  const retrouvees = page
    .getByRole("status")
    .filter({ hasText: "Vos modifications non enregistrées ont été retrouvées" });
  await expect(retrouvees).toBeFocused();
  await dansLEcran(page, retrouvees);
  await expect(grille.getByRole("button", { name: "Henri, mardi 15 septembre, Matin : réservé" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /^Enregistrer/ }).click();
  await page.getByRole("button", { name: "Confirmer l'enregistrement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Henri : 1 jour réservé" })).toBeFocused();
  // saved: the browser's copy is gone, a reload finds nothing to restore
  await page.reload();
  await expect(grille.getByRole("button", { name: "Henri, mardi 15 septembre, Matin : réservé" })).toBeVisible();
  await expect(page.getByText("Vos modifications non enregistrées ont été retrouvées")).toHaveCount(0);
});
