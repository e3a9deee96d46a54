// Paramétrage des réservations in the console, as an administrator does it before the 1st of August: the commune's
// school zone chosen (and set back to the demo's zone A), the official school calendar's file uploaded (a foreign
// file refused beside its field), the opening days of the private school's garderie generated from the weekdays
// ticked with a preview of the days added and why others are left out, a single day removed, a deadline set with
// the rule in words and an example, a capacity; an agent without the administrator's role is refused.
// Axe-scanned at each new screen. The garderie of the private school is used by no other spec, so this one's
// changes touch nobody else's days.
import path from "node:path";
import { expect, test } from "./fixtures/test";

const SNAPSHOT = path.join(process.cwd(), "lib/domain/calendrier/calendrier-scolaire-zone-a.json");

test("un administrateur génère les jours d'ouverture avec un aperçu, retire un jour, règle un délai et une capacité", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  // the commune's reservation parameters of the demo, once per run, before this test changes any
  await fabrique.familleInscriteCantine({ nom: fabrique.nom("Parametrage") });
  await connecter(page, await fabrique.agent({ prefixe: "admin", role: "ADMIN", totp: true }));
  await page.goto("/agent/parametrage");
  await page.getByRole("link", { name: "Paramétrage des réservations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paramétrage des réservations");
  await expectNoAxeViolations(page);

  // the commune's school zone: another one chosen (its holidays not imported yet), the page says saved days are
  // regenerated with the preview; then back to the demo's zone A at once, which other specs' calendars use
  const zone = page.getByLabel("Zone de vacances scolaires de la commune");
  await expect(zone).toHaveValue("Zone A");
  await zone.selectOption("Zone C");
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  await expect(
    page.getByText(
      "Zone enregistrée : Zone C. Les jours d'ouverture déjà enregistrés ne changent pas : régénérez ceux de chaque activité (avec l'aperçu).",
    ),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Vacances scolaires (Zone C)" })).toBeVisible();
  await expect(
    page.getByText("Aucune période de vacances de la Zone C cette année : importez le calendrier scolaire."),
  ).toBeVisible();
  await zone.selectOption("Zone A");
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  await expect(page.getByText(/^Zone enregistrée : Zone A\./)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Vacances scolaires (Zone A)" })).toBeVisible();
  await expect(zone).toHaveValue("Zone A");
  await expectNoAxeViolations(page);

  // the official calendar: a foreign file is refused beside the field, the dataset's export is imported
  const fichier = page.getByLabel("Fichier du calendrier scolaire");
  await fichier.setInputFiles({
    name: "contacts.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("nom;prenom\nDupont;Jean\n"),
  });
  await page.getByRole("button", { name: "Importer le calendrier" }).click();
  await expect(page.locator("#fichier-erreur")).toHaveText(
    "Ce fichier n'est pas un export du calendrier scolaire (fr-en-calendrier-scolaire) au format JSON ou CSV.",
  );
  await expect(fichier).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await fichier.setInputFiles(SNAPSHOT);
  await page.getByRole("button", { name: "Importer le calendrier" }).click();
  await expect(
    page.getByText("Calendrier scolaire importé : 18 périodes de vacances (2024-2025, 2025-2026, 2026-2027)."),
  ).toBeVisible();
  await expect(
    page.getByText(
      "Vacances de la Toussaint : après la classe du samedi 17 octobre 2026, reprise le lundi 2 novembre 2026",
    ),
  ).toBeVisible();

  // the private school's garderie
  await page
    .getByRole("navigation", { name: "Activités" })
    .getByRole("link", { name: "Inscription en garderie (école privée)" })
    .click();
  await expect(
    page.getByRole("heading", { name: "Inscription en garderie (école privée) : jours d'ouverture" }),
  ).toBeVisible();

  // the Wednesdays too: previewed first, nothing saved
  const jours = page.getByRole("region", { name: "Inscription en garderie (école privée) : jours d'ouverture" });
  for (const jour of ["lundi", "mardi", "jeudi", "vendredi"])
    await expect(jours.getByLabel(jour, { exact: true })).toBeChecked();
  await jours.getByLabel("mercredi", { exact: true }).check();
  await jours.getByRole("button", { name: "Prévisualiser la génération" }).click();
  const apercu = page.getByRole("region", { name: /^Aperçu : Inscription en garderie \(école privée\)/ });
  await expect(apercu.getByRole("heading")).toHaveText(
    "Aperçu : Inscription en garderie (école privée), toutes les unités, tous les lieux, lundi, mardi, mercredi, jeudi, vendredi",
  );
  await expect(apercu).toContainText("jours à ajouter, − 0 jour à retirer");
  await apercu.getByText(/^Jours exclus et pourquoi/).click();
  await expect(apercu.getByText("mercredi 11 novembre 2026 : Férié")).toBeVisible();
  await expect(apercu.getByText("mercredi 21 octobre 2026 : Vacances de la Toussaint")).toBeVisible();
  await expectNoAxeViolations(page);
  await apercu.getByRole("button", { name: "Enregistrer la génération" }).click();
  await expect(apercu.getByText(/^Jours d'ouverture enregistrés : \d+ jours ajoutés, 0 jour retiré/)).toBeVisible();

  // one Wednesday removed again
  await jours.getByRole("textbox", { name: "Jour", exact: true }).fill("2026-09-16");
  await jours.getByRole("button", { name: "Retirer ce jour" }).click();
  await expect(jours.getByText(/^Jour retiré : \d+ jours? d'ouverture supprimés?\.$/)).toBeVisible();
  await jours.getByRole("button", { name: "Retirer ce jour" }).click();
  await expect(jours.locator("#jour-erreur")).toHaveText("Ce jour n'est pas un jour d'ouverture.");

  // the booking deadline "jeudi de la semaine précédente à 12:00", in words and with an example, and no cancelling
  const delais = page.getByRole("region", { name: "Inscription en garderie (école privée) : délais" });
  const reserver = delais.getByRole("group", { name: "Réserver" });
  await reserver.getByLabel("Forme du délai").selectOption("JOUR_SEMAINE_PRECEDENTE");
  await reserver.getByLabel("Jour de la semaine").selectOption("4");
  await reserver.getByLabel("Heure limite (HH:MM)").fill("12:00");
  await expect(reserver.getByText("Règle : jeudi de la semaine précédente à 12:00")).toBeVisible();
  await expect(
    reserver.getByText("Par exemple, pour le lundi 7 septembre : réservable jusqu'au jeudi 3 septembre à 12:00."),
  ).toBeVisible();
  const annuler = delais.getByRole("group", { name: "Annuler" });
  await annuler.getByLabel("Forme du délai").selectOption("JAMAIS");
  await expect(annuler.getByText("Règle : jamais")).toBeVisible();
  await expectNoAxeViolations(page);
  await delais.getByRole("button", { name: "Enregistrer les délais" }).click();
  await expect(delais.getByText("Les délais sont enregistrés.")).toBeVisible();
  await page.reload();
  await expect(delais.getByRole("definition").first()).toHaveText("jeudi de la semaine précédente à 12:00");

  // a capacity of 12 places a day in the morning; a wrong one is refused beside its field
  const regles = page.getByRole("region", { name: "Inscription en garderie (école privée) : validation et capacités" });
  await regles.getByLabel("Capacité par jour : Matin").fill("douze");
  await regles.getByRole("button", { name: "Enregistrer la validation et les capacités" }).click();
  await expect(
    regles.getByText("Indiquez un nombre de places (1 ou plus), ou laissez vide pour ne pas limiter."),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await regles.getByLabel("Capacité par jour : Matin").fill("12");
  await regles.getByRole("button", { name: "Enregistrer la validation et les capacités" }).click();
  await expect(regles.getByText("La validation et les capacités sont enregistrées.")).toBeVisible();
  await page.reload();
  await expect(regles.getByLabel("Capacité par jour : Matin")).toHaveValue("12");
});

test("un agent sans le rôle administrateur n'accède pas au paramétrage des réservations, mais à la liste des réservations à valider", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  await connecter(page, await fabrique.agent({ prefixe: "agent", totp: true }));
  const reponse = await page.goto("/agent/parametrage/reservations");
  expect(reponse?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");

  await page.goto("/agent");
  await page
    .getByRole("navigation", { name: "Menu de la console" })
    .getByRole("link", { name: "Réservations à valider" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réservations à valider");
  await expectNoAxeViolations(page);
});
