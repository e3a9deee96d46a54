// At 360 px (the "mobile" project), every screen once: its axe scan, and what matters on a phone — nothing
// wider than the screen, buttons and form controls at least 44 px high (a thumb's target), and the feedback
// after a save or a refusal brought into view and focused. Plus what only a phone does in the journeys: the
// camera offered for a pièce jointe, the person list stacked above the form. The journeys' logic itself runs
// once, at 1280 px (the "desktop" project).
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";

const CIBLE_MIN_PX = 44;

type Axe = (page: Page) => Promise<void>;

/** The screen the browser is on, as a phone shows it. */
async function verifierEcran(page: Page, expectNoAxeViolations: Axe) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  const { largeur, debord, depassent, petites } = await page.evaluate((min) => {
    const visibles = (selecteur: string) =>
      Array.from(document.querySelectorAll<HTMLElement>(selecteur)).filter((element) => {
        const boite = element.getBoundingClientRect();
        return boite.width > 0 && boite.height > 0 && getComputedStyle(element).visibility !== "hidden";
      });
    // Buttons, fields and lists, and the links drawn as buttons. A box or radio button counts by its label,
    // which is what the thumb touches.
    const cibles = visibles(
      "button, select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), [class*=bouton]",
    ).map((element) => element);
    for (const caseACocher of visibles("input[type=checkbox], input[type=radio]")) {
      const label =
        caseACocher.closest("label") ?? (caseACocher.id && document.querySelector(`label[for="${caseACocher.id}"]`));
      cibles.push((label as HTMLElement | null) ?? caseACocher);
    }
    const petites = cibles
      .filter((element) => !element.closest("altcha-widget"))
      .map((element) => ({ element, boite: element.getBoundingClientRect() }))
      .filter(({ boite }) => boite.height < min - 0.5)
      .map(
        ({ element, boite }) =>
          `<${element.tagName.toLowerCase()}> « ${(element.textContent || element.getAttribute("aria-label") || element.getAttribute("name") || "").trim().slice(0, 40)} » ${Math.round(boite.width)}×${Math.round(boite.height)}`,
      );
    // what sticks out on the right, to name it in the failure (not what a scrolling box, like a wide table's,
    // keeps inside it)
    const defile = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement)
        if (/auto|scroll|hidden/.test(getComputedStyle(parent).overflowX)) return true;
      return false;
    };
    const depassent = visibles("body *")
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5 && !defile(element))
      .slice(-3)
      .map(
        (element) =>
          `<${element.tagName.toLowerCase()} class="${element.className}"> ${Math.round(element.getBoundingClientRect().right)} px`,
      );
    return {
      largeur: window.innerWidth,
      debord: document.documentElement.scrollWidth,
      depassent,
      petites,
    };
  }, CIBLE_MIN_PX);
  expect(debord, `${page.url()} déborde à droite : ${depassent.join(", ")}`).toBeLessThanOrEqual(largeur);
  expect(petites, `${page.url()} : cibles de moins de ${CIBLE_MIN_PX} px`).toEqual([]);
}

/** A field refused beside it: brought into view and focused. */
async function verifierChampRefuse(page: Page) {
  const champ = page.locator("main [aria-invalid=true]").first();
  await expect(champ).toBeInViewport();
  await expect(champ).toBeFocused();
}

/** The message a save or a refusal answers with: visible without scrolling, and focused (read out first). */
async function verifierRetour(page: Page, texte: string | RegExp) {
  const retour = page
    .locator("main")
    .getByRole("alert")
    .or(page.locator("main").getByRole("status"))
    .filter({ hasText: texte });
  await expect(retour.first()).toBeInViewport();
  // the message, or the box that holds it, has the focus
  await expect
    .poll(() =>
      retour
        .first()
        .evaluate((element) => !!document.activeElement?.contains(element) && document.activeElement !== document.body),
    )
    .toBe(true);
}

