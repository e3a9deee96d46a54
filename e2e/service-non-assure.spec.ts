// The console's « Service non assuré » at 1280 px: an agent chooses the activities and lieux, the day and the
// motif, is first shown what the declaration will do (« 0 réservation annulée, 0 famille prévenue ») and
// confirms it or goes back to modify it (everything typed kept), is told what it touched, and undoes it the same
// day; a refused form keeps what was typed; the canteen and the garderie in one declaration are listed and
// undone together. The days chosen are in the summer holidays, so that no other test's bookings (the suite runs
// in parallel on one database) are touched: what the declaration does to bookings and mails, and that the
// preview's numbers are the command's, is shown on PostgreSQL (tests/integration/service-non-assure*).
import { expect, test } from "./fixtures/test";

const CANTINE = "Inscription à la restauration (école publique).";
// inside a sentence, the name goes without its final dot
const CANTINE_DANS_LA_PHRASE = "Inscription à la restauration (école publique)";
const GARDERIE = "Inscription en garderie (école publique)";
const LIEU = "École publique de Villefranque";

test("un agent déclare un service non assuré, vérifie ce qu'il fera, le confirme puis l'annule le jour même", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  await connecter(page, await fabrique.agent());
  await page.goto("/agent");
  await page.getByRole("link", { name: "Service non assuré" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service non assuré");
  await expectNoAxeViolations(page);
  const declarer = page.getByRole("button", { name: "Déclarer le service non assuré" });

  // nothing chosen: said beside the choices
  await page.getByLabel("Du").fill("2027-07-21");
  await page.getByLabel("Motif").selectOption({ label: "Sortie" });
  await declarer.click();
  await expect(page.getByText("Choisissez au moins une activité et un lieu.")).toBeVisible();

  // a range that ends before it starts: refused beside the field, the choices kept
  const cantine = page.getByRole("group", { name: CANTINE }).getByRole("checkbox", { name: LIEU });
  await cantine.check();
  await page.getByLabel("Au", { exact: true }).fill("2027-07-20");
  await declarer.click();
  await expect(page.getByText("La date de fin précède la date de début.").first()).toBeVisible();
  await expect(cantine).toBeChecked();
  await expect(page.getByLabel("Motif")).toHaveValue("SORTIE");
  await expectNoAxeViolations(page);

  // the preview first, in view and focused; « Modifier » goes back with everything kept
  await page.getByLabel("Au", { exact: true }).fill("");
  await declarer.click();
  const apercu = page.getByRole("status").filter({ hasText: "Cette déclaration :" });
  await expect(apercu).toContainText("Cette déclaration : 0 réservation annulée, 0 famille prévenue.");
  await expect(apercu).toContainText(`${CANTINE_DANS_LA_PHRASE}, ${LIEU} — le 21/07/2027 — Sortie`);
  await expect(apercu).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Modifier" }).click();
  await expect(page.getByText("Modifiez la déclaration, puis vérifiez-la à nouveau.")).toBeVisible();
  await expect(cantine).toBeChecked();
  await expect(page.getByLabel("Du")).toHaveValue("2027-07-21");
  await expect(page.getByLabel("Motif")).toHaveValue("SORTIE");
  await declarer.click();
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText(/^Service non assuré enregistré : 0 réservation/)).toBeVisible();
  const declaration = page.getByRole("listitem").filter({ hasText: "mercredi 21 juillet" }).first();
  await expect(declaration).toContainText("Sortie");
  await declaration.getByRole("button", { name: /^Annuler cette déclaration/ }).click();
  await expect(page.getByText(/^Déclaration annulée/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "mercredi 21 juillet" }).first()).toContainText(
    "annulé le",
  );
  await expectNoAxeViolations(page);
});

test("un agent déclare la cantine et la garderie en une seule fois, puis annule le tout", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  await connecter(page, await fabrique.agent());
  await page.goto("/agent/service-non-assure");
  await page.getByRole("group", { name: CANTINE }).getByRole("checkbox", { name: LIEU }).check();
  await page.getByRole("group", { name: GARDERIE }).getByRole("checkbox", { name: LIEU }).check();
  await page.getByLabel("Du").fill("2027-07-27");
  await page.getByLabel("Au", { exact: true }).fill("2027-07-28");
  await page.getByLabel("Motif").selectOption({ label: "Grève" });
  await page.getByRole("button", { name: "Déclarer le service non assuré" }).click();
  const apercu = page.getByRole("status").filter({ hasText: "Cette déclaration :" });
  await expect(apercu).toContainText(/Cette déclaration : \d+ réservations? annulées?, \d+ familles? prévenues?\./);
  await expect(apercu).toContainText(
    `${CANTINE_DANS_LA_PHRASE}, ${LIEU} ; ${GARDERIE}, ${LIEU} — du 27/07/2027 au 28/07/2027`,
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText(/^Service non assuré enregistré :/)).toBeVisible();
  const declaration = page.getByRole("listitem").filter({ hasText: "mardi 27 juillet au mercredi 28 juillet" }).first();
  await expect(declaration).toContainText(`${CANTINE_DANS_LA_PHRASE}, ${LIEU} ; ${GARDERIE}, ${LIEU}`);
  await declaration.getByRole("button", { name: /^Annuler cette déclaration/ }).click();
  await expect(page.getByText(/^Déclaration annulée/)).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "mardi 27 juillet au mercredi 28 juillet" }).first(),
  ).toContainText("annulé le");
  await expectNoAxeViolations(page);
});
