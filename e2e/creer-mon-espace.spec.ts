// A new parent, from the home page to Mon accueil: every step of "Créer mon espace" with its checks, the
// activation mail received by a real SMTP sink, activation, login, logout, and the next login's
// "Dernière connexion le …". Every page visited is scanned by axe (at 360 px: e2e/telephone.spec.ts).
import { test, expect } from "./fixtures/test";
import { MOT_DE_PASSE, nouveauParent, seConnecter, sql, verifierAltcha } from "./fixtures/espace";

// A real 1×1 PNG, and a text file that only claims to be one.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("un parent crée son espace, l'active par le courriel reçu et se connecte", async ({
  page,
  mails,
  expectNoAxeViolations,
}, testInfo) => {
  // the whole journey with eight accessibility scans: longer than the default minute on a loaded machine
  test.setTimeout(120_000);
  const parent = nouveauParent(testInfo, "nouveau");

  await page.goto("/");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Créer mon espace" }).click();

  // Bienvenue
  await expect(page.getByRole("heading", { name: "Bonjour et bienvenue" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Étapes de la démarche" }).locator("[aria-current=step]"),
  ).toContainText("Bienvenue");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Je crée mon espace" }).click();

  // CGU: the commune's name in the text, the box required
  await expect(page).toHaveURL(/\/creer-mon-espace\/cgu$/);
  await expect(page.locator("[aria-current=step]")).toContainText("CGU");
  await expect(page.getByText("La ville de Villefranque - ci-après dénommée la Collectivité")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Données personnelles" })).toBeVisible();
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(
    page.getByText("Vous devez accepter les conditions générales d'utilisation pour continuer.", { exact: true }),
  ).toBeVisible();
  // the summary at the top names the field, as a link to it
  await expect(
    page.getByRole("alert").getByRole("link", { name: "J'accepte les conditions générales d'utilisation." }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("J'accepte les conditions générales d'utilisation.").check();
  await page.getByRole("button", { name: "Suivant" }).click();

  // IDENTITÉ: errors beside the fields, a fake image refused by its content, a real one kept
  await expect(page).toHaveURL(/\/identite$/);
  await expect(page.locator("[aria-current=step]")).toContainText("Identité");
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.getByText("Choisissez votre civilité : Madame ou Monsieur.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Nom usuel")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("alert").getByRole("link", { name: "Nom usuel" }).click();
  await expect(page.getByLabel("Nom usuel")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel("Civilité").selectOption("MADAME");
  await page.getByLabel("Nom usuel").fill(parent.nom);
  await page.getByLabel("Prénom(s)").fill(parent.prenom);
  await page.getByLabel("Date de naissance").fill("1988-04-12");
  await page
    .getByLabel("Photo")
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("ceci n'est pas une image") });
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.locator("#photo-erreur")).toContainText("Ce fichier n'est pas accepté");
  await expect(page.getByLabel("Nom usuel")).toHaveValue(parent.nom);
  await page.getByLabel("Photo").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Suivant" }).click();

  // ADRESSE: a French code postal has 5 digits
  await expect(page).toHaveURL(/\/adresse$/);
  await page.getByLabel("Numéro").fill("65");
  await page.getByLabel("Voie").fill("Route de Saint Pierre d'Irube");
  await page.getByLabel("Code postal").fill("6499");
  await page.getByLabel("Ville").fill("Villefranque");
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(
    page.getByText("Un code postal français compte 5 chiffres, par exemple 64990.", { exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Code postal").fill("64990");
  await page.getByRole("button", { name: "Suivant" }).click();

  // MOYENS DE CONTACT, then PRÉCÉDENT and a reload: nothing typed is lost
  await expect(page).toHaveURL(/\/contact$/);
  await page.getByLabel("Courriel").fill(parent.courriel);
  await page.getByLabel("Mobile").fill("06 12 34 56 78");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Précédent" }).click();
  await expect(page).toHaveURL(/\/adresse$/);
  await page.reload();
  await expect(page.getByLabel("Voie")).toHaveValue("Route de Saint Pierre d'Irube");
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.getByLabel("Courriel")).toHaveValue(parent.courriel);
  await page.getByRole("button", { name: "Suivant" }).click();

  // AUTHENTIFICATION: the seed's rule shown and enforced before sending
  await expect(page).toHaveURL(/\/authentification$/);
  await expect(page.locator("[aria-current=step]")).toContainText("Authentification");
  await expect(
    page
      .getByText(
        "Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins 1 minuscule(s), 1 majuscule(s), 1 chiffre(s) et 1 caractère spécial(s).",
      )
      .first(),
  ).toBeVisible();
  await page.getByLabel("Identifiant d'utilisateur").fill(parent.identifiant);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill("motdepasse");
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill("motdepasse");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.locator("#motDePasse-erreur")).toContainText(
    "Le mot de passe doit contenir au minimum 8 caractère(s)",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(MOT_DE_PASSE);
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill(MOT_DE_PASSE);
  // PRÉCÉDENT saves the step, but never the password
  await page.getByRole("button", { name: "Précédent" }).click();
  await expect(page).toHaveURL(/\/contact$/);
  const brouillons = await sql(
    `SELECT data::text AS data FROM "WizardDraft" WHERE data->'authentification'->>'identifiant' = $1`,
    [parent.identifiant],
  );
  expect(brouillons).toHaveLength(1);
  expect(brouillons[0]!.data).not.toContain(MOT_DE_PASSE);
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.getByLabel("Identifiant d'utilisateur")).toHaveValue(parent.identifiant);
  await expect(page.getByRole("textbox", { name: "Mot de passe", exact: true })).toHaveValue("");
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(MOT_DE_PASSE);
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill(MOT_DE_PASSE);
  await verifierAltcha(page);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider" }).click();

  await expect(page.getByRole("heading", { name: "Confirmation de création de votre espace" })).toBeVisible();
  await expect(page.getByText("Votre espace a bien été créé.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The mail, as the seed writes it
  const mail = await mails.waitFor({
    to: parent.courriel,
    subject: "Mairie de Villefranque - Création de votre espace personnel",
  });
  expect(mail.text).toContain("Bonjour Mme ETCHART");
  expect(mail.text).toContain("Votre demande de création d'un espace personnel a bien été prise en compte.");
  expect(mail.html).toContain("La Mairie de Villefranque");
  const lien = mails.link(mail, "/activation/");

  // Not activated yet: the login says so
  await seConnecter(page, parent.identifiant);
  await expect(page.getByText("Votre espace n'est pas encore activé.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Renvoyer le lien d'activation" })).toBeVisible();

  // the link itself activates nothing (mail scanners follow links): the page's button does
  await page.goto(lien);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Activer mon espace" }).click();
  await expect(page.getByRole("heading", { name: "Confirmation d'activation de l'espace" })).toBeVisible();
  await expect(
    page.getByText(`Votre espace a bien été activé pour le nom d'utilisateur ${parent.identifiant}.`),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Déclarer ma famille" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Accéder à mon profil" })).toBeVisible();
  await expectNoAxeViolations(page);

  // First login, with the keyboard alone
  await page.goto("/connexion");
  await expectNoAxeViolations(page);
  await page.getByLabel("Identifiant").focus();
  await page.keyboard.type(parent.identifiant);
  await page.keyboard.press("Tab");
  await page.keyboard.type(MOT_DE_PASSE);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(
    page.getByRole("heading", { name: `Bonjour ${parent.prenom} ${parent.nom.toUpperCase()}` }),
  ).toBeVisible();
  await expect(page.getByText(/Dernière connexion le/)).toHaveCount(0);
  for (const item of ["Mon accueil", "Actualités", "Documents utiles", "Activités", "Infos pratiques"]) {
    await expect(
      page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: item }),
    ).toBeVisible();
  }
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await page.goto("/mon-espace");
  await expect(page).toHaveURL(/\/connexion/);

  await seConnecter(page, parent.identifiant);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(page.getByText(/^Dernière connexion le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/)).toBeVisible();

  await page.getByRole("link", { name: "Accéder à mon profil" }).click();
  await expect(page.getByText(parent.courriel)).toBeVisible();
  await expect(page.getByText("64990 Villefranque", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("une saisie reprend où le parent l'a laissée, dans un nouvel onglet", async ({ page, context }) => {
  await page.goto("/creer-mon-espace");
  await page.getByRole("button", { name: "Je crée mon espace" }).click();
  await page.getByLabel("J'accepte les conditions générales d'utilisation.").check();
  await page.getByRole("button", { name: "Suivant" }).click();
  await page.getByLabel("Civilité").selectOption("MONSIEUR");
  await page.getByLabel("Nom usuel").fill("Garat");
  await page.getByLabel("Prénom(s)").fill("Peio");
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/\/adresse$/);

  const onglet = await context.newPage();
  await onglet.goto("/creer-mon-espace");
  await onglet.getByRole("button", { name: "Reprendre la création de mon espace" }).click();
  await expect(onglet).toHaveURL(/\/adresse$/);
  await onglet.getByRole("button", { name: "Précédent" }).click();
  await expect(onglet.getByLabel("Nom usuel")).toHaveValue("Garat");
  await expect(onglet.getByLabel("Civilité")).toHaveValue("MONSIEUR");
  // A step not reached yet is not open
  await onglet.goto("/creer-mon-espace/authentification");
  await expect(onglet).toHaveURL(/\/adresse$/);
  // ANNULER asks first (the question focused); "Non" keeps everything, "Oui, tout effacer" forgets the draft
  await onglet.getByRole("button", { name: "Annuler" }).click();
  await expect(onglet.getByText("Annuler la création de votre espace ?", { exact: false })).toBeFocused();
  await onglet.getByRole("button", { name: "Non, continuer la saisie" }).click();
  await expect(onglet).toHaveURL(/\/adresse$/);
  await onglet.getByRole("button", { name: "Annuler" }).click();
  await onglet.getByRole("button", { name: "Oui, tout effacer" }).click();
  await expect(onglet).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await onglet.goto("/creer-mon-espace");
  await expect(onglet.getByRole("button", { name: "Je crée mon espace" })).toBeVisible();
});
