// « Malade ce matin » at 360 px: a parent whose child is booked today (canteen and garderie) opens « Justifier
// une absence » from the child's card before 09:00 and cancels the day in two taps; later, once the hour is
// past, the button says why and how to reach the service, and the parent adds the certificate (the clock is
// set by the test, a cookie the server honours only under E2E=1). Every page's axe scan is clean.
import { expect, test } from "./fixtures/test";
import { sql } from "./fixtures/espace";
import type { BrowserContext } from "@playwright/test";

async function horloge(context: BrowserContext, baseURL: string, instant: string) {
  await context.addCookies([{ name: "horloge-e2e", value: instant, url: baseURL }]);
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test("@telephone un parent déclare « malade ce matin » avant 9 h, puis ajoute le certificat plus tard", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const nom = fabrique.nom("Ospital");
  const famille = await fabrique.familleInscriteCantine({
    nom,
    garderie: true,
    reserver: ["2026-09-10", "2026-09-11"],
  });
  // jeudi 10 septembre 2026, 08:30 à Paris
  await horloge(context, baseURL!, "2026-09-10T06:30:00.000Z");
  await connecter(page, famille);
  await page.goto("/mon-espace");
  // first tap: the child's card
  await page
    .getByRole("article", { name: `Louise ${nom.toUpperCase()}` })
    .getByRole("link", { name: "Justifier une absence pour Louise" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Justifier une absence");
  await expectNoAxeViolations(page);

  // second tap: today's meal and garderie are cancelled
  await page
    .getByRole("button", { name: "Malade ce matin : annuler le repas et la garderie d'aujourd'hui pour Louise" })
    .click();
  await expect(page.getByText(/C'est noté : le repas et la garderie d'aujourd'hui sont annulés/)).toBeVisible();
  const [{ numero }] = await sql(`SELECT d.numero FROM "Demande" d WHERE d."enfantId" = $1 AND d.type = 'ABSENCE'`, [
    famille.enfantId,
  ]);
  const jours = await sql(
    `SELECT date::text AS date, statut::text AS statut FROM "Reservation" WHERE "enfantId" = $1 ORDER BY date, "uniteId"`,
    [famille.enfantId],
  );
  expect(jours.filter((j) => j.date === "2026-09-10").map((j) => j.statut)).toEqual(
    expect.arrayContaining(["ABSENCE_SIGNALEE"]),
  );
  expect(jours.filter((j) => j.date === "2026-09-10").every((j) => j.statut === "ABSENCE_SIGNALEE")).toBe(true);
  expect(jours.filter((j) => j.date === "2026-09-11").every((j) => j.statut === "RESERVEE")).toBe(true);
  await page.reload();
  const absence = page.getByRole("listitem").filter({ hasText: `Demande N° ${numero}` });
  await expect(absence).toContainText("Justificatif à envoyer avant le 12/09/2026 à 08:30");
  await expectNoAxeViolations(page);

  // the month view says it
  await page.goto(`/famille/enfants/${famille.enfantId}/reservations?inscription=${famille.inscriptionId}`);
  await expect(
    page.getByRole("button", { name: "Jeudi 10 septembre, Menu Classique, absence signalée, en cours de traitement" }),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Légende" })).toContainText("Absence justifiée (non facturée)");

  // the next day at 10:00: too late for « Malade ce matin », the certificate is sent now
  await horloge(context, baseURL!, "2026-09-11T08:00:00.000Z");
  await page.goto(`/famille/enfants/${famille.enfantId}/absences`);
  await expect(page.getByRole("button", { name: "Malade ce matin : plus possible après 09:00" })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await expect(page.getByText(/n'est possible que jusqu'à 09 h 00/)).toContainText("par courriel à");
  await expectNoAxeViolations(page);
  const ligne = page.getByRole("listitem").filter({ hasText: `Demande N° ${numero}` });
  await ligne
    .getByLabel("Choisir un fichier")
    .setInputFiles({ name: "certificat.pdf", mimeType: "application/pdf", buffer: PDF });
  await ligne.getByRole("button", { name: `Envoyer le justificatif de la demande N° ${numero}` }).click();
  await expect(page.getByText("Le justificatif est envoyé au service.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `Demande N° ${numero}` })).toContainText(
    "Justificatif reçu le 11/09/2026 à 10:00",
  );
  await expectNoAxeViolations(page);
});
