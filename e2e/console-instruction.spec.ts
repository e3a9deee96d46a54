// The agents' console: the queue, taking a demande up and accepting it (the parent then sees the family and
// its clé enfance), a refusal whose motif reaches the parent's mailbox, a complément the parent answers and
// the agent then accepts, and garde alternée (one Enfant in two Familles). axe on every console page.
//
// The suite runs twice (desktop, mobile) on one server and database, so each test makes its own parents and
// deposited declarations, straight in the database (deposerParSql): their login, wizard and deposit are what
// other specs test; here they are only the agents' material. The demo's parent.attente is used while its
// declaration is still waiting (the first project), as the demo is meant to be walked.
import { randomUUID } from "node:crypto";
import type { Page, TestInfo } from "@playwright/test";
import { seConnecterAgent } from "./fixtures/agent";
import { DEMO_AGENT } from "@/prisma/demo-comptes";
import { test, expect } from "./fixtures/test";
import { seConnecter, sql } from "./fixtures/espace";

const MOT_DE_PASSE_PARENT = "Famille-Demo-2026!";

type Enfant = { sexe: "MASCULIN" | "FEMININ"; nom: string; prenoms: string; dateNaissance: string };

/**
 * An activated space (with parent.demo's password hash, so it logs in with the demo password) and its Ajout
 * de famille deposited as the wizard would have left it: titulaire and children, state DEPOSEE, a number.
 */
async function deposerParSql(testInfo: TestInfo, prefix: string, enfants: Enfant[]) {
  const identifiant = `${prefix}.${testInfo.project.name}${Date.now().toString(36)}`;
  const courriel = `${identifiant}@exemple.fr`;
  const nom = prefix.charAt(0).toUpperCase() + prefix.slice(1);
  const [usager] = await sql(
    `INSERT INTO "Usager" (id, identifiant, "identifiantNormalise", courriel, "courrielNormalise", "passwordHash", civilite, "nomUsage", prenoms,
       "adresseNumero", "adresseVoie", "codePostal", ville, pays, mobile, "cguVersion", "cguAcceptedAt", "activatedAt")
     SELECT $1, $2, lower($2), $3, lower($3), "passwordHash", 'MADAME', $4, 'Claire', '65', 'Route de Saint Pierre d''Irube', '64990', 'Villefranque', 'France',
       '0612345678', "cguVersion", now(), now()
     FROM "Usager" WHERE "identifiantNormalise" = 'parent.demo' RETURNING id`,
    [randomUUID(), identifiant, courriel, nom],
  );
  const donnees = {
    titulaire: {
      civilite: "MADAME",
      nomUsage: nom,
      prenom: "Claire",
      adresseNumero: "65",
      adresseVoie: "Route de Saint Pierre d'Irube",
      codePostal: "64990",
      ville: "Villefranque",
      pays: "FRANCE",
      telephonePortable: "0612345678",
      courriel,
      qualite: "MERE",
      autoriteParentale: "oui",
    },
    coRepresentant: null,
    enfants: enfants.map((enfant) => ({ id: randomUUID(), ...enfant, memeAdresse: "on" })),
    contacts: [],
  };
  const demandeId = randomUUID();
  const [demande] = await sql(
    `INSERT INTO "Demande" (id, numero, type, statut, "usagerId", donnees, etape, "updatedAt", "deposeeAt")
     VALUES ($1, nextval('demande_numero_seq'), 'AJOUT_FAMILLE', 'DEPOSEE', $2, $3::jsonb, 1, now(), now()) RETURNING numero`,
    [demandeId, usager.id, JSON.stringify(donnees)],
  );
  await sql(
    `INSERT INTO "DemandeHistorique" ("demandeId", transition, de, vers, acteur, "acteurId") VALUES ($1, 'deposer', 'BROUILLON', 'DEPOSEE', 'USAGER', $2)`,
    [demandeId, usager.id],
  );
  return { identifiant, courriel, nom, numero: Number(demande.numero) };
}

async function connexionAgent(page: Page) {
  await page.context().clearCookies();
  await seConnecterAgent(page, DEMO_AGENT.identifiant, DEMO_AGENT.motDePasse);
  await expect(page.getByRole("heading", { level: 1, name: /Tableau de bord/ })).toBeVisible();
}

async function connexionParent(page: Page, identifiant: string) {
  await page.context().clearCookies();
  await seConnecter(page, identifiant, MOT_DE_PASSE_PARENT);
  await expect(page).toHaveURL(/\/mon-espace$/);
}

