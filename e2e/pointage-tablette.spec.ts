// The canteen's tablet (800 × 1280), Thursday 13 May 2027 at 12:30: a day to come is refused by the server,
// saying why; the agent's lieu is remembered; « Tous présents » then one absent, the unit's tally following;
// who may pick each child up (an Interdiction marked); then the network is cut (the browser context offline):
// two marks wait in the service worker (« 2 pointages en attente d'envoi »), and are sent when it returns —
// on the `online` event, background sync not firing in headless Chromium — the tally and the database then
// agreeing, each mark journaled; last, the session ends with the list open: the next tap waits for a login
// (« votre session a expiré »), then leaves when the pointage is reopened.
import { sql } from "./fixtures/espace";
import { expect, test } from "./fixtures/test";

test.use({ viewport: { width: 800, height: 1280 }, hasTouch: true });

// a day and a menu no other spec books at this lieu (reservations.spec.ts books the year's Menu Classique): the
// list (and « Tous présents ») holds this spec's children only
const JOUR = "2027-05-13";
const DEMAIN = "2027-05-14";

test("la tablette de la cantine : jour à venir refusé, Tous présents puis un absent, pointages hors ligne envoyés au retour du réseau", async ({
  page,
  context,
  baseURL,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const familles = [];
  for (const nom of ["Arrieta", "Bergara", "Camino"])
    familles.push(
      await fabrique.familleInscriteCantine({ nom: fabrique.nom(nom), reserver: [JOUR], menu: "Menu Végétarien" }),
    );
  const [a, b, c] = familles.map((f) => ({ ...f, louise: `Louise ${f.nom.toUpperCase()}` }));
  // the first family forbade one of its contacts to pick Louise up
  const [{ habilitations }] = await sql(`SELECT habilitations FROM "Inscription" WHERE id = $1`, [a!.inscriptionId]);
  const [interdit] = habilitations as { contactId: string; nom: string; autorise: boolean }[];
  await sql(`UPDATE "Inscription" SET habilitations = $2 WHERE id = $1`, [
    a!.inscriptionId,
    JSON.stringify([{ ...interdit!, autorise: false }, ...(habilitations as unknown[]).slice(1)]),
  ]);
  // the list reads the child's current answers (ContactEnfant), which the inscription's acceptance wrote
  await sql(`UPDATE "ContactEnfant" SET "autoriseRecuperer" = false WHERE "contactId" = $1 AND "enfantId" = $2`, [
    interdit!.contactId,
    a!.enfantId,
  ]);
  const [{ lieuId, uniteId }] = await sql(
    `SELECT l.id AS "lieuId", u.id AS "uniteId" FROM "Activite" a JOIN "Lieu" l ON l."activiteId" = a.id
     JOIN "Unite" u ON u."activiteId" = a.id WHERE a.code = 'RESTAURATION_PUBLIQUE' AND u.libelle = 'Menu Végétarien'`,
  );
  const agent = await fabrique.agent({ prefixe: "agent.tablette" });
  await context.addCookies([{ name: "horloge-e2e", value: `${JOUR}T10:30:00.000Z`, url: baseURL! }]);
  await connecter(page, agent);

  // tomorrow: the list without its buttons, the reason said; a mark sent anyway is refused by the server
  await page.goto(`/agent/pointage?date=${DEMAIN}`);
  await expect(page.getByRole("alert").filter({ hasText: "jour à venir" })).toHaveText(
    "On ne pointe pas un jour à venir : le vendredi 14 mai n'est pas encore arrivé.",
  );
  await expect(page.getByRole("button", { name: "Tous présents" })).toHaveCount(0);
  const refus = await page.evaluate(
    async (corps) => {
      const reponse = await fetch("/agent/pointage/marques", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(corps),
      });
      return { status: reponse.status, ...((await reponse.json()) as { message: string }) };
    },
    { enfantId: a!.enfantId, uniteId, lieuId, date: DEMAIN, etat: "PRESENT", marqueLe: new Date().toISOString() },
  );
  expect(refus).toEqual({
    status: 400,
    message: "On ne pointe pas un jour à venir : le vendredi 14 mai n'est pas encore arrivé.",
  });

  // today: the agent picks the canteen; the next time, the page opens on it
  await page.goto("/agent/pointage");
  await page.getByLabel("Lieu").selectOption({ label: "École publique de Villefranque — Restauration" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await page.goto("/agent/pointage");
  await expect(page.getByLabel("Lieu")).toHaveValue(String(lieuId));
  await expect(page.getByText("Jeudi 13 mai 2027")).toBeVisible();
  const cantine = page.getByRole("region", { name: "École publique de Villefranque — Restauration", exact: true });
  await expect(page.getByRole("region")).toHaveCount(1);
  const bilan = cantine.getByRole("status").filter({ hasText: /^Menu Végétarien : / });
  await expect(bilan).toHaveText("Menu Végétarien : 0 / 3 présent, 0 absent, 3 non pointés");
  const ligneA = cantine.getByRole("row", { name: new RegExp(a!.louise) });
  await expect(ligneA).toContainText("Peut venir le chercher :");
  await expect(ligneA).toContainText(`Interdiction de venir le chercher : ${interdit!.nom}`);
  await expectNoAxeViolations(page);

  // « Tous présents », then one absent
  await cantine.getByRole("button", { name: "Tous présents (Menu Végétarien)" }).click();
  await expect(cantine.getByRole("status").filter({ hasText: "3 enfants marqués présents" })).toBeFocused();
  await expect(bilan).toHaveText("Menu Végétarien : 3 / 3 présents, 0 absent, 0 non pointé");
  const boutons = (f: typeof a) => cantine.getByRole("group", { name: `${f!.louise}, Menu Végétarien`, exact: true });
  await boutons(a).getByRole("button", { name: "Absent" }).click();
  await expect(boutons(a).getByRole("button", { name: "Absent" })).toHaveAttribute("aria-pressed", "true");
  await expect(bilan).toHaveText("Menu Végétarien : 2 / 3 présents, 1 absent, 0 non pointé");
  await expectNoAxeViolations(page);

  // the network is cut: the service worker keeps the marks, the rows show them at once
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  await boutons(a).getByRole("button", { name: "Présent", exact: true }).click();
  await boutons(b).getByRole("button", { name: "Absent" }).click();
  const file = page.getByRole("status").filter({ hasText: "en attente d'envoi" });
  await expect(file).toHaveText("2 pointages en attente d'envoi : ils partiront dès le retour du réseau.");
  await expect(boutons(b).getByRole("button", { name: "Absent" })).toHaveAttribute("aria-pressed", "true");
  await expect(cantine.getByRole("row", { name: new RegExp(b!.louise) })).toContainText("En attente d'envoi");
  await expectNoAxeViolations(page);
  expect(await sql(`SELECT etat FROM "Pointage" WHERE "enfantId" = $1`, [b!.enfantId])).toEqual([{ etat: "PRESENT" }]);

  // back: sent, the list read again from the server
  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "Les pointages en attente sont envoyés." })).toBeVisible();
  await expect(bilan).toHaveText("Menu Végétarien : 2 / 3 présents, 1 absent, 0 non pointé");
  await expect(cantine.getByText("En attente d'envoi")).toHaveCount(0);
  const etats = await sql(
    `SELECT "enfantId", etat FROM "Pointage" WHERE "enfantId" = ANY($1) AND date = $2 ORDER BY "enfantId"`,
    [[a!.enfantId, b!.enfantId, c!.enfantId], JOUR],
  );
  expect(new Map(etats.map((e) => [e.enfantId, e.etat]))).toEqual(
    new Map([
      [a!.enfantId, "PRESENT"],
      [b!.enfantId, "ABSENT"],
      [c!.enfantId, "PRESENT"],
    ]),
  );
  const journal = await sql(
    `SELECT event, details->>'retenue' AS retenue FROM "JournalEntry" WHERE "actorId" = $1 AND event LIKE 'pointage.%'
     AND event <> 'pointage.sante_lecture' ORDER BY id`,
    [agent.agentId],
  );
  expect(journal).toEqual([
    { event: "pointage.tous_presents", retenue: null },
    { event: "pointage.marque", retenue: "true" },
    { event: "pointage.marque", retenue: "true" },
    { event: "pointage.marque", retenue: "true" },
  ]);
  await page.reload();
  await expect(bilan).toHaveText("Menu Végétarien : 2 / 3 présents, 1 absent, 0 non pointé");

  // the session ends while the list is open (idle, revoked): the tap is kept, not lost, until the next login
  await sql(`UPDATE "Session" SET "revokedAt" = now() WHERE "agentId" = $1`, [agent.agentId]);
  await boutons(c).getByRole("button", { name: "Absent" }).click();
  await expect(file).toContainText("1 pointage en attente d'envoi : votre session a expiré.");
  await expect(file.getByRole("link", { name: "Reconnectez-vous" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await sql(`SELECT etat FROM "Pointage" WHERE "enfantId" = $1`, [c!.enfantId])).toEqual([{ etat: "PRESENT" }]);
  await connecter(page, agent);
  await page.goto("/agent/pointage");
  await expect(page.getByRole("status").filter({ hasText: "Les pointages en attente sont envoyés." })).toBeVisible();
  await expect(bilan).toHaveText("Menu Végétarien : 1 / 3 présent, 2 absents, 0 non pointé");
  expect(await sql(`SELECT etat FROM "Pointage" WHERE "enfantId" = $1`, [c!.enfantId])).toEqual([{ etat: "ABSENT" }]);
});
