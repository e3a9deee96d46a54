// « Contacts et habilitations » at 360 × 780: a parent whose child eats at the canteen adds « Mamie Jeanne », the
// grandmother, allowed to pick the child up (refused first without a phone, the message beside the field, what
// was typed kept); an agent accepts the demande in the console; the child's inscription (the parent's suivi) and
// the agents' pointage list of a day the child is booked name her at once. axe is clean at every step.
import { sql } from "./fixtures/espace";
import { expect, test } from "./fixtures/test";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

// a Thursday no other spec points at this lieu with this menu
const JOUR = "2027-05-20";

test("un parent ajoute Mamie Jeanne qui peut venir chercher l'enfant ; l'agent accepte ; l'inscription et la liste de pointage la montrent", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const nom = fabrique.nom("Amatxi");
  const famille = await fabrique.familleInscriteCantine({ nom, reserver: [JOUR] });
  const louise = `Louise ${nom.toUpperCase()}`;

  // the parent: the family's list, one person added
  await connecter(page, famille);
  await page.goto("/famille/contacts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contacts et habilitations");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Ajouter une personne" }).click();
  const jeanne = page.getByRole("group", { name: "Nouvelle personne 1" });
  await expect(jeanne.getByRole("textbox", { name: "Prénom" })).toBeFocused();
  await jeanne.getByRole("textbox", { name: "Prénom" }).fill("Jeanne");
  await jeanne.getByRole("textbox", { name: "Nom", exact: true }).fill("Mamie");
  await jeanne.getByRole("textbox", { name: "Lien avec l'enfant" }).fill("Grand-mère");
  await jeanne
    .getByRole("group", { name: "Venir chercher l'enfant — Louise" })
    .getByRole("radio", { name: "Autorisation" })
    .check();
  await jeanne.getByLabel("À prévenir en cas d'urgence — Louise").check();
  // her brother Henri: not her
  await jeanne
    .getByRole("group", { name: "Venir chercher l'enfant — Henri" })
    .getByRole("radio", { name: "Interdiction" })
    .check();
  await page.getByRole("button", { name: "Valider" }).click();
  // no phone: refused, the message beside the field, nothing typed lost
  const telephone = jeanne.getByRole("textbox", { name: "Téléphone portable" });
  await expect(jeanne.getByText("Indiquez au moins un téléphone")).toBeVisible();
  await expect(telephone).toHaveAttribute("aria-invalid", "true");
  await expect(jeanne.getByRole("textbox", { name: "Prénom" })).toHaveValue("Jeanne");
  await expectNoAxeViolations(page);
  await telephone.fill("06 12 34 56 78");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/demandes\/\d+\/enregistree$/);
  const numero = Number(/\/demandes\/(\d+)\//.exec(page.url())![1]);
  await expectNoAxeViolations(page);

  // the agent accepts it from its recap
  const agent = await fabrique.agent({ prefixe: "agent.contacts" });
  await page.context().clearCookies();
  await connecter(page, agent);
  await page.goto(`/agent/demandes/${numero}`);
  await expect(page.getByText("Jeanne MAMIE (Grand-mère, 0612345678)")).toBeVisible();
  await expectNoAxeViolations(page);
  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: "Accepter" }).click();
  await actions.getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(actions.getByText("La demande est acceptée : le demandeur est prévenu par courriel.")).toBeVisible();

  // the agents' pointage list of a day Louise is booked
  await context.addCookies([{ name: "horloge-e2e", value: `${JOUR}T10:30:00.000Z`, url: baseURL! }]);
  await page.goto("/agent/pointage");
  await page.getByLabel("Lieu").selectOption({ label: "École publique de Villefranque — Restauration" });
  await page.getByRole("button", { name: "Afficher" }).click();
  const ligne = page.getByRole("row", { name: new RegExp(louise) }).first();
  await expect(ligne).toContainText("Jeanne MAMIE (Grand-mère, 0612345678)");
  await expectNoAxeViolations(page);

  // the parent: the child's inscription says it too
  const [{ inscription }] = await sql(
    `SELECT d.numero AS inscription FROM "Inscription" i JOIN "Demande" d ON d.id = i."demandeId" WHERE i.id = $1`,
    [famille.inscriptionId],
  );
  await page.context().clearCookies();
  await connecter(page, famille);
  await page.goto(`/demandes/${inscription}`);
  await expect(page.getByText("Venir chercher l'enfant — Jeanne MAMIE")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/famille/contacts");
  await expect(page.getByRole("group", { name: "Jeanne MAMIE" })).toBeVisible();
  await expectNoAxeViolations(page);
});
