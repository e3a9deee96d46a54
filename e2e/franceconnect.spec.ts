// FranceConnect and the agents' SSO, at 1280 and at 360 px (both projects run this file), against the stand-in
// providers (tests/stand-ins/franceconnect.ts, started by playwright.config.ts): a first sign-in creates a space
// with its Identité and courriel taken from FranceConnect, without identifiant, password nor anti-bot check,
// which is activated from its mail, logged out of (and out of
// FranceConnect), and opened again by FranceConnect alone; another parent links FranceConnect to the space they
// already have (a factory's); an agent signs in through the commune's SSO, and a disabled agent is refused.
//
// One stand-in serves both projects and both workers, and an identity is new to the portal only once: each test
// adds its own to the stand-in (a `sub` and a nom of that test only, POST /bouchon/identites), so no test depends
// on another having run, or not, before it. Logging in is these tests' subject: they use the real buttons and
// forms, never the `connecter` fixture.
import { test, expect } from "./fixtures/test";
import type { Page } from "@playwright/test";
import type { IdentiteStandIn } from "../tests/stand-ins/franceconnect";
import { seConnecter, suivant } from "./fixtures/espace";

const FRANCECONNECT = `http://127.0.0.1:${process.env.E2E_FRANCECONNECT_PORT}`;
const SSO = `http://127.0.0.1:${process.env.E2E_SSO_PORT}`;

/** Adds this test's identity to a stand-in's login page. */
async function ajouterIdentite(standIn: string, identite: IdentiteStandIn) {
  const reponse = await fetch(`${standIn}/bouchon/identites`, { method: "POST", body: JSON.stringify(identite) });
  expect(reponse.status, await reponse.text()).toBe(201);
}

/** A FranceConnect identity of this test only: `nom` (letters only, unique) as its nom de naissance. */
function identiteFranceConnect(
  nom: string,
  personne: { prenoms: string; naissance: string; libelleNaissance: string; gender: "female" | "male" },
): IdentiteStandIn {
  return {
    sub: `fc-e2e-${nom.toLowerCase()}`,
    libelle: `${personne.prenoms} ${nom}, ${personne.libelleNaissance}`,
    claims: {
      given_name: personne.prenoms,
      family_name: nom,
      preferred_username: "",
      birthdate: personne.naissance,
      gender: personne.gender,
      birthplace: "75107",
      birthcountry: "99100",
      email: `${nom.toLowerCase()}@exemple.fr`,
    },
  };
}

/** The button on /connexion, then the stand-in's page, where the identity is picked. */
async function sIdentifierAvecFranceConnect(page: Page, identite: IdentiteStandIn) {
  await page.goto("/connexion");
  await page.getByRole("button", { name: "S'identifier avec FranceConnect" }).click();
  await expect(page).toHaveURL(new RegExp(`^${FRANCECONNECT}/interaction/`));
  await page.getByRole("button", { name: identite.libelle }).click();
}

