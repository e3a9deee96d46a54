// The kitchen's week on a tablet (800 × 1280): from the day's order, the week of Monday 14 September per lieu,
// each day × menu with its state (frozen at the Thursday's cutoff), the lieu's week as a CSV for Excel (the
// day file's columns, no child's name), and the next week, still provisional. The clock is set by the test (a
// cookie the server honours only under E2E=1); that the week's counts are the days' is shown on PostgreSQL
// (tests/integration/commande-repas-semaine.test.ts).
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/test";

test.use({ viewport: { width: 800, height: 1280 }, hasTouch: true });

test("un agent consulte la commande des repas de la semaine et la télécharge pour un lieu", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const famille = await fabrique.familleInscriteCantine({
    nom: fabrique.nom("Iriart"),
    reserver: ["2026-09-14", "2026-09-15"],
  });
  const agent = await fabrique.agent({ prefixe: "agent.cuisine" });
  // Monday 14 September, 08:00 in Paris: the week froze on Thursday 10 September at 12:00
  await context.addCookies([{ name: "horloge-e2e", value: "2026-09-14T06:00:00.000Z", url: baseURL! }]);
  await connecter(page, agent);

  await page.goto("/agent/commande-repas");
  await page.getByRole("link", { name: "Commande de la semaine" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commande des repas de la semaine");
  await expect(page.getByText("Semaine du lundi 14 septembre au dimanche 20 septembre 2026")).toBeVisible();
  const semaine = page.getByRole("region", { name: "Commande de la semaine, École publique de Villefranque" });
  const lundi = semaine.getByRole("rowheader", { name: /lundi 14 septembre/ });
  await expect(lundi).toContainText(/Version \d+, figée le/);
  await expect(semaine.getByRole("rowheader", { name: /mardi 15 septembre/ })).toBeVisible();
  await expect(semaine.getByRole("rowheader", { name: /Total de la semaine, Menu Classique/ })).toBeVisible();
  await expectNoAxeViolations(page);

  const [telechargement] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger la semaine (CSV) : École publique de Villefranque" }).click(),
  ]);
  expect(telechargement.suggestedFilename()).toMatch(/^commande-repas-semaine-2026-09-14-lieu-\d+\.csv$/);
  const csv = await readFile((await telechargement.path())!, "utf8");
  expect(csv.startsWith("\uFEFFDate;Lieu;Menu;Repas;Régimes;Allergènes;PAI;Version;Figée le;Écart\r\n")).toBe(true);
  const lignes = csv.split("\r\n");
  for (const date of ["14/09/2026", "15/09/2026"]) {
    const classique = lignes.find((l) => l.startsWith(`${date};École publique de Villefranque;Menu Classique;`));
    expect(classique, csv).toBeDefined();
    expect(Number(classique!.split(";")[3])).toBeGreaterThanOrEqual(1);
  }
  // the lieu's rows only
  expect(lignes.slice(1).filter((l) => l !== "" && !l.includes(";École publique de Villefranque;"))).toEqual([]);
  expect(csv).not.toContain(famille.nom);

  await page.getByRole("link", { name: "Semaine suivante" }).click();
  await expect(page.getByText("Semaine du lundi 21 septembre au dimanche 27 septembre 2026")).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Commande de la semaine, École publique de Villefranque" })
      .getByRole("rowheader", { name: /lundi 21 septembre/ }),
  ).toContainText("Provisoire");
  await expectNoAxeViolations(page);
});
