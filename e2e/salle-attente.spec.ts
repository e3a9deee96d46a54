// The « salle d'attente » at 360 px (issue 28). The page the node answers past its queue's bound, rendered from
// its module (lib/web/salle-attente.ts) into the browser (a node with one place whose queue is full is shown
// over HTTP by tests/http/salle-attente.test.ts): French, a title, a main and its heading, nothing wider than
// the screen, its countdown, zero axe violations. Then a form's inline waiting room: the phone numbers' action
// answered once with the protocol (page.route), then let through: the message in view and focused, the typed
// value kept, and the save done by the automatic retry.
import { test, expect } from "./fixtures/test";
import { pageSalleAttente } from "@/lib/web/salle-attente";
import { messageAction, valeurEnTete } from "@/lib/web/salle-attente-protocole";

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

test("la page « Salle d'attente » : position, estimation, nouvel essai automatique, lisible à 360 px", async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.setContent(
    pageSalleAttente({ position: 37, estimation: 20, reessai: 20 }, { adresse: "/mon-espace", envoi: false }),
  );
  await expect(page).toHaveTitle("Salle d'attente – Portail Famille");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("main").getByRole("heading", { level: 1, name: "Salle d'attente" })).toBeVisible();
  await expect(page.getByText("Vous êtes 37e dans la file")).toBeVisible();
  await expect(page.getByText("environ 20 secondes")).toBeVisible();
  await expect(page.getByText("ce que vous avez saisi dans un formulaire n'est pas perdu")).toBeVisible();
  await expect(page.getByRole("link", { name: "Réessayer maintenant" })).toHaveAttribute("href", "/mon-espace");
  // the countdown runs in its live region
  const decompte = page.getByRole("status");
  await expect(decompte).toHaveAttribute("aria-live", "polite");
  await expect(decompte).toHaveText(/Nouvel essai automatique dans 1\d secondes\./, { timeout: 10_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
  // a person who needs more time stops the automatic retries (WCAG 2.2.1)
  await page.getByRole("button", { name: "Suspendre les essais automatiques" }).click();
  await expect(decompte).toHaveText(/Essais automatiques suspendus/);
  await expect(page.getByRole("button", { name: "Suspendre les essais automatiques" })).toBeHidden();

  // a form sent without JavaScript: no automatic resend, the way back explained
  await page.setContent(pageSalleAttente({ position: 1, estimation: 3, reessai: 3 }, { adresse: "/", envoi: true }));
  await expect(page.getByText("Vous êtes 1er dans la file")).toBeVisible();
  await expect(
    page.getByText(/avec le bouton « Retour » de votre navigateur : ce que vous avez saisi y est conservé/),
  ).toBeVisible();
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("un enregistrement mis en file d'attente garde la saisie et repart tout seul", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const parent = await fabrique.espace({ prefixe: "salle" });
  await connecter(page, parent);
  await page.goto("/mes-informations/telephones");
  const mobile = page.getByRole("textbox", { name: "Mobile" });
  await mobile.fill("0698765432");

  const salle = { position: 12, estimation: 15, reessai: 3 };
  let refusees = 0;
  let envoyees = 0;
  await page.route("**/mes-informations/telephones", async (route) => {
    const requete = route.request();
    if (requete.method() !== "POST" || !requete.headers()["next-action"]) return route.continue();
    if (refusees === 0) {
      refusees++;
      return route.fulfill({
        status: 503,
        headers: {
          "content-type": "text/plain",
          "retry-after": String(salle.reessai),
          "x-salle-attente": valeurEnTete(salle),
          "cache-control": "no-store",
        },
        body: messageAction(salle),
      });
    }
    envoyees++;
    return route.continue();
  });

  await page.getByRole("button", { name: "Valider" }).click();
  const annonce = page.getByRole("status").filter({ hasText: "Le portail est très sollicité" });
  await expect(annonce).toContainText(
    "Le portail est très sollicité : votre demande est en file d'attente (position 12, environ 15 s).",
  );
  await expect(annonce).toContainText(/Nouvel essai automatique dans [1-3] s\./);
  await expect(annonce).toBeFocused();
  await expect(annonce).toBeInViewport();
  await expect(mobile).toHaveValue("0698765432");
  await expectNoAxeViolations(page);

  // the retry, by itself: saved, once
  await expect(page.getByText("Vos numéros de téléphone sont enregistrés.")).toBeVisible({ timeout: 15_000 });
  await expect(annonce).toHaveCount(0);
  expect([refusees, envoyees]).toEqual([1, 1]);
  await page.unrouteAll();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Mobile" })).toHaveValue("0698765432");
});