/** The button on /agent/connexion, then the commune's SSO stand-in, where the identity is picked. */
async function seConnecterAvecLeCompteDeLaCommune(page: Page, identite: IdentiteStandIn) {
  await page.goto("/agent/connexion");
  await page.getByRole("button", { name: "Se connecter avec le compte de la commune" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SSO}/interaction/`));
  await page.getByRole("button", { name: identite.libelle }).click();
}

async function sessionFranceConnect(page: Page) {
  return (await page.context().cookies(FRANCECONNECT)).some((cookie) => cookie.name === "fc_session");
}

/** Se déconnecter ends the portal's session (and FranceConnect's, when it opened it), back on the login page. */
async function seDeconnecter(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await expect(page).toHaveURL(/\/connexion\?deconnecte=1/);
}

test("première connexion avec FranceConnect : l'espace créé avec l'identité reprise, activé, puis ouvert par FranceConnect", async ({
  page,
  mails,
  fabrique,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const nom = fabrique.nom("Dubois").toUpperCase();
  const angela = identiteFranceConnect(nom, {
    prenoms: "Angela Claire Louise",
    naissance: "1962-08-24",
    libelleNaissance: "née le 24/08/1962 à Paris 7e",
    gender: "female",
  });
  await ajouterIdentite(FRANCECONNECT, angela);

  await page.goto("/connexion");
  await expect(page.getByRole("link", { name: "Qu'est-ce que FranceConnect ?" })).toHaveAttribute("target", "_blank");
  await expectNoAxeViolations(page);
  await sIdentifierAvecFranceConnect(page, angela);

  // No space knows this identity: link one, or create one.
  await expect(page).toHaveURL(/\/connexion\/franceconnect$/);
  await expect(page.getByText(`Angela Claire Louise ${nom}`)).toBeVisible();
  await expectNoAxeViolations(page);
  const creer = page.locator("section", { has: page.getByRole("heading", { name: "Créer mon espace" }) });
  await creer.getByRole("link", { name: "Créer mon espace" }).click();

  await page.getByLabel("J'accepte les conditions générales d'utilisation.").check();
  await expectNoAxeViolations(page);
  await suivant(page);
  // Identité: what FranceConnect says, read-only; the nom usuel alone is the parent's.
  await expect(page.getByLabel("Prénom(s)")).toHaveValue("Angela Claire Louise");
  await expect(page.getByLabel("Prénom(s)")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("Nom de naissance")).toHaveValue(nom);
  await expect(page.getByLabel("Nom de naissance")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("Date de naissance")).toHaveValue("1962-08-24");
  await expect(page.getByLabel("Civilité")).toHaveValue("Madame");
  await expectNoAxeViolations(page);
  await suivant(page);
  await page.getByLabel("Code postal").fill("64990");
  await page.getByLabel("Ville").fill("Villefranque");
  await expectNoAxeViolations(page);
  await suivant(page);
  // The courriel FranceConnect gave, prefilled (editable): kept here, the activation mail goes to it.
  await expect(page.getByLabel("Courriel")).toHaveValue(angela.claims.email!);
  await expectNoAxeViolations(page);
  await suivant(page);
  // No identifiant, no password, no anti-bot check: FranceConnect authenticated the person.
  await expect(page.getByRole("textbox", { name: "Mot de passe", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Identifiant d'utilisateur")).toHaveCount(0);
  await expect(page.locator("altcha-widget")).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Contrôle de sécurité" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("heading", { name: "Confirmation de création de votre espace" })).toBeVisible();
  // the identifiant generated from the name, shown once
  const identifiant = `angela.${nom.toLowerCase()}`;
  await expect(page.getByRole("status")).toContainText(`Votre identifiant d'utilisateur : ${identifiant}.`);
  await expectNoAxeViolations(page);

  // Not active yet: FranceConnect does not open it.
  await sIdentifierAvecFranceConnect(page, angela);
  await expect(page).toHaveURL(/\/connexion\?erreur=non_active$/);
  await expect(
    page.getByText(
      "Votre espace n'est pas encore activé : suivez le lien du courriel reçu à sa création, puis reconnectez-vous avec FranceConnect.",
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The mail's link opens a page; its button (a POST, so mail scanners activate nothing) activates.
  await page.goto(
    mails.link(
      await mails.waitFor({ to: angela.claims.email!, subject: "Création de votre espace personnel" }),
      "/activation/",
    ),
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Activer mon espace" }).click();
  await expect(page.getByRole("heading", { name: "Confirmation d'activation de l'espace" })).toBeVisible();
  await expect(
    page.getByText(`Votre espace a bien été activé pour le nom d'utilisateur ${identifiant}.`),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await sIdentifierAvecFranceConnect(page, angela);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(page).toHaveTitle(/Mon accueil/);
  expect(await sessionFranceConnect(page)).toBe(true);
  await expectNoAxeViolations(page);

  // Se déconnecter ends the portal's session and FranceConnect's, then comes back to the login page.
  await seDeconnecter(page);
  expect(await sessionFranceConnect(page)).toBe(false);
  await expectNoAxeViolations(page);
  await page.goto("/mon-espace");
  await expect(page).toHaveURL(/\/connexion/);

  await sIdentifierAvecFranceConnect(page, angela);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(page).toHaveTitle(/Mon accueil/);
});

test("un parent qui a déjà un espace l'associe à FranceConnect, qui l'ouvre ensuite", async ({
  page,
  fabrique,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const parent = await fabrique.espace({ prefixe: "fclien" });
  const pierre = identiteFranceConnect(fabrique.nom("Mercier").toUpperCase(), {
    prenoms: "Pierre Paul",
    naissance: "1969-03-17",
    libelleNaissance: "né le 17/03/1969 à Bayonne",
    gender: "male",
  });
  await ajouterIdentite(FRANCECONNECT, pierre);

  await sIdentifierAvecFranceConnect(page, pierre);
  await expect(page).toHaveURL(/\/connexion\/franceconnect$/);
  const deja = page.locator("section", { has: page.getByRole("heading", { name: "J'ai déjà un espace" }) });
  await deja.getByLabel("Mot de passe").fill("Pas-le-bon-mot-1!");
  await deja.getByLabel("Identifiant").fill(parent.identifiant);
  await deja.getByRole("button", { name: "Connexion" }).click();
  await expect(page.getByText("Identifiant ou mot de passe incorrect.")).toBeVisible();
  await expect(deja.getByLabel("Identifiant")).toHaveValue(parent.identifiant);
  await expectNoAxeViolations(page);
  await deja.getByLabel("Mot de passe").fill(parent.motDePasse);
  await deja.getByRole("button", { name: "Connexion" }).click();
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(page).toHaveTitle(/Mon accueil/);

  // Linked: FranceConnect alone opens the space now.
  await seDeconnecter(page);
  await sIdentifierAvecFranceConnect(page, pierre);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await expect(page).toHaveTitle(/Mon accueil/);

  // Modifier mon espace: Dissocier FranceConnect; the identifiant and password still open the space.
  await page.goto("/mon-profil");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Dissocier FranceConnect" }).click();
  await expect(page.getByText("Votre espace n'est pas associé à FranceConnect.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await seDeconnecter(page);
  await seConnecter(page, parent.identifiant, parent.motDePasse);
  await expect(page).toHaveURL(/\/mon-espace$/);

  // …and FranceConnect no longer does: the identity is unknown again.
  await seDeconnecter(page);
  await sIdentifierAvecFranceConnect(page, pierre);
  await expect(page).toHaveURL(/\/connexion\/franceconnect$/);
  await expect(page.getByRole("heading", { name: "J'ai déjà un espace" })).toBeVisible();
});

/** The commune's SSO identity of a factory's agent, named by its courriel (AGENT_OIDC_CLAIM's default, email). */
function identiteSso(agent: { identifiant: string }, amr: string[], variante: string): IdentiteStandIn {
  return {
    sub: `sso-e2e-${agent.identifiant}-${variante}`,
    libelle: `${agent.identifiant} (${variante})`,
    // the factories' agents have the courriel <identifiant>@mairie.test (e2e/fixtures/factories-agents.ts: agent)
    claims: { email: `${agent.identifiant}@mairie.test`, preferred_username: agent.identifiant },
    amr,
  };
}

test("un agent se connecte avec le compte de la commune, qui a fait le second facteur", async ({
  page,
  fabrique,
  expectNoAxeViolations,
}) => {
  // Agents who owe a TOTP code after a password; one SSO identity each, since an identity is linked to its
  // account by its sub at the first login (issue 30).
  const agent = await fabrique.agent({ prefixe: "sso", totp: true });
  const autreAgent = await fabrique.agent({ prefixe: "ssomfa", totp: true });
  const motDePasseSeul = identiteSso(agent, ["pwd"], "mot de passe seul");
  const avecSecondFacteur = identiteSso(autreAgent, ["pwd", "mfa"], "mot de passe et second facteur");
  await ajouterIdentite(SSO, motDePasseSeul);
  await ajouterIdentite(SSO, avecSecondFacteur);

  await page.goto("/agent/connexion");
  await expectNoAxeViolations(page);
  // The provider did not do a second factor: the console still asks for the TOTP code.
  await seConnecterAvecLeCompteDeLaCommune(page, motDePasseSeul);
  await expect(page).toHaveURL(/\/agent\/connexion\/code(\?|$)/);
  await expectNoAxeViolations(page);

  // It did (amr "mfa") and the commune trusts it (AGENT_OIDC_MFA_FOURNISSEUR, playwright.config.ts): the console
  // opens at once.
  await page.context().clearCookies();
  await seConnecterAvecLeCompteDeLaCommune(page, avecSecondFacteur);
  await expect(page).toHaveURL(/\/agent$/);
  await expectNoAxeViolations(page);
});

test("un agent désactivé est refusé par la connexion avec le compte de la commune", async ({
  page,
  fabrique,
  expectNoAxeViolations,
}) => {
  const agent = await fabrique.agentDesactive({ prefixe: "ssodes" });
  const identite = identiteSso(agent, ["pwd", "mfa"], "compte désactivé");
  await ajouterIdentite(SSO, identite);

  await seConnecterAvecLeCompteDeLaCommune(page, identite);
  await expect(page).toHaveURL(/\/agent\/connexion\?erreur=sso_refuse$/);
  await expect(
    page.getByText(
      "Aucun compte d'agent actif ne correspond à votre compte de la commune. Adressez-vous à un administrateur du portail.",
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  // No session was opened.
  await page.goto("/agent");
  await expect(page).toHaveURL(/\/agent\/connexion/);
});
