// "Déclarer ma famille" as the seed walks it: from Mon accueil of a new space, the titulaire prefilled from the
// space and the address chosen among the national addresses (a local stand-in of the IGN service), a
// co-représentant, two children and a contact; a reload halfway loses nothing; step 2 is refused while a
// person is incomplete; VALIDER, the deposit mail, its suivi link behind the login, and Échanges with a piece
// (a fake PDF refused beside the field, the text kept). A second family's 404 on all of it: tests/http.
import { test, expect } from "./fixtures/test";
import { seConnecter } from "./fixtures/espace";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

test("un parent déclare sa famille, la dépose, la suit et écrit aux agents", async ({
  page,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const nom = fabrique.nom("Etchart");
  const NOM = nom.toUpperCase();
  // The co-représentant's and the children's name, of this test only (a child declared twice is, by design,
  // offered for garde alternée).
  const bidart = fabrique.nom("Bidart");
  const BIDART = bidart.toUpperCase();
  const parent = await fabrique.espace({ prefixe: "famille", nom });
  await connecter(page, parent);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Déclarer ma famille" }).click();
  await expect(page).toHaveURL(/\/famille\/declarer$/);

  // 1 - MA DEMANDE: the titulaire, prefilled from the space
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ajout de famille");
  await expect(page.getByText("Durée approximative de cette démarche : 10 mn")).toBeVisible();
  await expect(
    page.getByText("ATTENTION : ne pas aller à l'étape 2 avant d'avoir créé l'ensemble de votre famille"),
  ).toBeVisible();
  await expect(page.getByLabel("Nom d'usage")).toHaveValue(nom);
  await expect(page.getByRole("textbox", { name: "Prénom", exact: true })).toHaveValue("Claire");
  await expectNoAxeViolations(page);

  const recherche = page.getByRole("combobox", { name: "Adresse" });
  await recherche.fill("65 route de saint pierre");
  await page.getByRole("option", { name: /65 Route de Saint Pierre d'Irube 64990 Villefranque/ }).click();
  await expect(page.getByLabel("Nom de la voie")).toHaveValue("Route de Saint Pierre d'Irube");
  await expect(page.getByLabel("Numéro")).toHaveValue("65");
  await expect(page.getByLabel("Bâtiment")).toBeFocused();
  await page.getByLabel("Qualité vis-à-vis des enfants").selectOption("MERE");
  await page.getByLabel("Avec autorité parentale").check();

  // CO-REPRÉSENTANT: adding one saves the titulaire first
  await page.getByRole("button", { name: "+ Ajouter un co-représentant" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Co-représentant/ })).toBeVisible();
  await expect(page.getByRole("button", { name: `Claire ${NOM}` })).toBeVisible();
  await page.getByLabel("Civilité").selectOption("MONSIEUR");
  await page.getByLabel("Nom d'usage").fill(bidart);
  await page.getByRole("textbox", { name: "Prénom", exact: true }).fill("Mikel");
  await page.getByLabel("Qualité vis-à-vis des enfants").selectOption("PERE");
  await page.getByLabel("Avec autorité parentale").check();
  await expect(page.getByLabel("Même adresse que le titulaire du compte")).toBeChecked();

  // ENFANT(S)
  await page.getByRole("button", { name: "+ Ajouter un enfant" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Enfant — Enfant 1/ })).toBeVisible();
  await page.getByLabel("Masculin").check();
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill(bidart);
  await page.getByLabel("Prénom(s)").fill("Henri");
  await page.getByLabel("Date de naissance").fill("2019-05-01");
  await page.getByRole("button", { name: "+ Ajouter un enfant" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Enfant — Enfant 2/ })).toBeVisible();

  // a reload (or a logout, or a restart) loses nothing that was left behind
  await page.reload();
  for (const personne of [`Claire ${NOM}`, `Mikel ${BIDART}`, `Henri ${BIDART}`])
    await expect(page.getByRole("button", { name: personne })).toBeVisible();
  await page.getByLabel("Féminin").check();
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill(bidart);
  await page.getByLabel("Prénom(s)").fill("Louise");
  await page.getByLabel("Date de naissance").fill("2021-09-12");

  // CONTACTS, first without a telephone: step 2 is refused and says who and what
  await page.getByRole("button", { name: "+ Ajouter un contact" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Contact — Contact 1/ })).toBeVisible();
  await expect(page.getByRole("button", { name: `Louise ${BIDART}` })).toBeVisible();
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Etchart");
  await page.getByRole("textbox", { name: "Prénom", exact: true }).fill("Maddi");
  await page.getByLabel("Lien avec l'enfant").fill("Grand-mère");
  await page.getByLabel("À prévenir en cas d'urgence").check();
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  const manques = page.locator("main").getByRole("alert");
  await expect(manques).toContainText("Votre famille n'est pas complète");
  await expect(manques).toContainText("Maddi ETCHART : Indiquez au moins un téléphone du contact.");
  await expect(page.getByLabel("Lien avec l'enfant")).toHaveValue("Grand-mère");
  await expectNoAxeViolations(page);
  await page.getByLabel("Téléphone portable").fill("06 55 44 33 22");
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();

  // 2 - LE RÉCAPITULATIF
  await expect(page).toHaveURL(/\/famille\/declarer\/recapitulatif$/);
  for (const section of [
    `Titulaire du compte : Claire ${NOM}`,
    `Co-représentant : Mikel ${BIDART}`,
    `Membre : Henri ${BIDART}`,
    `Membre : Louise ${BIDART}`,
    "Contact : Maddi ETCHART",
  ]) {
    await expect(page.getByRole("heading", { name: section })).toBeVisible();
  }
  await expect(page.getByText("Mère (avec autorité parentale)")).toBeVisible();
  await expect(page.getByText("65 Route de Saint Pierre d'Irube — 64990 Villefranque / FRANCE").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider" }).click();

  await expect(page.getByRole("heading", { name: "Nous avons bien enregistré votre demande" })).toBeVisible();
  await expect(page.getByText("Votre demande d'ajout de famille a été enregistrée et transmise")).toBeVisible();
  const numero = (await page.getByText(/^DEMANDE N° \d+$/).textContent())!.replace(/\D/g, "");
  await expectNoAxeViolations(page);

  // the deposit mail, as the seed writes it, and its suivi link behind the login
  const mail = await mails.waitFor({ to: parent.courriel, subject: `Référence : ${numero}` });
  expect(mail.text).toContain(`Bonjour Mme ${NOM}`);
  expect(mail.text).toMatch(/Nous avons bien reçu votre demande \(Ajout de famille\), déposée le \d\d\/\d\d\/\d{4}\./);
  const suivi = mails.link(mail, "/demandes/suivi/");
  await page.getByRole("link", { name: "Continuer" }).click();
  await expect(page.getByText(`N° ${numero} — ENFANCE Ajout de famille`)).toBeVisible();
  await expect(
    page.getByText(`Votre demande d'ajout de famille N° ${numero} est en cours de traitement`),
  ).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await page.goto(suivi);
  await expect(page).toHaveURL(/\/connexion\?suite=/);
  await seConnecter(page, parent.identifiant, undefined, { ici: true });
  await expect(page).toHaveURL(new RegExp(`/demandes/${numero}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Suivi de la demande N° ${numero}`, {
    ignoreCase: true,
  });
  await expect(page.getByText("Déposée", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Échanges: a message with a piece
  await page.getByRole("link", { name: "Échanges" }).click();
  await page.getByLabel("Votre message").fill("Voici notre livret de famille.");
  await page
    .getByLabel("Pièce jointe")
    .setInputFiles({ name: "livret-famille.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByText("Votre message a été envoyé.")).toBeVisible();
  await expect(page.getByText("Voici notre livret de famille.")).toBeVisible();
  const lienPiece = page.getByRole("link", { name: "livret-famille.pdf" });
  const urlPiece = new URL((await lienPiece.getAttribute("href"))!, page.url()).toString();
  const piece = await page.request.get(urlPiece);
  expect(piece.status()).toBe(200);
  expect(piece.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await piece.body()).equals(PDF)).toBe(true);
  await expectNoAxeViolations(page);

  // a file that is not what its name says is refused beside the field, the text kept
  await page.getByLabel("Votre message").fill("Et la photo.");
  await page
    .getByLabel("Pièce jointe")
    .setInputFiles({ name: "photo.pdf", mimeType: "application/pdf", buffer: Buffer.from("ceci n'est pas un PDF") });
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(
    page.getByText(/Ce fichier n'est pas accepté : formats possibles PDF, JPEG, PNG, HEIC, 10 Mo au maximum\./),
  ).toBeVisible();
  await expect(page.getByLabel("Votre message")).toHaveValue("Et la photo.");
});

test("le parent d'une famille validée voit ses enfants et sa demande acceptée", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const nom = fabrique.nom("Etchart");
  await connecter(page, await fabrique.familleValidee({ nom }));
  await page.goto("/mon-espace");
  await expect(page.getByRole("heading", { name: "Ma famille" })).toBeVisible();
  await expect(page.getByText("Votre famille est inconnue du service Enfance.")).toHaveCount(0);
  for (const enfant of [`Henri ${nom.toUpperCase()}`, `Louise ${nom.toUpperCase()}`])
    await expect(page.getByText(enfant)).toBeVisible();
  await page.getByRole("link", { name: /Voir la demande N° \d+/ }).click();
  await expect(page.getByText("Acceptée", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Historique" }).click();
  await expect(page.getByText("Accepter : Acceptée")).toBeVisible();
  await expect(page.getByText("Par Maite Irigoyen (mairie)")).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await page.goto("/famille/declarer"))?.url()).toMatch(/\/mon-espace$/);
});
