// Billing only what has happened, at 1280 px: on 15 June 2027 the administrator asks for June and is told,
// beside the month, that it is not over; March is simulated (its family, its total, the anomalies, the CSV for
// a spreadsheet), then emitted with the counts read, and the run ends with the family's invoice. Every screen
// axe clean. The family (Louise in the canteen and the garderie du soir for March 2027, QF 850 €) comes from a
// factory; March is a month no other spec bills.
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/test";

const MOIS = "2027-03";

test("l'administrateur se voit refuser le mois en cours, simule mars puis émet ses factures", async ({
  page,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const nom = fabrique.nom("Haramboure");
  const famille = await fabrique.familleAFacturer({ nom, mois: MOIS });
  await connecter(page, await fabrique.agent({ role: "ADMIN", facturation: true }));
  await page.context().addCookies([{ name: "horloge-e2e", value: "2027-06-15T08:00:00.000Z", url: baseURL! }]);

  // June is the current month: refused, the reason beside the field
  await page.goto("/agent/facturation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Facturation");
  await expect(page.getByText("Relancer un mois déjà facturé ne change rien")).toHaveCount(0);
  await expect(page.getByText(/devient une régularisation sur la prochaine facture/)).toBeVisible();
  const mois = page.getByLabel("Mois à facturer");
  await mois.fill("2027-06");
  await page.getByRole("button", { name: "Simuler la facturation" }).click();
  const raison = "Le mois de juin 2027 n'est pas terminé : il pourra être facturé à partir du 1er juillet 2027.";
  await expect(mois).toHaveAccessibleDescription(new RegExp(raison));
  await expect(mois).toBeFocused();
  await expect(page.getByRole("heading", { name: /^Simulation de/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // March is over: its simulation, nothing written yet
  await mois.fill(MOIS);
  await page.getByRole("button", { name: "Simuler la facturation" }).click();
  const simulation = page.getByRole("region", { name: "Familles de la simulation" });
  await expect(page.getByRole("heading", { name: "Simulation de mars 2027" })).toBeVisible();
  const ligne = simulation.getByRole("row").filter({ hasText: nom.toUpperCase() });
  await expect(ligne).toContainText("Facture");
  await expect(ligne).toContainText("Restauration — Menu Classique (mars 2027)");
  await expect(ligne).toContainText("2,85 €");
  await expect(page.getByText("Aucune facture pour ce mois.")).toBeVisible();
  await expectNoAxeViolations(page);

  // the CSV for a French spreadsheet: BOM, ";", amounts as 2,85
  const [telechargement] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger la simulation (CSV)" }).click(),
  ]);
  expect(telechargement.suggestedFilename()).toBe(`simulation-facturation-${MOIS}.csv`);
  const csv = await readFile((await telechargement.path())!, "utf8");
  expect(csv.startsWith("\uFEFFClé enfance;Destinataire;Résultat;")).toBe(true);
  const lignesFamille = csv.split("\r\n").filter((l) => l.includes(famille.cleEnfance));
  expect(lignesFamille).toHaveLength(2);
  expect(lignesFamille.join("\n")).toContain(";2,85;");

  // emitted with the counts read: the run goes to its end, the invoice is there
  const confirmation = page.getByText(/^Vous confirmez \d+ factures? pour un total de /);
  await expect(confirmation).toBeVisible();
  await page.getByRole("button", { name: "Émettre les factures" }).click();
  const progression = page.getByRole("status").filter({ hasText: "Facturation de mars 2027" });
  await expect(progression).toContainText("Facturation de mars 2027 terminée.", { timeout: 60_000 });
  const factures = page.getByRole("region", { name: "Factures de mars 2027" });
  await expect(factures.getByRole("listitem").filter({ hasText: famille.cleEnfance })).toContainText("à payer");
  await expectNoAxeViolations(page);
});
