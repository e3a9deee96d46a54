// The console's day (issue 27): an agent opens the console on Thursday 18 March 2027 at 8:00 (the clock set by
// the test): today's services lieu by lieu with the children booked, and the chart of the weeks around today,
// drawn on the server as an SVG named by its title, beside a table holding the same numbers. axe-clean on a
// desktop and at 360 px, the table's region reachable with the keyboard.
import { expect, test } from "./fixtures/test";

const JEUDI = "2027-03-18";

test("le tableau de bord s'ouvre sur la journée : services du jour, absences, factures, demandes et graphique des semaines", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  await fabrique.familleInscriteCantine({
    nom: fabrique.nom("Tableau"),
    garderie: true,
    reserver: ["2027-03-16", JEUDI, "2027-03-22"],
  });
  const agent = await fabrique.agent({ prefixe: "agent.tableau" });
  await context.addCookies([{ name: "horloge-e2e", value: `${JEUDI}T07:00:00.000Z`, url: baseURL! }]);
  await connecter(page, agent);
  await page.goto("/agent");

  await expect(page.getByRole("heading", { level: 2, name: "Services du jour — jeudi 18 mars" })).toBeVisible();
  const services = page.getByRole("region", { name: "Réservés et pointés par lieu et unité" });
  const cantine = services.getByRole("row", {
    name: /^École publique de Villefranque — Inscription à la restauration \(école publique\)\. Menu Classique/,
  });
  await expect(cantine).toBeVisible();
  expect(Number(await cantine.getByRole("cell").nth(1).textContent())).toBeGreaterThanOrEqual(1);
  for (const titre of ["Absences déclarées aujourd'hui", "Absences non justifiées à suivre", "Demandes à traiter"])
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${titre} \\(\\d+\\)$`) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Factures échues" })).toBeVisible();

  // the chart: an image named by its title and described, today marked; the table beside holds its numbers
  const graphique = page.getByRole("img", { name: /^Repas et places de garderie réservés par jour/ });
  await expect(graphique).toBeVisible();
  await expect(graphique).toHaveAccessibleDescription(/Aujourd'hui, jeudi 18 mars, est marqué\./);
  const tableau = page.getByRole("table", { name: "Repas et places de garderie réservés par jour" });
  const lignes = await tableau.locator("tbody tr").all();
  const barres = await graphique.locator("g[data-jour]").all();
  expect(lignes.length).toBe(barres.length);
  expect(lignes.length).toBeGreaterThan(10);
  for (const [i, ligne] of lignes.entries()) {
    const [repas, garderie] = await ligne.getByRole("cell").allTextContents();
    const barre = barres[i]!;
    expect([await barre.getAttribute("data-repas"), await barre.getAttribute("data-garderie")]).toEqual([
      repas,
      garderie,
    ]);
  }
  const aujourdhui = tableau.getByRole("row", { name: /^jeudi 18 mars \(aujourd'hui\)/ });
  const [repas, garderie] = (await aujourdhui.getByRole("cell").allTextContents()).map(Number);
  expect(repas).toBeGreaterThanOrEqual(1);
  expect(garderie).toBeGreaterThanOrEqual(2);
  await expectNoAxeViolations(page);

  // with the keyboard: the table's scrolling region takes the focus
  const region = page.getByRole("region", { name: "Tableau des réservations par jour" });
  await region.focus();
  await expect(region).toBeFocused();

  // at 360 px: nothing wider than the screen but the scrolling regions, still axe-clean
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(graphique).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
});
