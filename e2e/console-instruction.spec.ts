// The agents' console: the queue, taking a demande up and accepting it (the parent then sees the family and
// its clé enfance), a refusal whose motif reaches the parent's mailbox, a complément the parent answers and
// the agent then accepts, and garde alternée (one Enfant in two Familles). axe on every console page.
//
// Each test makes its own parents and deposited declarations through the factories (their wizard and deposit
// are what declarer-famille.spec.ts tests; here they are only the agents' material) and opens the agent's and
// the parent's sessions with the `connecter` fixture.
import type { Page } from "@playwright/test";
import { test, expect, type Fabrique } from "./fixtures/test";
import { sql } from "./fixtures/espace";

type Connecter = (page: Page, sujet: { usagerId: string } | { agentId: string }) => Promise<void>;

/** A parent of this test only (the family's name is the search key of the console). */
async function deposer(
  fabrique: Fabrique,
  prefixe: string,
  enfant: { sexe: "MASCULIN" | "FEMININ"; dateNaissance: string; nom?: string },
) {
  const nom = fabrique.nom(prefixe.charAt(0).toUpperCase() + prefixe.slice(1));
  const prenoms = fabrique.nom("Eloi");
  return { ...(await fabrique.familleDeposee({ prefixe, nom, enfants: [{ ...enfant, prenoms }] })), prenoms };
}

async function connexionAgent(page: Page, fabrique: Fabrique, connecter: Connecter) {
  await page.context().clearCookies();
  await connecter(page, await fabrique.agent({ nom: "Irigoyen", prenom: "Maite" }));
  await page.goto("/agent");
}

async function connexionParent(page: Page, connecter: Connecter, parent: { usagerId: string }) {
  await page.context().clearCookies();
  await connecter(page, parent);
  await page.goto("/mon-espace");
}

const actions = (page: Page) => page.getByRole("region", { name: "Actions" });

test("un agent prend en charge la demande déposée depuis la file « À traiter » et l'accepte ; le parent voit sa famille", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const cible = await deposer(fabrique, "accueil", { sexe: "FEMININ", dateNaissance: "2018-03-21" });
  await connexionAgent(page, fabrique, connecter);
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

  // Accepter asks first: the question is focused, "Ne rien faire" leaves the demande as it is
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await expect(actions(page).getByText(`Accepter la demande N° ${cible.numero} ?`, { exact: false })).toBeFocused();
  await expectNoAxeViolations(page);
  await actions(page).getByRole("button", { name: "Ne rien faire" }).click();
  await expect(actions(page).getByRole("button", { name: "Confirmer l'acceptation" })).toHaveCount(0);
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
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

  await connexionParent(page, connecter, cible);
  const famille = page.getByRole("region", { name: "Ma famille" });
  await expect(famille).toBeVisible();
  await expect(famille.getByText(`${cible.prenoms} ${cible.nom.toUpperCase()}`)).toBeVisible();
  await expect(famille.getByText(`Clé enfance : ${cle}`)).toBeVisible();
});

test("un agent refuse une demande avec un motif : le courriel du parent le donne", async ({
  page,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const parent = await deposer(fabrique, "refus", { sexe: "MASCULIN", dateNaissance: "2019-05-01" });
  await connexionAgent(page, fabrique, connecter);
  // the filters are a GET form: the search by name and state leads to the demande
  await page.getByRole("navigation", { name: "Menu de la console" }).getByRole("link", { name: "Demandes" }).click();
  await page.getByRole("searchbox", { name: "Rechercher" }).fill(parent.nom);
  await page.getByLabel("État").selectOption("DEPOSEE");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/statut=DEPOSEE/);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `N° ${parent.numero}`, exact: true }).click();

  await actions(page).getByRole("button", { name: "Refuser" }).click();
  await actions(page).getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(page.getByLabel("Motif du refus")).toHaveAccessibleDescription("Indiquez le motif.");
  await expectNoAxeViolations(page);
  await page.getByLabel("Motif du refus").fill("La famille n'habite pas la commune.");
  // the decision's mail, not the deposit's (same subject), sent by the factory
  const avantDecision = new Date();
  await actions(page).getByRole("button", { name: "Refuser" }).click();
  await actions(page).getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(
    actions(page).getByText("La demande est refusée : le demandeur est prévenu par courriel."),
  ).toBeVisible();
  await expect(page.getByText("Motif : La famille n'habite pas la commune.")).toBeVisible();

  const mail = await mails.waitFor({
    to: parent.courriel,
    subject: `Demande N° ${parent.numero} refusée`,
    after: avantDecision,
  });
  expect(mail.text).toContain(`Votre demande N° ${parent.numero} (Ajout de famille) a été refusée.`);
  expect(mail.text).toContain("Motif du refus : La famille n'habite pas la commune.");
});

