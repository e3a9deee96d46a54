// The family's agenda at 360 × 780 (issue 25, « Agenda and reminders »): Mon accueil tells the next cutoff and
// next week's days not booked for each child, the parent asks for the reminder, declares both children « malade ce
// matin » in one tap (the answer in view and focused), then opens « Mon agenda »: the feed behind its secret link
// is fetched and parsed (both children's days), a child's .ics holds that child only, and once the link is renewed
// the old one answers 404. The clock is set by the test (a cookie the server honours only under E2E=1). Every
// screen's axe scan is clean.
import ical, { type VEvent } from "node-ical";
import { expect, test } from "./fixtures/test";
import { sql } from "./fixtures/espace";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

const evenements = (texte: string) =>
  Object.values(ical.sync.parseICS(texte)).filter((c): c is VEvent => c?.type === "VEVENT");

test("@telephone Mon accueil : prochaine clôture, jours non réservés, malade ce matin pour deux enfants, agenda", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(150_000);
  const nom = fabrique.nom("Agenda");
  const famille = await fabrique.familleDeuxEnfantsInscrits({
    nom,
    reserverLouise: ["2026-09-10", "2026-09-11", "2026-09-14", "2026-09-15"],
    reserverHenri: ["2026-09-10", "2026-09-11"],
  });
  // jeudi 10 septembre 2026, 08:30 à Paris: the canteen of the week of the 14th closes today at noon
  await context.addCookies([{ name: "horloge-e2e", value: "2026-09-10T06:30:00.000Z", url: baseURL! }]);
  await connecter(page, famille);
  await page.goto("/mon-espace");

  const bloc = page.getByRole("region", { name: "Mes réservations à venir" });
  await expect(bloc).toContainText("Prochaine clôture : aujourd'hui à 12:00");
  await expect(bloc).toContainText("Semaine du lundi 14 septembre");
  await expect(bloc).toContainText("Louise : jeudi 17, vendredi 18 non réservés");
  await expect(bloc).toContainText("Henri : lundi 14, mardi 15, jeudi 17, vendredi 18 non réservés");
  await expect(bloc.getByRole("link", { name: "Réserver pour Henri" })).toHaveAttribute(
    "href",
    `/famille/enfants/${famille.henri}/reservations`,
  );
  await expectNoAxeViolations(page);
  // nothing sticks out of the phone's width
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // the reminder, opt-in
  await bloc
    .getByLabel(
      "Me prévenir par courriel la veille d'une clôture quand des jours de la semaine suivante ne sont pas réservés",
    )
    .check();
  await bloc.getByRole("button", { name: "Enregistrer ma préférence" }).click();
  const preference = bloc.getByRole("status").filter({ hasText: "vous recevrez un courriel la veille" });
  await expect(preference).toBeFocused();
  await expect(preference).toBeInViewport();
  expect((await sql(`SELECT "rappelCloture" FROM "Usager" WHERE id = $1`, [famille.usagerId]))[0]!.rappelCloture).toBe(
    true,
  );

  // « Malade ce matin » for both children, one confirmation
  const malade = page.getByRole("region", { name: "Malade ce matin" });
  await malade.getByLabel("Louise").check();
  await malade.getByLabel("Henri").check();
  await malade.getByRole("button", { name: "Malade ce matin : annuler aujourd'hui pour les enfants cochés" }).click();
  const reponse = malade.getByRole("status");
  await expect(reponse).toContainText(/Henri : le repas et la garderie d'aujourd'hui sont annulés \(demande N° \d+\)/);
  await expect(reponse).toContainText(/Louise : le repas et la garderie d'aujourd'hui sont annulés \(demande N° \d+\)/);
  await expect(reponse).toBeFocused();
  const boite = (await reponse.boundingBox())!;
  expect(boite.y).toBeGreaterThanOrEqual(0);
  expect(boite.y + boite.height).toBeLessThanOrEqual(780);
  const jours = await sql(
    `SELECT DISTINCT statut::text AS statut FROM "Reservation" WHERE "familleId" = $1 AND date = '2026-09-10'`,
    [famille.familleId],
  );
  expect(jours.map((j) => j.statut)).toEqual(["ABSENCE_SIGNALEE"]);
  await expectNoAxeViolations(page);

  // Mon agenda: the secret link, fetched and parsed as a calendar app would
  await bloc.getByRole("link", { name: /Ajouter les réservations à mon agenda/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon agenda");
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const lien = await page.getByLabel("Lien de l'agenda").inputValue();
  const chemin = new URL(lien).pathname;
  const flux = await page.request.get(chemin);
  expect(flux.status()).toBe(200);
  expect(flux.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const titres = evenements(await flux.text()).map((e) => `${e.start.toISOString().slice(0, 10)} ${String(e.summary)}`);
  expect(titres).toEqual(expect.arrayContaining(["2026-09-11 Henri — Menu Classique", "2026-09-14 Louise — Soir"]));
  // today's days are absences now: no longer in the feed
  expect(titres.filter((t) => t.startsWith("2026-09-10"))).toEqual([]);

  // a child's own file
  const fichier = await page.request.get(`/famille/enfants/${famille.henri}/agenda/fichier`);
  expect(fichier.status()).toBe(200);
  expect(fichier.headers()["content-disposition"]).toContain('attachment; filename="reservations-Henri.ics"');
  const deHenri = evenements(await fichier.text());
  expect(deHenri.length).toBeGreaterThan(0);
  expect(deHenri.every((e) => String(e.summary).startsWith("Henri — "))).toBe(true);

  // renewing the link: the old one stops working
  await page.getByRole("button", { name: "Renouveler le lien" }).click();
  const renouvele = page.getByRole("status").filter({ hasText: "Le lien est renouvelé" });
  await expect(renouvele).toBeFocused();
  await expect(renouvele).toBeInViewport();
  await expect(page.getByLabel("Lien de l'agenda")).not.toHaveValue(lien);
  expect((await page.request.get(chemin)).status()).toBe(404);
  const nouveau = new URL(await page.getByLabel("Lien de l'agenda").inputValue()).pathname;
  expect((await page.request.get(nouveau)).status()).toBe(200);
  await expectNoAxeViolations(page);

  // at 09:30 « Malade ce matin » is closed: Mon accueil says why and how to reach the service
  await context.addCookies([{ name: "horloge-e2e", value: "2026-09-10T07:30:00.000Z", url: baseURL! }]);
  await page.goto("/mon-espace");
  await expect(page.getByRole("region", { name: "Malade ce matin" })).toContainText(
    "« Malade ce matin » n'est possible que jusqu'à 09 h 00",
  );
  await expect(page.getByRole("button", { name: /Malade ce matin : annuler/ })).toHaveCount(0);
});
