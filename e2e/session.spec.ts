// Sessions at 360 × 780, axe-clean: « Se souvenir de moi sur cet appareil » and its devices in Mon profil; a form
// posted after the session expired lands on the login page with the message in view, and the login brings the
// parent back to the same page; « Rester connecté » two minutes before the idle timeout, with Playwright's clock
// (the page's timers), the session's idle clock read in the database.
import { expect, test } from "./fixtures/test";
import { MOT_DE_PASSE, seConnecter, sql } from "./fixtures/espace";
import { retenirLeJavaScript } from "./fixtures/hydratation";
import type { BrowserContext, Locator, Page } from "@playwright/test";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

/** In the viewport (its box inside the 360 × 780 screen) and focused: where the eyes are. */
async function sousLesYeux(page: Page, message: Locator) {
  await expect(message).toBeFocused();
  const boite = (await message.boundingBox())!;
  expect(boite.y).toBeGreaterThanOrEqual(0);
  expect(boite.y + boite.height).toBeLessThanOrEqual(page.viewportSize()!.height);
}

async function horloge(context: BrowserContext, baseURL: string, instant: string) {
  await context.addCookies([{ name: "horloge-e2e", value: instant, url: baseURL }]);
}

const lastSeenAt = async (usagerId: string) =>
  (await sql(`SELECT "lastSeenAt" FROM "Session" WHERE "usagerId" = $1 AND "revokedAt" IS NULL`, [usagerId])).map(
    (ligne) => (ligne as { lastSeenAt: Date }).lastSeenAt,
  );

test("se souvenir de moi : 30 jours sur cet appareil, listé dans Mon profil, puis oublié", async ({
  page,
  browser,
  fabrique,
  expectNoAxeViolations,
}) => {
  const parent = await fabrique.espace({ prefixe: "souvenir" });
  // another device of the same parent, remembered too
  const autre = await browser.newContext();
  const tablette = await autre.newPage();
  await tablette.goto("/connexion");
  await tablette.getByLabel("Se souvenir de moi sur cet appareil").check();
  await seConnecter(tablette, parent.identifiant, MOT_DE_PASSE, { ici: true });
  await expect(tablette).toHaveURL(/\/mon-espace$/);
  await autre.close();

  await page.clock.install();
  await page.goto("/connexion");
  const case_ = page.getByLabel("Se souvenir de moi sur cet appareil");
  await expect(case_).not.toBeChecked();
  await expectNoAxeViolations(page);
  await case_.check();
  await seConnecter(page, parent.identifiant, MOT_DE_PASSE, { ici: true });
  await expect(page).toHaveURL(/\/mon-espace$/);
  const cookie = (await page.context().cookies()).find((c) => c.name === "pf_session")!;
  const jours = (cookie.expires * 1000 - Date.now()) / (24 * 60 * 60 * 1000);
  expect(jours).toBeGreaterThan(29.9);
  expect(jours).toBeLessThanOrEqual(30);

  await page.goto("/mon-profil");
  const appareils = page.getByRole("region", { name: "Appareils mémorisés" });
  await expect(appareils.getByRole("listitem")).toHaveCount(2);
  const ici = page.getByText("cet appareil", { exact: true });
  await expect(appareils.getByRole("listitem").filter({ has: ici })).toContainText("Chrome sur Linux");
  await expectNoAxeViolations(page);
  // a remembered session is never asked « Rester connecté »
  await page.clock.fastForward("29:00");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  // the other device forgotten: the message above the list, in view and focused
  await appareils
    .getByRole("listitem")
    .filter({ hasNot: ici })
    .getByRole("button", { name: "Oublier cet appareil" })
    .click();
  await sousLesYeux(page, appareils.getByRole("status"));
  await expect(appareils.getByRole("status")).toHaveText("L'appareil est oublié : il faudra s'y connecter de nouveau.");
  await expect(appareils.getByRole("listitem")).toHaveCount(1);
  await expectNoAxeViolations(page);

  // this one: logged out
  await appareils.getByRole("button", { name: "Oublier tous les appareils" }).click();
  await expect(page).toHaveURL(/\/connexion\?deconnecte=1$/);
  expect(await lastSeenAt(parent.usagerId)).toEqual([]);
});

