// The dossier santé, walked once: the parent of a validated family (a factory's) fills Louise's (a doctor from the
// commune's directory, an allergy, a PAI request), deposits it, an agent validates it in the console, and the
// parent sees the date of the
// update. Health data must reach no mail caught by the sink and no line the server printed meanwhile (its
// output is copied to E2E_SERVER_OUTPUT by e2e/fixtures/sortie-serveur.ts), and the agent's read is journaled.
import { readFileSync, statSync } from "node:fs";
import { sql } from "./fixtures/espace";
import { expect, test } from "./fixtures/test";

const ALLERGIE = /arachide/i;
const aujourdhui = () =>
  new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date());

test("un parent met à jour le dossier santé de Louise, l'agent le valide ; aucune donnée de santé dans les courriels ni la sortie du serveur", async ({
  page,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const sortie = process.env.E2E_SERVER_OUTPUT!;
  const debutSortie = statSync(sortie).size;
  const nom = fabrique.nom("Etchart");
  const famille = await fabrique.familleValidee({ nom });
  const enfantId = famille.enfants.find((enfant) => enfant.prenoms === "Louise")!.id;
  const connexionParent = async () => {
    await page.context().clearCookies();
    await connecter(page, famille);
    await page.goto("/mon-espace");
  };

  // Mon accueil: Louise's card, its dossier santé's state; the school year's bookings are open (since 1 August),
  // but Louise has no accepted inscription yet, so her button says why it waits
  await connexionParent();
  const louise = page.getByRole("article", { name: `Louise ${nom.toUpperCase()}` });
  await expect(louise.getByText("Dossier santé à compléter")).toBeVisible();
  const reservations = louise.getByRole("button", { name: /Gérer mes réservations/ });
  await expect(reservations).toHaveAttribute("aria-disabled", "true");
  await expect(reservations).toHaveAccessibleDescription(
    "Réservations ouvertes aux enfants dont l'inscription est acceptée",
  );
  await expectNoAxeViolations(page);

  // GÉRER LE DOSSIER SANTÉ, then MA DEMANDE
  await louise.getByRole("link", { name: "Dossier santé de Louise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gérer le dossier santé" })).toBeVisible();
  await expect(page.getByText("Aucune mise à jour enregistrée.")).toBeVisible();
  await page.getByRole("link", { name: "Mettre à jour" }).click();
  await expect(page.getByRole("navigation", { name: "Étapes de la démarche" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Rechercher un médecin" }).fill("etcheverry");
  await page.getByRole("button", { name: "Rechercher", exact: true }).click();
  await expect(page.getByText("1 médecin trouvé")).toBeVisible();
  await page.getByRole("button", { name: /^Choisir Dr Amaia ETCHEVERRY/ }).click();
  await expect(page.getByRole("textbox", { name: "Nom du médecin" })).toHaveValue("Dr Amaia ETCHEVERRY");
  await expect(page.getByRole("textbox", { name: "Téléphone" })).toHaveValue("0559440101");
  await page
    .getByRole("group", { name: "Habitudes alimentaires" })
    .getByRole("checkbox", { name: "Sans porc" })
    .check();
  await page.getByRole("group", { name: "Allergies" }).getByRole("checkbox", { name: "Arachides" }).check();
  await page.getByRole("textbox", { name: "Commentaire" }).fill("Réaction sévère : trousse d'urgence à l'école.");
  const pai = page.getByRole("checkbox", { name: /Demande de PAI/ });
  await pai.check();
  await expect(pai).toHaveAccessibleDescription(
    "Ne pas oublier de compléter la rubrique PAI pour les enfants concernés",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();

  // the recap, VALIDER
  await expect(page).toHaveURL(/\/sante\/recapitulatif$/);
  await expect(page.getByRole("region", { name: "Allergies" }).getByText("Arachides")).toBeVisible();
  await expect(page.getByText("Demande de PAI : oui")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nous avons bien enregistré votre demande" })).toBeVisible();
  await expect(
    page.getByText("Vous recevez la confirmation que le dossier santé de votre enfant a été déposé."),
  ).toBeVisible();
  const numero = Number((await page.getByText(/^DEMANDE N° \d+$/).textContent())!.replace(/\D/g, ""));
  await mails.waitFor({ to: famille.courriel, subject: new RegExp(`^Référence : ${numero}$`) });

  // the agent reads and validates it; the read is journaled
  await page.context().clearCookies();
  // reading a dossier santé needs the access an administrator gives (the security review's SANTE)
  const agent = await fabrique.agent({ sante: true });
  await connecter(page, agent);
  await page.goto(`/agent/demandes/${numero}`);
  await expect(page.getByText(`Enfant : Louise ${nom.toUpperCase()}`, { exact: false })).toBeVisible();
  await expect(page.getByRole("region", { name: "Allergies" }).getByText("Arachides")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Accepter" }).click();
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(page.getByText("La demande est acceptée : le demandeur est prévenu par courriel.")).toBeVisible();
  const lectures = await sql(
    `SELECT j.details FROM "JournalEntry" j WHERE j.event = 'dossier_sante.lecture' AND j."actorId" = $1 AND (j.details->>'numero')::int = $2`,
    [agent.agentId, numero],
  );
  expect(lectures.length).toBeGreaterThan(0);
  for (const { details } of lectures) expect(JSON.stringify(details)).not.toMatch(ALLERGIE);
  // the child's dossier in the console: the validated version, journaled too
  await page.goto(`/agent/familles/${famille.familleId}/enfants/${enfantId}/sante`);
  await expect(page.getByRole("heading", { level: 2, name: /^Version en vigueur — validée le/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Allergies" }).first().getByText("Arachides")).toBeVisible();
  await expectNoAxeViolations(page);
  const [{ consultations }] = await sql(
    `SELECT count(*)::int AS consultations FROM "JournalEntry" WHERE event = 'dossier_sante.lecture' AND details->>'enfantId' = $1 AND details->>'numero' IS NULL`,
    [enfantId],
  );
  expect(consultations).toBeGreaterThan(0);

  // the parent sees the validated update
  await connexionParent();
  await expect(
    page
      .getByRole("article", { name: `Louise ${nom.toUpperCase()}` })
      .getByText(`Dossier santé à jour — dernière mise à jour le ${aujourdhui()}`),
  ).toBeVisible();
  await page.getByRole("link", { name: "Dossier santé de Louise" }).click();
  await expect(page.getByText(`Dernière mise à jour le ${aujourdhui()}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Allergies" }).getByText("Arachides")).toBeVisible();
  await expectNoAxeViolations(page);

  // no health data in the mails (deposit, decision) nor in the server's output
  const deClaire = async () => (await mails.all()).filter((mail) => mail.to.includes(famille.courriel));
  await expect
    .poll(async () =>
      (await deClaire())
        .map((mail) => mail.subject)
        .filter((sujet) => sujet === `Référence : ${numero}` || sujet === `Demande N° ${numero} acceptée`)
        .sort(),
    )
    .toEqual([`Demande N° ${numero} acceptée`, `Référence : ${numero}`]); // deposit, decision
  for (const mail of await deClaire()) expect(`${mail.subject}\n${mail.html}\n${mail.text}`).not.toMatch(ALLERGIE);
  const toutLeServeur = readFileSync(sortie);
  expect(toutLeServeur.toString("utf8")).toContain("Portail Famille : http://localhost"); // the copy does capture the server
  expect(toutLeServeur.subarray(debutSortie).toString("utf8")).not.toMatch(ALLERGIE);
});
