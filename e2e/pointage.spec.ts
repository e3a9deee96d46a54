// The agents' morning on a tablet (800 × 1280): the day's list of Monday 14 September, Louise booked, marked
// présent in one tap then corrected to absent; another family's Louise, enrolled but not booked, found by name
// and marked présent sans réservation; the agent has no access to health data, so the list sends to the
// responsable; then the kitchen order of the day, frozen at its cutoff, downloaded as a CSV for Excel (BOM,
// ";", no child's name). The clock is set by the test (a cookie the server honours only under E2E=1).
import { readFile } from "node:fs/promises";
import { sql } from "./fixtures/espace";
import { expect, test } from "./fixtures/test";

test.use({ viewport: { width: 800, height: 1280 }, hasTouch: true });

test("un agent ouvre la liste du jour sur une tablette, pointe les présences et télécharge la commande des repas", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const reservee = await fabrique.familleInscriteCantine({ nom: fabrique.nom("Etchart"), reserver: ["2026-09-14"] });
  const sansReservation = await fabrique.familleInscriteCantine({ nom: fabrique.nom("Duhalde") });
  const agent = await fabrique.agent({ prefixe: "agent.pointage" });
  // Monday 14 September, 08:00 in Paris: after the cutoff of the day (Thursday 10 September, 12:00)
  await context.addCookies([{ name: "horloge-e2e", value: "2026-09-14T06:00:00.000Z", url: baseURL! }]);
  await connecter(page, agent);

  await page.goto("/agent");
  await page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Pointage" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pointage");
  await expect(page.getByText("Lundi 14 septembre 2026")).toBeVisible();
  await expect(page.getByText("Allergies, PAI et régimes : voir le responsable.")).toBeVisible();
  const cantine = page.getByRole("region", { name: "École publique de Villefranque — Restauration", exact: true });
  const louise = `Louise ${reservee.nom.toUpperCase()}`;
  const ligne = cantine.getByRole("row", { name: new RegExp(louise) });
  await expect(ligne.getByRole("cell").first()).toHaveText("CP");
  const boutons = cantine.getByRole("group", { name: `${louise}, Menu Classique`, exact: true });
  await expectNoAxeViolations(page);

  // one tap: présent, saved at once (no reload of the page)
  await page.evaluate(() => ((window as unknown as { sansRechargement: boolean }).sansRechargement = true));
  await boutons.getByRole("button", { name: "Présent", exact: true }).click();
  await expect(boutons.getByRole("button", { name: "Présent", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(ligne).toContainText("Présent, marqué le 14/09/2026 à 08:00");
  // corrected: absent after all
  await boutons.getByRole("button", { name: "Absent" }).click();
  await expect(boutons.getByRole("button", { name: "Absent" })).toHaveAttribute("aria-pressed", "true");
  await expect(boutons.getByRole("button", { name: "Présent", exact: true })).toHaveAttribute("aria-pressed", "false");
  await expect(ligne).toContainText("Absent, marqué le 14/09/2026 à 08:00");
  expect(await page.evaluate(() => (window as unknown as { sansRechargement?: boolean }).sansRechargement)).toBe(true);
  const etats = await sql(`SELECT etat FROM "Pointage" WHERE "enfantId" = $1`, [reservee.enfantId]);
  expect(etats).toEqual([{ etat: "ABSENT" }]);

  // Imprimer: the time is recorded (the print dialog itself is the browser's, left out here)
  await page.evaluate(() => (window.print = () => undefined));
  await page.getByRole("button", { name: "Imprimer" }).click();
  await expect(cantine).toContainText("Liste imprimée pour la première fois le 14/09/2026 à 08:00");

  // a child who came without a booking, found by name among the enrolled
  await cantine.getByLabel("Rechercher un enfant inscrit (nom ou prénom)").fill(sansReservation.nom);
  await cantine.getByRole("button", { name: "Rechercher" }).click();
  const autre = `Louise ${sansReservation.nom.toUpperCase()}`;
  await page
    .getByRole("group", { name: `${autre}, Menu Classique, sans réservation`, exact: true })
    .getByRole("button", { name: "Présent sans réservation" })
    .click();
  const groupe = page.getByRole("group", { name: `${autre}, Menu Classique`, exact: true });
  await expect(groupe.getByRole("button", { name: "Présent sans réservation" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByRole("row", { name: new RegExp(autre) })).toContainText("Sans réservation");
  await expectNoAxeViolations(page);

  // the kitchen order of the day, frozen at the cutoff, as a CSV for Excel
  await page
    .getByRole("navigation", { name: "Menu de la console" })
    .getByRole("link", { name: "Commande des repas" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commande des repas");
  const commande = page.getByRole("region", { name: "École publique de Villefranque", exact: true });
  await expect(commande).toContainText(/Version \d+, figée le/);
  await expectNoAxeViolations(page);
  const [telechargement] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger la commande (CSV)" }).click(),
  ]);
  expect(telechargement.suggestedFilename()).toBe("commande-repas-2026-09-14.csv");
  const csv = await readFile((await telechargement.path())!, "utf8");
  expect(csv.startsWith("\uFEFFDate;Lieu;Menu;Repas;Régimes;Allergènes;PAI;Version;Figée le;Écart\r\n")).toBe(true);
  const classique = csv
    .split("\r\n")
    .find((l) => l.startsWith("14/09/2026;École publique de Villefranque;Menu Classique;"));
  expect(classique, csv).toBeDefined();
  expect(Number(classique!.split(";")[3])).toBeGreaterThanOrEqual(1);
  expect(csv).not.toContain(reservee.nom);
  expect(csv).not.toContain(sansReservation.nom);
});
