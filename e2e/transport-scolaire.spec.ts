// The transport scolaire at 360 px: a parent says that Louise takes the bus on Monday and Thursday evenings (the
// question first refused without a day, the reason beside it), « en parallèle de l'inscription auprès de TXIK
// TXAK »; an agent reads the recap and accepts; on Monday the garderie's list marks « Bus du soir » beside Louise,
// and the child's page shows the answer. The clock is set by the test (a cookie the server honours only under
// E2E=1). Every page's axe scan is clean.
import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures/test";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

async function horloge(context: BrowserContext, baseURL: string, instant: string) {
  await context.addCookies([{ name: "horloge-e2e", value: instant, url: baseURL }]);
}

test("@telephone un parent signale le bus du soir, un agent l'accepte, la liste de la garderie le montre", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(150_000);
  const nom = fabrique.nom("Txakartegi");
  const famille = await fabrique.familleInscriteCantine({ nom, garderie: true, reserver: ["2026-09-14"] });
  // jeudi 10 septembre 2026, 18:00 à Paris
  await horloge(context, baseURL!, "2026-09-10T16:00:00.000Z");
  await connecter(page, famille);
  await page.goto(`/famille/enfants/${famille.enfantId}/transport`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transport scolaire");
  await expect(page.getByText("en parallèle de l'inscription auprès de TXIK TXAK")).toBeVisible();
  await expect(page.getByText("Aucun signalement enregistré.")).toBeVisible();
  await expectNoAxeViolations(page);

  // « Oui » without a day: refused, the reason beside the question, what was ticked kept
  const question = page.getByRole("group", { name: "Votre enfant prend-il le transport scolaire ?" });
  await question.getByLabel("Oui").check();
  await page.getByRole("group", { name: "Quels trajets ? (si oui)" }).getByLabel("Soir").check();
  await page.getByRole("button", { name: "Envoyer le signalement pour Louise" }).click();
  const jours = page.getByRole("group", { name: "Quels jours ? (si oui)" });
  await expect(jours.getByText("Cochez au moins un jour de transport.")).toBeVisible();
  await expect(question.getByLabel("Oui")).toBeChecked();
  await expect(page.getByRole("group", { name: "Quels trajets ? (si oui)" }).getByLabel("Soir")).toBeChecked();
  await expectNoAxeViolations(page);

  await jours.getByLabel("lundi").check();
  await jours.getByLabel("jeudi").check();
  await page.getByRole("button", { name: "Envoyer le signalement pour Louise" }).click();
  await expect(page).toHaveURL(/\/demandes\/\d+\/enregistree$/);
  await expect(
    page.getByText("Votre demande de signalement du transport scolaire a été enregistrée et transmise"),
  ).toBeVisible();
  const numero = /\/demandes\/(\d+)\//.exec(page.url())![1]!;
  await expectNoAxeViolations(page);

  // the agent, on Monday 14 September at 08:00: the recap, then Accepter
  await page.context().clearCookies();
  await horloge(context, baseURL!, "2026-09-14T06:00:00.000Z");
  await connecter(page, await fabrique.agent({ prefixe: "agent.transport" }));
  await page.goto(`/agent/demandes/${numero}`);
  await expect(page.getByText("lundi, jeudi")).toBeVisible();
  await expect(page.getByText("TXIK TXAK")).toBeVisible();
  await expectNoAxeViolations(page);
  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: "Accepter" }).click();
  await actions.getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(actions.getByText("La demande est acceptée : le demandeur est prévenu par courriel.")).toBeVisible();

  // Monday's garderie list: Louise leaves by the evening bus
  await page.goto("/agent/pointage");
  await expect(page.getByText("Lundi 14 septembre 2026")).toBeVisible();
  const garderie = page.getByRole("region", { name: "École publique de Villefranque — Garderie", exact: true });
  const ligne = garderie.getByRole("row", { name: new RegExp(`Louise ${nom.toUpperCase()}`) }).first();
  await expect(ligne).toContainText("Bus du soir");
  await expectNoAxeViolations(page);

  // the parent's page shows the answer as accepted
  await page.context().clearCookies();
  await horloge(context, baseURL!, "2026-09-14T06:00:00.000Z");
  await connecter(page, famille);
  await page.goto(`/famille/enfants/${famille.enfantId}/transport`);
  await expect(page.getByText("Prend le bus : lundi, jeudi — soir")).toBeVisible();
  await expectNoAxeViolations(page);
});
