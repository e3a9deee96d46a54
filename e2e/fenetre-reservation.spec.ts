// Booking windows at 360 px (issue 28): an agent creates a window from the console's menu with the keyboard
// (a refused form says why beside each field and keeps what was typed), reads its detail (state, priorities,
// the seed's fingerprint) and cancels it with a motif; a parent reads the banner on the month view and the
// family view, then the window's public page with its priorities. axe on every screen. The windows' days are in
// the summer holidays of 2027 (no opening day): no other test's booking becomes a request of them. What the
// commands write (history, seed, overlap, the cancelled requests and their mails) is shown on PostgreSQL in
// tests/integration/fenetre-creation.test.ts.
import { expect, test } from "./fixtures/test";

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

const CANTINE = "Inscription à la restauration (école publique).";

test("un agent crée une période de réservation au clavier, la consulte puis l'annule", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  await fabrique.capaciteCantine();
  await connecter(page, await fabrique.agent());
  await page.goto("/agent");
  await page.getByRole("link", { name: "Périodes de réservation" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Périodes de réservation");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Créer une période de réservation" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Créer une période de réservation");
  await expectNoAxeViolations(page);

  // sent empty: each message beside its field, the first field in error focused
  const creer = page.getByRole("button", { name: "Créer la période" });
  await creer.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Indiquez le libellé.")).toBeVisible();
  await expect(page.getByText("Choisissez l'activité.")).toBeVisible();
  await expect(page.getByText("Indiquez le premier jour de service concerné.")).toBeVisible();
  await expect(page.getByLabel("Libellé")).toBeFocused();
  await expectNoAxeViolations(page);

  const libelle = `Cantine d'été ${fabrique.nom("Periode")}`;
  await page.keyboard.type(libelle);
  await page.getByLabel("Activité").selectOption({ label: CANTINE });
  await page
    .getByRole("group", { name: CANTINE })
    .getByRole("checkbox", { name: /^Menu Classique/ })
    .focus();
  await page.keyboard.press("Space");
  await page.getByRole("textbox", { name: "Du", exact: true }).fill("2027-07-19");
  await page.getByRole("textbox", { name: "Au", exact: true }).fill("2027-07-23");
  await page.getByLabel("Ouverture le").fill("2026-12-01");
  await page.getByLabel("Heure d'ouverture").fill("08:30");
  // a close after the first day of service: refused beside it, everything typed kept
  await page.getByLabel("Clôture le").fill("2027-07-20");
  await page.getByLabel("Heure de clôture").fill("18:00");
  await page.getByLabel(/^Fratrie/).fill("30");
  await creer.focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByText("Les demandes doivent être closes avant le premier jour de service concerné."),
  ).toBeVisible();
  await expect(page.getByLabel("Clôture le")).toBeFocused();
  await expect(page.getByLabel("Libellé")).toHaveValue(libelle);
  await expect(page.getByLabel(/^Fratrie/)).toHaveValue("30");
  await page.getByLabel("Clôture le").fill("2027-06-30");
  await expect(
    page.getByRole("group", { name: CANTINE }).getByRole("checkbox", { name: /^Menu Classique/ }),
  ).toBeChecked();
  await creer.focus();
  await page.keyboard.press("Enter");

  // the detail: created, collecting, its priorities and the seed's fingerprint only
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Période de réservation : ${libelle}`);
  await expect(page.getByRole("status").filter({ hasText: "Période de réservation créée" })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Demandes ouvertes" })).toBeVisible();
  await expect(page.getByText("Fratrie : 30 points")).toBeVisible();
  await expect(page.getByText(/Empreinte SHA-256 de la graine/)).toBeVisible();
  await expect(page.getByText("Demandes reçues du 1er décembre 2026 à 8 h 30 au 30 juin 2027 à 18 h")).toBeVisible();
  await expectNoAxeViolations(page);

  // cancelled with its motif: the answer in view and focused, the history says who and why
  await page.getByLabel("Motif de l'annulation").focus();
  await page.keyboard.type("Période créée pour essai.");
  await page.keyboard.press("Enter");
  const reponse = page.getByRole("status").filter({ hasText: "Période annulée" });
  await expect(reponse).toHaveText("Période annulée : 0 demande retirée, 0 famille prévenue par courriel.");
  await expect(reponse).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Annulée" })).toBeVisible();
  await expect(page.getByText("(motif : Période créée pour essai.)")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("un parent voit le bandeau de la période dans son calendrier et en lit les priorités", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const famille = await fabrique.familleInscriteCantine({ nom: fabrique.nom("Iriart") });
  const libelle = `Cantine de juillet ${fabrique.nom("Periode")}`;
  await fabrique.fenetreCantine({ libelle });
  await context.addCookies([{ name: "horloge-e2e", value: "2026-12-08T10:00:00.000Z", url: baseURL! }]);
  await connecter(page, famille);

  const bandeau = page.getByRole("region", { name: `Période de réservation : ${libelle}` });
  const texte =
    "Les réservations du 12 juillet au 16 juillet sont ouvertes du 1er décembre à 8 h 30 au 15 juin à 18 h : " +
    "toutes les demandes reçues dans ce délai sont traitées ensemble, sans avantage à l'heure d'arrivée. " +
    "Attribution le 15 juin après 18 h, par priorités puis tirage au sort.";
  await page.goto("/famille/reservations");
  await expect(bandeau).toContainText(texte);
  await expectNoAxeViolations(page);

  await page.goto(`/famille/enfants/${famille.enfantId}/reservations`);
  await expect(bandeau).toContainText(texte);
  await expectNoAxeViolations(page);
  await bandeau.getByRole("link", { name: /^Voir les priorités et le tirage au sort/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Période de réservation : ${libelle}`);
  await expect(page.getByRole("row", { name: /Fratrie/ })).toContainText("30");
  await expect(page.getByRole("row", { name: /Résident de la commune/ })).toContainText("10");
  await expect(page.getByRole("row", { name: /Parents qui travaillent/ })).toHaveCount(0);
  await expect(page.getByText(/son empreinte SHA-256 est publiée dès maintenant/)).toBeVisible();
  await expectNoAxeViolations(page);
});