/** A child's prénom of this test and project only: a child declared twice is, by design, offered for garde alternée. */
const prenomUnique = (prenom: string, testInfo: TestInfo) =>
  `${prenom}${testInfo.project.name}${Date.now().toString(36)}`;

const actions = (page: Page) => page.getByRole("region", { name: "Actions" });

test("un agent prend en charge la demande déposée depuis la file « À traiter » et l'accepte ; le parent voit sa famille", async ({
  page,
  expectNoAxeViolations,
}, testInfo) => {
  test.setTimeout(120_000);
  const [attente] = await sql(
    `SELECT d.numero FROM "Demande" d JOIN "Usager" u ON u.id = d."usagerId" WHERE u."identifiantNormalise" = 'parent.attente' AND d.statut = 'DEPOSEE'`,
  );
  const cible = attente
    ? { identifiant: "parent.attente", numero: Number(attente.numero), enfant: "Ane DUHALDE" }
    : {
        ...(await deposerParSql(testInfo, "accueil", [
          { sexe: "FEMININ", nom: "Accueil", prenoms: prenomUnique("Ane", testInfo), dateNaissance: "2018-03-21" },
        ])),
        enfant: "ACCUEIL",
      };

  await connexionAgent(page);
  await expectNoAxeViolations(page);
  const file = page.getByRole("region", { name: "Demandes à traiter, la plus ancienne d'abord" });
  await file.getByRole("link", { name: `N° ${cible.numero}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Demande N° ${cible.numero}`) })).toBeVisible();
  await expect(page.getByText("Déposée", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await actions(page).getByRole("button", { name: "Prendre en charge" }).click();
  await expect(actions(page).getByText("Vous avez pris en charge cette demande.")).toBeVisible();
  await expect(page.getByText("En cours d'instruction", { exact: true }).first()).toBeVisible();
  await expect(actions(page).getByRole("button", { name: "Prendre en charge" })).toHaveCount(0);
  await page.goto("/agent");
  await expect(
    page
      .getByRole("region", { name: "Mes demandes en cours d'instruction" })
      .getByRole("link", { name: `N° ${cible.numero}`, exact: true }),
  ).toBeVisible();
  await page
    .getByRole("region", { name: "Mes demandes en cours d'instruction" })
    .getByRole("link", { name: `N° ${cible.numero}`, exact: true })
    .click();

  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await expect(
    actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
  ).toBeVisible();
  await expect(page.getByText("Acceptée", { exact: true }).first()).toBeVisible();
  const cle = (await page.locator("dt:text-is('Clé enfance') + dd").textContent())!;
  expect(cle).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await expectNoAxeViolations(page);

  // the list finds it by its clé enfance
  await page.goto(`/agent/demandes?q=${encodeURIComponent(cle)}`);
  await expect(page.getByRole("heading", { level: 2, name: "1 demande" })).toBeVisible();
  await expect(page.getByRole("link", { name: `N° ${cible.numero}`, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await connexionParent(page, cible.identifiant);
  const famille = page.getByRole("region", { name: "Ma famille" });
  await expect(famille).toBeVisible();
  await expect(famille.getByText(cible.enfant)).toBeVisible();
  await expect(famille.getByText(`Clé enfance : ${cle}`)).toBeVisible();
});

test(
  "un agent refuse une demande avec un motif : le courriel du parent le donne",
  { tag: "@bureau" },
  async ({ page, mails, expectNoAxeViolations }, testInfo) => {
    const parent = await deposerParSql(testInfo, "refus", [
      { sexe: "MASCULIN", nom: "Refus", prenoms: prenomUnique("Henri", testInfo), dateNaissance: "2019-05-01" },
    ]);
    await connexionAgent(page);
    // the filters are a GET form: the search by name and state leads to the demande
    await page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Demandes" }).click();
    await page.getByRole("searchbox", { name: "Rechercher" }).fill(parent.nom);
    await page.getByLabel("État").selectOption("DEPOSEE");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/statut=DEPOSEE/);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: `N° ${parent.numero}`, exact: true }).click();

    await actions(page).getByRole("button", { name: "Refuser" }).click();
    await expect(page.getByLabel("Motif du refus")).toHaveAccessibleDescription("Indiquez le motif.");
    await expectNoAxeViolations(page);
    await page.getByLabel("Motif du refus").fill("La famille n'habite pas la commune.");
    await actions(page).getByRole("button", { name: "Refuser" }).click();
    await expect(
      actions(page).getByText("La demande est refusée : le demandeur est prévenu par courriel."),
    ).toBeVisible();
    await expect(page.getByText("Motif : La famille n'habite pas la commune.")).toBeVisible();

    const mail = await mails.waitFor({ to: parent.courriel, subject: `Référence : ${parent.numero}` });
    expect(mail.text).toContain(`Votre demande N° ${parent.numero} (Ajout de famille) a été refusée.`);
    expect(mail.text).toContain("Motif du refus : La famille n'habite pas la commune.");
  },
);

