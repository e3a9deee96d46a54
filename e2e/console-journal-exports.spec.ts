// The console's exports and journal, read as an administrator would: the demandes of a filter downloaded as CSV
// and the file read (BOM, ";", dates JJ/MM/AAAA, a cell that starts with "=" neutralised), then the journal
// filtered by the agent and the action lists what the test just did as a sentence with its links, and its own
// export carries the same words.
import { readFile } from "node:fs/promises";
import type { Download } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { sql } from "./fixtures/espace";

async function contenu(telechargement: Download): Promise<Buffer> {
  return readFile((await telechargement.path())!);
}

test("un administrateur exporte les demandes d'un filtre et retrouve ses actions au journal", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const nom = fabrique.nom("Formule");
  const parent = await fabrique.familleDeposee({ prefixe: "formule", nom });
  // a name Excel would run as a formula
  await sql(`UPDATE "Usager" SET prenoms = $1 WHERE id = $2`, ["=1+2", parent.usagerId]);
  const prenomAgent = fabrique.nom("Peio");
  const admin = await fabrique.agent({
    prefixe: "admin",
    role: "ADMIN",
    totp: true,
    nom: "Larralde",
    prenom: prenomAgent,
  });
  await connecter(page, admin);

  await page.goto(`/agent/demandes/${parent.numero}`);
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Prendre en charge" }).click();
  await expect(page.getByText("Vous avez pris en charge cette demande.")).toBeVisible();

  // the list filtered by the family's name, exported
  await page.goto("/agent/demandes");
  await page.getByRole("searchbox", { name: "Rechercher" }).fill(nom);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${nom}`));
  await expectNoAxeViolations(page);
  const [demandes] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter ces demandes en CSV" }).click(),
  ]);
  expect(demandes.suggestedFilename()).toBe("demandes.csv");
  const octets = await contenu(demandes);
  expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lignes = octets.toString("utf8").slice(1).split("\r\n").filter(Boolean);
  expect(lignes[0]).toBe("N°;Type;État;Demandeur;Clé enfance;Déposée le;Décidée le;Instructeur");
  expect(lignes).toHaveLength(2);
  const cellules = lignes[1]!.split(";");
  expect(cellules.slice(0, 4)).toEqual([
    String(parent.numero),
    "Ajout de famille",
    "En cours d'instruction",
    `'=1+2 ${nom.toUpperCase()}`,
  ]);
  expect(cellules[5]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  expect(cellules[7]).toBe(`${prenomAgent} LARRALDE`);

  // the journal, filtered by this agent: what the test just did, and only this agent's, each entry in words
  await page.goto("/agent/journal");
  await page.getByRole("combobox", { name: "Agent" }).selectOption({ label: `${prenomAgent} LARRALDE` });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/agent=/);
  const entrees = page.getByRole("region", { name: "Entrées du journal" });
  const phrase = `Demande n° ${parent.numero} prise en charge (Ajout de famille)`;
  const priseEnCharge = entrees.getByRole("row").filter({ hasText: phrase });
  await expect(priseEnCharge).toHaveCount(1);
  await expect(priseEnCharge.getByRole("cell").nth(2)).toHaveText("Demande prise en charge");
  for (const agent of await entrees.locator("tbody tr td:nth-child(2)").allTextContents())
    expect(agent).toBe(`${prenomAgent} LARRALDE`);
  // no raw key anywhere: every entry reads as words
  for (const texte of await entrees.locator("tbody td").allTextContents())
    expect(texte).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
  await expectNoAxeViolations(page);

  // filtered by the action too; the sentence links to its demande (the family is not created before acceptance)
  await page.getByRole("combobox", { name: "Action" }).selectOption({ label: "Demande prise en charge" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=demande\.instruire/);
  await expect(entrees.getByRole("row")).toHaveCount(2);
  await expect(priseEnCharge.getByRole("link", { name: `Demande n° ${parent.numero}` })).toHaveAttribute(
    "href",
    `/agent/demandes/${parent.numero}`,
  );
  await expect(priseEnCharge.getByRole("link")).toHaveCount(1);
  await expectNoAxeViolations(page);
  const [journal] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter en CSV" }).click(),
  ]);
  const texte = (await contenu(journal)).toString("utf8");
  expect(texte.startsWith("\uFEFF")).toBe(true);
  expect(texte).toContain(`Demande prise en charge;N° ${parent.numero};${phrase};`);
});
