// The console's « Service non assuré » at 1280 px: an agent declares a day for an activity and lieu, is told
// what it touched, and undoes it the same day; a refused form keeps what was typed. The day chosen is in the
// summer holidays, so that no other test's bookings (the suite runs in parallel on one database) are touched:
// what the declaration does to bookings and mails is shown on PostgreSQL (tests/integration/service-non-assure).
import { expect, test } from "./fixtures/test";

test("un agent déclare un service non assuré puis l'annule le jour même", async ({
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

  // a range that ends before it starts: refused beside the field, the choices kept
  const service = page.getByLabel("Activité et lieu");
  const choix = await service.locator("option").nth(1).getAttribute("value");
  await service.selectOption(choix!);
  await page.getByLabel("Du").fill("2027-07-21");
  await page.getByLabel("Au", { exact: true }).fill("2027-07-20");
  await page.getByLabel("Motif").selectOption({ label: "Sortie" });
  await page.getByRole("button", { name: "Déclarer le service non assuré" }).click();
  await expect(page.getByText("La date de fin précède la date de début.").first()).toBeVisible();
  await expect(service).toHaveValue(choix!);
  await expect(page.getByLabel("Motif")).toHaveValue("SORTIE");
  await expectNoAxeViolations(page);

  await page.getByLabel("Au", { exact: true }).fill("");
  await page.getByRole("button", { name: "Déclarer le service non assuré" }).click();
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