test("un agent demande un complément, le parent complète et renvoie sa demande, l'agent l'accepte", async ({
  page,
  mails,
  expectNoAxeViolations,
}, testInfo) => {
  test.setTimeout(120_000);
  const parent = await deposerParSql(testInfo, "complement", [
    { sexe: "FEMININ", nom: "Complement", prenoms: prenomUnique("Louise", testInfo), dateNaissance: "2021-09-12" },
  ]);
  await connexionAgent(page);
  await page.goto(`/agent/demandes/${parent.numero}`);
  await page.getByLabel("Motif du complément").fill("Il manque le justificatif de domicile.");
  await page.getByLabel("Ce qu'il manque").fill("Justificatif de domicile de moins de 3 mois");
  await actions(page).getByRole("button", { name: "Demander un complément" }).click();
  await expect(
    actions(page).getByText("Le complément a été demandé : le demandeur est prévenu par courriel."),
  ).toBeVisible();
  await expect(page.getByText("À compléter", { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  const mail = await mails.waitFor({ to: parent.courriel, subject: `Référence : ${parent.numero}` });
  expect(mail.text).toContain(
    "Ce qu'il manque : Il manque le justificatif de domicile. Éléments attendus : Justificatif de domicile de moins de 3 mois.",
  );

  await connexionParent(page, parent.identifiant);
  await page.goto("/famille/declarer");
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(new RegExp(`/demandes/${parent.numero}/enregistree`));

  await connexionAgent(page);
  // redeposited, the demande is back in the queue
  await page
    .getByRole("region", { name: "Demandes à traiter, la plus ancienne d'abord" })
    .getByRole("link", { name: `N° ${parent.numero}`, exact: true })
    .click();
  await expect(page.getByText("Renvoyer la demande complétée : Déposée")).toBeVisible();
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await expect(
    actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
  ).toBeVisible();
});

test(
  "garde alternée : l'agent rattache l'enfant déclaré par le second parent à l'enfant existant",
  { tag: "@bureau" },
  async ({ page, expectNoAxeViolations }, testInfo) => {
    test.setTimeout(120_000);
    const prenoms = prenomUnique("Eloi", testInfo);
    const enfant = { sexe: "MASCULIN" as const, nom: "Etchart-Bidart", prenoms, dateNaissance: "2018-03-04" };
    const mere = await deposerParSql(testInfo, "mere", [enfant]);
    const pere = await deposerParSql(testInfo, "pere", [{ ...enfant, nom: "ETCHART BIDART" }]);

    await connexionAgent(page);
    await page.goto(`/agent/demandes/${mere.numero}`);
    await actions(page).getByRole("button", { name: "Accepter" }).click();
    await expect(
      actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
    ).toBeVisible();

    await page.goto(`/agent/demandes/${pere.numero}`);
    await expect(
      page.getByText(
        `Enfant possiblement déjà connu : ${prenoms} ETCHART-BIDART, né(e) le 04/03/2018 dans la famille de Claire MERE`,
      ),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    // the choice is required
    await actions(page).getByRole("button", { name: "Accepter" }).click();
    await expect(page.getByText("Choisissez : rattacher à l'enfant existant ou créer un nouvel enfant.")).toBeVisible();
    await page.getByLabel("Rattacher à l'enfant existant (garde alternée)").check();
    await actions(page).getByRole("button", { name: "Accepter" }).click();
    await expect(
      actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
    ).toBeVisible();

    const lignes = await sql(
      `SELECT e.id, count(fe."familleId")::int AS familles FROM "Enfant" e JOIN "FamilleEnfant" fe ON fe."enfantId" = e.id WHERE e.prenoms = $1 GROUP BY e.id`,
      [prenoms],
    );
    expect(lignes).toEqual([{ id: expect.any(String), familles: 2 }]);
  },
);