test("un formulaire envoyé après l'expiration mène à la connexion, avec le message, puis ramène à la même page", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(90_000);
  // a first visit, without any session: no « expirée »
  await page.goto("/mon-profil");
  await expect(page).toHaveURL(/\/connexion\?suite=%2Fmon-profil$/);
  await expect(page.getByText("Votre session a expiré.")).toHaveCount(0);

  const nom = fabrique.nom("Etchart");
  const famille = await fabrique.familleInscriteCantine({ nom });
  await horloge(context, baseURL!, "2026-08-20T10:00:00.000Z");
  await connecter(page, famille);
  await page.goto("/mon-espace");
  await page
    .getByRole("article", { name: `Louise ${nom.toUpperCase()}` })
    .getByRole("link", { name: "Gérer mes réservations pour Louise" })
    .click();
  await expect(page.getByRole("heading", { name: "Septembre 2026" })).toBeVisible();
  const pageDesReservations = new URL(page.url());
  await page.getByRole("button", { name: "Lundi 7 septembre, Menu Classique, non réservé" }).click();
  await page.getByRole("button", { name: "Enregistrer" }).click();

  // 31 minutes without a word to the server
  await sql(`UPDATE "Session" SET "lastSeenAt" = now() - interval '31 minutes' WHERE "usagerId" = $1`, [
    famille.usagerId,
  ]);
  await page.getByRole("button", { name: "Confirmer l'enregistrement" }).click();
  await expect(page).toHaveURL(/\/connexion\?/);
  const adresse = new URL(page.url());
  expect(adresse.searchParams.get("suite")).toBe(`${pageDesReservations.pathname}${pageDesReservations.search}`);
  expect(adresse.searchParams.get("expiree")).toBe("1");
  const message = page.getByRole("status").filter({ hasText: "Votre session a expiré." });
  await expect(message).toContainText("Connectez-vous pour revenir à la page où vous étiez.");
  await sousLesYeux(page, message);
  await expectNoAxeViolations(page);

  await seConnecter(page, famille.identifiant, MOT_DE_PASSE, { ici: true });
  await expect(page).toHaveURL(
    (url) => `${url.pathname}${url.search}` === `${pageDesReservations.pathname}${pageDesReservations.search}`,
  );
  await expect(page.getByRole("heading", { name: "Septembre 2026" })).toBeVisible();

  // a page load with the session gone says so too
  await sql(`UPDATE "Session" SET "lastSeenAt" = now() - interval '31 minutes' WHERE "usagerId" = $1`, [
    famille.usagerId,
  ]);
  await page.goto("/mon-profil");
  await expect(page).toHaveURL(/\/connexion\?suite=%2Fmon-profil&expiree=1$/);
});

test("« Rester connecté » deux minutes avant l'expiration, au clavier, garde la session", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const parent = await fabrique.espace({ prefixe: "rester" });
  await page.clock.install();
  await connecter(page, parent);
  await page.goto("/mon-profil");
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();

  await page.clock.fastForward("26:00");
  const dialogue = page.getByRole("alertdialog", { name: "Votre session va expirer dans 2 minutes." });
  await expect(dialogue).toHaveCount(0);
  await page.clock.fastForward("02:00");
  await expect(dialogue).toBeVisible();
  const rester = dialogue.getByRole("button", { name: "Rester connecté" });
  await expect(rester).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Tab");
  await expect(dialogue.getByRole("button", { name: "Se déconnecter" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(rester).toBeFocused();

  // the server has not seen the session for 29 minutes: one more and it would be gone
  await sql(`UPDATE "Session" SET "lastSeenAt" = now() - interval '29 minutes' WHERE "usagerId" = $1`, [
    parent.usagerId,
  ]);
  await page.keyboard.press("Enter");
  await expect(dialogue).toBeHidden();
  await expect.poll(async () => Date.now() - (await lastSeenAt(parent.usagerId))[0]!.getTime()).toBeLessThan(60_000);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
});

test("« Rester connecté » compte depuis la demande de la page, même quand elle s'hydrate tard", async ({
  page,
  fabrique,
  connecter,
}) => {
  const parent = await fabrique.espace({ prefixe: "tard" });
  await page.clock.install();
  await connecter(page, parent);
  // the page's JavaScript held back while 26 minutes pass: a slow phone, or a busy machine
  const { liberer } = await retenirLeJavaScript(page);
  await page.goto("/mon-profil", { waitUntil: "commit" });
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
  await page.clock.fastForward("26:00");
  liberer();
  await page.waitForLoadState("load");
  const dialogue = page.getByRole("alertdialog", { name: "Votre session va expirer dans 2 minutes." });
  await expect(dialogue).toHaveCount(0);
  // two minutes before the server's idle clock ends, not 28 minutes after the JavaScript ran
  await page.clock.fastForward("02:00");
  await expect(dialogue).toBeVisible();
  await expect(dialogue.getByRole("button", { name: "Rester connecté" })).toBeFocused();
});