test("les pages publiques, la connexion et Créer mon espace", async ({ page, expectNoAxeViolations }) => {
  // twenty-two screens, each scanned
  test.setTimeout(180_000);
  for (const path of [
    "/",
    "/actualites",
    "/documents-utiles",
    "/activites",
    "/infos-pratiques",
    "/cgu",
    "/mentions-legales",
    "/accessibilite",
    "/connexion",
    "/mot-de-passe-oublie",
    "/activation/renvoyer",
    "/activation/lien-inconnu",
    "/mot-de-passe-oublie/lien-inconnu",
    "/espace-supprime",
    "/page-qui-n-existe-pas",
    "/agent/connexion",
  ]) {
    await page.goto(path);
    await verifierEcran(page, expectNoAxeViolations);
  }
  // a refusal of the login form
  await page.goto("/connexion");
  await page.getByLabel("Identifiant").fill("personne.inconnue");
  await page.getByLabel("Mot de passe").fill("Pas-le-bon-2026!");
  await page.getByRole("button", { name: "Connexion" }).click();
  await verifierRetour(page, "Identifiant ou mot de passe incorrect.");

  // Créer mon espace, step by step (its journey and checks: creer-mon-espace.spec.ts)
  await page.goto("/creer-mon-espace");
  await verifierEcran(page, expectNoAxeViolations);
  await page.getByRole("button", { name: "Je crée mon espace" }).click();
  await expect(page).toHaveURL(/\/cgu$/);
  await verifierEcran(page, expectNoAxeViolations);
  await page.getByLabel("J'accepte les conditions générales d'utilisation.").check();
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/\/identite$/);
  await verifierEcran(page, expectNoAxeViolations);
  await page.getByLabel("Civilité").selectOption("MADAME");
  await page.getByLabel("Nom usuel").fill("Etchart");
  await page.getByLabel("Prénom(s)").fill("Claire");
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/\/adresse$/);
  await verifierEcran(page, expectNoAxeViolations);
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/\/contact$/);
  await verifierEcran(page, expectNoAxeViolations);
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.getByText("Indiquez votre adresse de courriel.").first()).toBeVisible();
  await page.getByLabel("Courriel").fill(`telephone.${Date.now()}@exemple.fr`);
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/\/authentification$/);
  await verifierEcran(page, expectNoAxeViolations);
});