test("un agent demande un complément, le parent complète et renvoie sa demande, l'agent l'accepte", async ({
  page,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const parent = await deposer(fabrique, "complement", { sexe: "FEMININ", dateNaissance: "2021-09-12" });
  await connexionAgent(page, fabrique, connecter);
  await page.goto(`/agent/demandes/${parent.numero}`);
  await page.getByLabel("Motif du complément").fill("Il manque le justificatif de domicile.");
  await page.getByLabel("Ce qu'il manque").fill("Justificatif de domicile de moins de 3 mois");
  // the complément's mail, not the deposit's (same subject), sent by the factory
  const avantComplement = new Date();
  await actions(page).getByRole("button", { name: "Demander un complément" }).click();
  await expect(
    actions(page).getByText("Le complément a été demandé : le demandeur est prévenu par courriel."),
  ).toBeVisible();
  await expect(page.getByText("À compléter", { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  const mail = await mails.waitFor({
    to: parent.courriel,
    subject: `Demande N° ${parent.numero} à compléter`,
    after: avantComplement,
  });
  expect(mail.text).toContain(
    "Ce qu'il manque : Il manque le justificatif de domicile. Éléments attendus : Justificatif de domicile de moins de 3 mois.",
  );

  await connexionParent(page, connecter, parent);
  await page.goto("/famille/declarer");
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(new RegExp(`/demandes/${parent.numero}/enregistree`));

  await connexionAgent(page, fabrique, connecter);
  // redeposited, the demande is back in the queue
  await page
    .getByRole("region", { name: "Demandes à traiter, la plus ancienne d'abord" })
    .getByRole("link", { name: `N° ${parent.numero}`, exact: true })
    .click();
  await expect(page.getByText("Renvoyer la demande complétée : Déposée")).toBeVisible();
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(
    actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
  ).toBeVisible();
});

test("garde alternée : l'agent rattache l'enfant déclaré par le second parent à l'enfant existant", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const prenoms = fabrique.nom("Eloi");
  const nomEnfant = fabrique.nom("Etchart");
  const enfant = { sexe: "MASCULIN" as const, nom: `${nomEnfant}-Bidart`, prenoms, dateNaissance: "2018-03-04" };
  const mere = await fabrique.familleDeposee({ prefixe: "mere", nom: fabrique.nom("Mere"), enfants: [enfant] });
  const pere = await fabrique.familleDeposee({
    prefixe: "pere",
    nom: fabrique.nom("Pere"),
    enfants: [{ ...enfant, nom: `${nomEnfant.toUpperCase()} BIDART` }],
  });

  await connexionAgent(page, fabrique, connecter);
  await page.goto(`/agent/demandes/${mere.numero}`);
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(
    actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
  ).toBeVisible();

  await page.goto(`/agent/demandes/${pere.numero}`);
  await expect(
    page.getByText(
      `Enfant possiblement déjà connu : ${prenoms} ${nomEnfant.toUpperCase()}-BIDART, né(e) le 04/03/2018 dans la famille de Claire ${mere.nom.toUpperCase()}`,
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  // the choice is required
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(page.getByText("Choisissez : rattacher à l'enfant existant ou créer un nouvel enfant.")).toBeVisible();
  await page.getByLabel("Rattacher à l'enfant existant (garde alternée)").check();
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(
    actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
  ).toBeVisible();

  const lignes = await sql(
    `SELECT e.id, count(fe."familleId")::int AS familles FROM "Enfant" e JOIN "FamilleEnfant" fe ON fe."enfantId" = e.id WHERE e.prenoms = $1 GROUP BY e.id`,
    [prenoms],
  );
  expect(lignes).toEqual([{ id: expect.any(String), familles: 2 }]);
});

test("accepter une inscription dont une pièce n'est pas vérifiée la nomme d'abord, et le serveur exige la confirmation", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const { numero } = await fabrique.inscriptionDeposee({ nom: fabrique.nom("Pieces") });
  await connexionAgent(page, fabrique, connecter);
  await page.goto(`/agent/demandes/${numero}`);
  const pieces = page.getByRole("region", { name: "Pièces jointes (2)" });
  await pieces.getByRole("button", { name: "Vérifiée : Justificatif de domicile" }).click();
  await expect(pieces.getByRole("button", { name: "Vérifiée : Justificatif de domicile" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Accepter names the piece left unchecked, focused, and asks
  const question = "Les pièces suivantes ne sont pas vérifiées : Livret de famille. Accepter quand même ?";
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await expect(actions(page).getByText(question, { exact: false })).toBeFocused();
  await expectNoAxeViolations(page);

  // a confirmation that does not carry the pieces (a crafted form) is refused by the server, which names them
  await actions(page)
    .locator('input[name="piecesNonVerifiees"]')
    .evaluate((champ) => champ.remove());
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(actions(page).getByRole("alert")).toHaveText(question);
  await expect(page.getByText("Déposée", { exact: true })).toBeVisible();
  expect(
    await sql(
      `SELECT count(*)::int AS n FROM "Inscription" i JOIN "Demande" d ON d.id = i."demandeId" WHERE d.numero = $1`,
      [numero],
    ),
  ).toEqual([{ n: 0 }]);

  // confirmed as asked: accepted
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(
    actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
  ).toBeVisible();
});
