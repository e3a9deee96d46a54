// Gérer mes réservations at 360 px, as a parent does it every week: a parent books her child's school year of
// canteen with a week pattern in a few interactions, sees the change before saving and the recap mail,
// cancels a day before its cutoff, and is refused after it with the reason. The clock is set by the test
// (a cookie the server honours only under E2E=1), never waited for. The family, Louise's accepted canteen and
// garderie inscriptions (as the demo's Louise) and the commune's reservation parameters come from a factory
// (familleInscriteCantine, with the demo's own seedReservations and inscrire); its names are this test's only.
import { expect, test } from "./fixtures/test";
import { sql } from "./fixtures/espace";
import { mailLinks } from "./fixtures/mail-sink";
import type { BrowserContext } from "@playwright/test";

async function horloge(context: BrowserContext, baseURL: string, instant: string) {
  await context.addCookies([{ name: "horloge-e2e", value: instant, url: baseURL }]);
}

test("@telephone un parent réserve l'année de cantine avec une semaine type, annule avant la clôture, est refusé après", async ({
  page,
  context,
  baseURL,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const nom = fabrique.nom("Etchart");
  const famille = await fabrique.familleInscriteCantine({ nom, garderie: true });
  // in August, before the first cutoff of the year (Thursday 27 August, 12:00, for Tuesday 1 September)
  await horloge(context, baseURL!, "2026-08-20T10:00:00.000Z");
  await connecter(page, famille);
  await page.goto("/mon-espace");
  await page
    .getByRole("article", { name: `Louise ${nom.toUpperCase()}` })
    .getByRole("link", { name: "Gérer mes réservations pour Louise" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gérer mes réservations");
  const activites = page.getByRole("navigation", { name: "Activités" });
  await expect(activites.getByRole("link")).toHaveCount(2);
  await expect(activites.getByRole("link", { name: /^Inscription en garderie \(école publique\)/ })).toBeVisible();
  await activites.getByRole("link", { name: "Inscription à la restauration (école publique)." }).click();
  await expect(
    activites.getByRole("link", { name: "Inscription à la restauration (école publique)." }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Septembre 2026" })).toBeVisible();
  await expect(page.getByText("Prochaine clôture : jeudi 12:00, dans 7 jours")).toBeVisible();
  await expect(page.getByText("Modifiable jusqu'au jeudi 3 septembre à 12:00").first()).toBeVisible();
  const lundi7 = page.getByRole("button", { name: "Lundi 7 septembre, Menu Classique, non réservé" });
  await expect(lundi7).toHaveAttribute("aria-pressed", "false");
  await expectNoAxeViolations(page);

  // the school year in one pattern: lundi, mardi, jeudi, vendredi, Menu Classique
  await page.getByText("Appliquer une semaine type").click();
  for (const jour of ["Lundi", "Mardi", "Jeudi", "Vendredi"]) await page.getByLabel(`${jour}, Menu Classique`).check();
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByRole("button", { name: "Lundi 7 septembre, Menu Classique, réservé" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // a holiday is never part of it
  await page.getByRole("button", { name: "Mois suivant" }).click();
  await expect(page.getByRole("heading", { name: "Octobre 2026" })).toBeVisible();
  await expect(page.getByText("Vacances de la Toussaint").first()).toBeVisible();

  await page.getByRole("button", { name: "Enregistrer" }).click();
  const apercu = page.getByRole("region", { name: "Changements à enregistrer" });
  await expect(apercu).toContainText(/Changements pour Louise : \+ \d{3} jours, − 0 jour/);
  const ajoutes = Number(/\+ (\d+) jours/.exec((await apercu.textContent())!)![1]);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirmer l'enregistrement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Réservations enregistrées" })).toContainText(
    `${ajoutes} jours réservés`,
  );
  const recap = await mails.waitFor({ to: famille.courriel, subject: "Vos réservations pour Louise" });
  expect(recap.text).toContain(`Jours réservés (${ajoutes})`);
  expect(recap.text).toContain("lundi 7 septembre 2026 : Menu Classique");
  // its link opens this inscription's month view
  const lien = mailLinks(recap).find((l) => l.includes("/reservations?inscription="))!;
  const depuisLeCourriel = await context.newPage();
  await depuisLeCourriel.goto(lien);
  await expect(depuisLeCourriel.getByRole("heading", { level: 1 })).toHaveText("Gérer mes réservations");
  await expect(depuisLeCourriel.getByRole("button", { name: "Enregistrer" })).toBeVisible();
  await depuisLeCourriel.close();
  const [{ n }] = await sql(
    `SELECT count(*)::int AS n FROM "Reservation" WHERE "enfantId" = $1 AND statut = 'RESERVEE'`,
    [famille.enfantId],
  );
  expect(n).toBe(ajoutes);

  // cancelling Monday 7 September before its cutoff
  await page.getByRole("button", { name: "Mois précédent" }).click();
  await page.getByRole("button", { name: "Lundi 7 septembre, Menu Classique, réservé" }).click();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(apercu).toContainText("+ 0 jour, − 1 jour");
  await page.getByRole("button", { name: "Confirmer l'enregistrement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Réservations enregistrées" })).toContainText(
    "1 jour annulé",
  );
  await expect(page.getByRole("button", { name: "Lundi 7 septembre, Menu Classique, non réservé" })).toBeVisible();
  // each day says its last change (Paris time), beside its toggle and in the toggle's description
  await expect(
    page.getByRole("button", { name: "Lundi 7 septembre, Menu Classique, non réservé" }),
  ).toHaveAccessibleDescription(/annulé le 20\/08 à 12:00/);
  await expect(
    page.getByRole("button", { name: "Mardi 8 septembre, Menu Classique, réservé" }),
  ).toHaveAccessibleDescription(/réservé le 20\/08 à 12:00/);

  // Tuesday 8 September: unchecked before the cutoff, confirmed after it — the server refuses, and says why
  await page.getByRole("button", { name: "Mardi 8 septembre, Menu Classique, réservé" }).click();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await horloge(context, baseURL!, "2026-09-03T10:01:00.000Z");
  await page.getByRole("button", { name: "Confirmer l'enregistrement" }).click();
  const refus = page.getByRole("alert").filter({ hasText: "refusé" });
  await expect(refus).toContainText("Aucun changement. 1 jour refusé");
  await expect(refus).toContainText(
    "Mardi 8 septembre, Menu Classique : Le délai d'annulation est dépassé (modifiable jusqu'au jeudi 3 septembre à 12:00).",
  );
  // and the calendar now shows the day locked
  await page.reload();
  await expect(page.getByRole("button", { name: "Mardi 8 septembre, Menu Classique, réservé" })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await expectNoAxeViolations(page);
});