test("l'espace d'une famille validée, ses démarches et Mes informations", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const nom = fabrique.nom("Etchart");
  const famille = await fabrique.familleValidee({ nom });
  const louise = famille.enfants.find((enfant) => enfant.prenoms === "Louise")!;
  await connecter(page, famille);
  for (const path of [
    "/mon-espace",
    "/mon-profil",
    "/mon-profil/identite",
    "/mon-profil/mot-de-passe",
    "/mon-profil/supprimer",
    "/mes-informations/telephones",
    "/mes-informations/adresse",
    "/mes-informations/courriel",
    "/mes-documents",
    "/inscriptions",
    `/demandes/${famille.numero}`,
    `/demandes/${famille.numero}?onglet=echanges`,
    `/demandes/${famille.numero}?onglet=historique`,
    `/famille/enfants/${louise.id}/sante`,
    `/famille/enfants/${louise.id}/absences`,
  ]) {
    await page.goto(path);
    await verifierEcran(page, expectNoAxeViolations);
  }

  // a save and a refusal at the bottom of a form: their message comes into view
  await page.goto("/mes-informations/telephones");
  await page.getByRole("textbox", { name: "Mobile" }).fill("12");
  await page.getByRole("button", { name: "Valider" }).click();
  await verifierChampRefuse(page);
  await page.getByRole("textbox", { name: "Mobile" }).fill("0698765432");
  await page.getByRole("button", { name: "Valider" }).click();
  await verifierRetour(page, /enregistr/i);

  // the dossier santé's form
  await page.goto(`/famille/enfants/${louise.id}/sante/mettre-a-jour`);
  await verifierEcran(page, expectNoAxeViolations);

  // an inscription's first step: each pièce jointe offers the phone's camera
  await page.goto("/inscriptions");
  await page
    .getByRole("region", { name: "Henri" })
    .getByRole("button", { name: /^Inscription à la restauration \(école publique\)\./ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Inscription à la restauration");
  await verifierEcran(page, expectNoAxeViolations);
  const pieces = page.getByLabel(/^Ajouter la pièce à fournir : /);
  const photos = page.getByLabel(/^Prendre une photo : /);
  expect(await pieces.count()).toBeGreaterThan(0);
  await expect(photos).toHaveCount(await pieces.count());
  for (const photo of await photos.all()) {
    await expect(photo).toHaveAttribute("capture", "environment");
    await expect(photo).toHaveAttribute("accept", "image/*");
  }
  // step 2 refused: the list of what is missing comes into view
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  await verifierRetour(page, "Attestation sur l'honneur");
});

test("Mon accueil à 360 × 780 : « À faire » dans le premier écran, le montant dû, la clôture, l'enfant à qui il manque quelque chose", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const famille = await fabrique.familleAvecAFaire({ nom: fabrique.nom("Etchart"), montantCentimes: 4560 });
  // jeudi 10 septembre 2026, 08:30 à Paris: the canteen of the week of the 14th closes today at noon
  await context.addCookies([{ name: "horloge-e2e", value: "2026-09-10T06:30:00.000Z", url: baseURL! }]);
  await connecter(page, famille);
  await page.goto("/mon-espace");

  const aFaire = page.getByRole("region", { name: "À faire" });
  await expect(aFaire.getByRole("link", { name: "À payer : 45,60 €" })).toHaveAttribute("href", "/factures");
  await expect(aFaire.getByRole("link", { name: "Prochaine clôture : aujourd'hui à 12:00" })).toHaveAttribute(
    "href",
    "/famille/reservations",
  );
  await expect(aFaire.getByRole("link", { name: "Louise : compléter le dossier santé" })).toHaveAttribute(
    "href",
    `/famille/enfants/${famille.louise}/sante`,
  );
  await expect(aFaire.getByRole("link", { name: "Henri : compléter le dossier santé" })).toBeVisible();
  // the whole block in the first screen, without scrolling, each line a thumb's target
  const boite = (await aFaire.boundingBox())!;
  expect(boite.y + boite.height).toBeLessThanOrEqual(780);
  for (const lien of await aFaire.getByRole("link").all()) {
    expect((await lien.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expect(
    page.getByRole("link", { name: "Gérer ma famille : enfants, co-représentant, contacts" }),
  ).toHaveAttribute("href", "/famille");
  await verifierEcran(page, expectNoAxeViolations);
});

test("Déclarer ma famille : la liste des personnes au-dessus du formulaire", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const parent = await fabrique.espace({ prefixe: "pile", nom: fabrique.nom("Etchart") });
  await connecter(page, parent);
  await page.goto("/famille/declarer");
  await verifierEcran(page, expectNoAxeViolations);
  const liste = page.getByRole("navigation", { name: "Les membres de votre famille" });
  const formulaire = page.getByRole("heading", { level: 2 }).first();
  const [boiteListe, boiteFormulaire] = [await liste.boundingBox(), await formulaire.boundingBox()];
  // stacked: the list spans the form's width and ends before the form begins
  expect(boiteListe!.y + boiteListe!.height).toBeLessThanOrEqual(boiteFormulaire!.y);
  expect(boiteListe!.width).toBeGreaterThanOrEqual(boiteFormulaire!.width - 1);
  await page.getByRole("button", { name: "+ Ajouter un enfant" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Enfant — Enfant 1/ })).toBeVisible();
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  await verifierRetour(page, "Votre famille n'est pas complète");
  await verifierEcran(page, expectNoAxeViolations);
});

test("Inscrire dès le dépôt de la famille : l'onglet, la première étape et la question avant de refuser", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const deposee = await fabrique.familleDeposee({ nom: fabrique.nom("Duhalde") });
  await connecter(page, deposee);
  await page.goto(`/demandes/${deposee.numero}/enregistree`);
  await verifierEcran(page, expectNoAxeViolations);
  await page.getByRole("link", { name: "Créer des inscriptions" }).click();
  await expect(page.getByRole("link", { name: "Inscrire" })).toHaveAttribute("aria-current", "page");
  await verifierEcran(page, expectNoAxeViolations);
  await page
    .getByRole("region", { name: "Henri" })
    .getByRole("button", { name: /^Inscription en garderie \(école publique\)/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Inscription en garderie");
  // the step's name says its number once
  await expect(page.getByText("Étape 1 sur 2 : Ma demande", { exact: true })).toBeVisible();
  await verifierEcran(page, expectNoAxeViolations);
  // ENREGISTRER at the bottom of the long form: its message comes into view, focused
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await verifierRetour(page, "Les informations sont enregistrées.");

  // the agent's Refuser asks first: the question in view and focused; the refusal's answer too
  await page.context().clearCookies();
  await connecter(page, await fabrique.agent());
  await page.goto(`/agent/demandes/${deposee.numero}`);
  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByLabel("Motif du refus").fill("Famille hors de la commune.");
  await actions.getByRole("button", { name: "Refuser" }).click();
  const question = actions.getByText(`Refuser la demande N° ${deposee.numero} ?`, { exact: false });
  await expect(question).toBeInViewport();
  await expect(question).toBeFocused();
  await verifierEcran(page, expectNoAxeViolations);
  await actions.getByRole("button", { name: "Confirmer le refus" }).click();
  await verifierRetour(page, "La demande est refusée");
});

test("la console, d'un agent et d'un administrateur", async ({ page, fabrique, connecter, expectNoAxeViolations }) => {
  test.setTimeout(120_000);
  const famille = await fabrique.familleValidee({ nom: fabrique.nom("Etchart") });
  const deposee = await fabrique.familleDeposee({ nom: fabrique.nom("Duhalde") });
  const henri = famille.enfants.find((enfant) => enfant.prenoms === "Henri")!;
  await connecter(page, await fabrique.agent());
  for (const path of [
    "/agent",
    "/agent/demandes",
    `/agent/demandes/${deposee.numero}`,
    `/agent/demandes/${famille.numero}`,
    "/agent/familles",
    `/agent/familles/${famille.familleId}`,
    `/agent/familles/${famille.familleId}/enfants/${henri.id}/sante`,
    "/agent/portail",
    "/agent/portail/activites",
    "/agent/service-non-assure",
    "/agent/securite",
  ]) {
    await page.goto(path);
    await verifierEcran(page, expectNoAxeViolations);
  }
  await page.context().clearCookies();
  await connecter(page, await fabrique.agent({ prefixe: "admin", role: "ADMIN", totp: true }));
  for (const path of ["/agent/agents", "/agent/agents/nouveau", "/agent/parametrage"]) {
    await page.goto(path);
    await verifierEcran(page, expectNoAxeViolations);
  }
  // a save in the console, at the bottom of a long page: its message comes into view
  await page.goto("/agent/parametrage");
  const commune = page.getByRole("region", { name: "La commune" });
  await commune.getByRole("button", { name: "Enregistrer" }).click();
  await verifierRetour(page, /Aucun paramètre n'a changé|Les paramètres de la commune sont enregistrés/);
});

test("le pointage et la commande des repas, d'un agent qui a l'accès aux données de santé", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const famille = await fabrique.familleInscriteCantine({ nom: fabrique.nom("Etchart"), reserver: ["2026-09-14"] });
  await context.addCookies([{ name: "horloge-e2e", value: "2026-09-14T06:00:00.000Z", url: baseURL! }]);
  await connecter(page, await fabrique.agent({ sante: true }));
  for (const path of ["/agent/pointage", `/agent/pointage/sante/${famille.enfantId}`, "/agent/commande-repas"]) {
    await page.goto(path);
    await verifierEcran(page, expectNoAxeViolations);
  }
});
