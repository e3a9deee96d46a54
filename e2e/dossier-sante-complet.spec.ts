// The dossier santé of issue 26 on a phone (360 px): the parent gives Louise's DT-Polio date, a treatment and the
// signed PAI (a file), the recap shows them and serves the PAI to the family; a SANTE agent reads the same recap
// (the PAI through the console's route) and accepts it; the parent's dossier then says the DT-Polio's state.
import { expect, test } from "./fixtures/test";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

test("un parent donne la date du DT-Polio, un traitement et le PAI signé ; le récapitulatif les montre, l'agent les lit", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const nom = fabrique.nom("Etchart");
  const famille = await fabrique.familleValidee({ nom });
  const enfantId = famille.enfants.find((enfant) => enfant.prenoms === "Louise")!.id;
  await connecter(page, famille);
  await page.goto(`/famille/enfants/${enfantId}/sante/mettre-a-jour`);

  await page.getByLabel("DT-Polio (diphtérie, tétanos, poliomyélite)").fill("2025-06-01");
  await page.getByRole("textbox", { name: "Médicament (traitement 1)" }).fill("Ventoline");
  await page.getByRole("textbox", { name: "Posologie (traitement 1)" }).fill("2 bouffées si crise");
  await page
    .getByLabel("Document du PAI")
    .setInputFiles({ name: "pai-signe.pdf", mimeType: "application/pdf", buffer: PDF });
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // saving shows the next treatment's row and the document joined
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("Les informations sont enregistrées.")).toBeVisible();
  await expect(page.getByText("Document joint : pai-signe.pdf")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Médicament (traitement 2)" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Médicament (traitement 1)" })).toHaveValue("Ventoline");
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();

  // the recap: the vaccination, the treatment, the PAI (served to the family)
  await expect(page).toHaveURL(/\/sante\/recapitulatif$/);
  await expect(
    page
      .getByRole("region", { name: "Vaccinations" })
      .getByText("DT-Polio (diphtérie, tétanos, poliomyélite) : 01/06/2025"),
  ).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Traitements en cours" }).getByText("Ventoline — 2 bouffées si crise"),
  ).toBeVisible();
  const lienParent = page.getByRole("region", { name: "PAI signé" }).getByRole("link", { name: /^pai-signe\.pdf/ });
  const fichierParent = await page.request.get((await lienParent.getAttribute("href"))!);
  expect(fichierParent.status()).toBe(200);
  expect(fichierParent.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await fichierParent.body()).equals(PDF)).toBe(true);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nous avons bien enregistré votre demande" })).toBeVisible();
  const numero = Number((await page.getByText(/^DEMANDE N° \d+$/).textContent())!.replace(/\D/g, ""));

  // a SANTE agent reads the recap, the PAI through the console's route, and accepts
  await page.context().clearCookies();
  const agent = await fabrique.agent({ sante: true });
  await connecter(page, agent);
  await page.goto(`/agent/demandes/${numero}`);
  await expect(page.getByRole("region", { name: "Vaccinations" }).getByText(/^DT-Polio : /)).toBeVisible();
  const lienAgent = page.getByRole("region", { name: "PAI signé" }).getByRole("link", { name: /^pai-signe\.pdf/ });
  expect(await lienAgent.getAttribute("href")).toMatch(/^\/agent\/familles\/.+\/sante\/pai\/fichier\?demande=/);
  expect((await page.request.get((await lienAgent.getAttribute("href"))!)).status()).toBe(200);
  await expectNoAxeViolations(page);
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Accepter" }).click();
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(page.getByText("La demande est acceptée : le demandeur est prévenu par courriel.")).toBeVisible();

  // the parent's dossier: the DT-Polio's state, the treatment, the PAI's link
  await page.context().clearCookies();
  await connecter(page, famille);
  await page.goto(`/famille/enfants/${enfantId}/sante`);
  await expect(page.getByText(/^DT-Polio : (à jour|à mettre à jour)$/).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Traitements en cours" }).getByText(/Ventoline/)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "PAI signé" }).getByRole("link", { name: /^pai-signe\.pdf/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
