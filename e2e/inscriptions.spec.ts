// Inscriptions as the seed walks them: Claire, whose family is validated (a factory), enrols Henri in the
// restauration of the public school; step 2 is refused before the attestation sur l'honneur, then before the
// required pieces; the pieces are uploaded; VALIDER, the notices and the mail "Référence : N"; an agent accepts
// it in the console; Claire sees it under Henri. Then a garderie inscription reuses the documents of Mes
// documents.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";

/** A small valid PDF, written here. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

/** INSCRIPTION, PERMISSIONS (Sortir seul: Interdiction, the others Autorisation) and HABILITATIONS. */
async function repondre(page: Page, unites: string | string[]) {
  await page.getByRole("combobox", { name: "Lieu", exact: true }).selectOption({ index: 1 });
  await page.getByRole("combobox", { name: "Groupe", exact: true }).selectOption({ label: "Grande section" });
  // a menu is one radio; the garderie's Matin and Soir are boxes, several ticked
  for (const unite of [unites].flat())
    await page.getByRole("group", { name: "Unités" }).getByLabel(unite, { exact: true }).check();
  const choix = page.getByRole("group").filter({ has: page.getByRole("radio", { name: "Autorisation" }) });
  await expect(choix).toHaveCount(6); // five permissions, one habilitation (Maddi)
  for (const [rang, groupe] of (await choix.all()).entries())
    await groupe.getByRole("radio", { name: rang === 0 ? "Interdiction" : "Autorisation" }).check();
}

async function attester(page: Page) {
  for (const caseACocher of await page
    .getByRole("region", { name: "Attestation sur l'honneur" })
    .getByRole("checkbox")
    .all())
    await caseACocher.check();
}

async function choisirActivite(page: Page, activite: string) {
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Créer une inscription" }).click();
  await page
    .getByRole("region", { name: "Henri" })
    .getByRole("button", { name: new RegExp(`^${activite.replace(/[().]/g, "\\$&")}`) })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(activite);
}

test("un parent inscrit Henri à la restauration puis à la garderie avec les pièces de Mes documents", async ({
  page,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const nom = fabrique.nom("Etchart");
  const famille = await fabrique.familleValidee({ nom });
  await connecter(page, famille);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Créer une inscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Créer une inscription", { ignoreCase: true });
  for (const activite of [
    "Inscription à la restauration (école privée).",
    "Inscription à la restauration (école publique).",
    "Inscription en garderie (école privée)",
    "Inscription en garderie (école publique)",
  ]) {
    await expect(
      page.getByRole("region", { name: "Henri" }).getByRole("button", { name: `${activite} : Henri` }),
    ).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // 1 - MA DEMANDE
  await choisirActivite(page, "Inscription à la restauration (école publique).");
  await expect(page.getByText("Durée approximative de cette démarche : 5 mn")).toBeVisible();
  await expect(
    page.getByRole("group", { name: "Sortir seul de l'activité" }).getByRole("radio", { checked: true }),
  ).toHaveCount(0);
  await expectNoAxeViolations(page);
  await repondre(page, "Menu Classique");
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  const refus = page.locator("main").getByRole("alert");
  await expect(refus).toContainText(
    "Vous devez compléter la rubrique « Attestation sur l'honneur » avant d'aller à l'étape 2.",
  );
  await expect(refus).toContainText("Livret de famille.");

  await attester(page);
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  await expect(refus).toContainText("Votre demande n'est pas complète");
  await expect(refus).not.toContainText("Attestation sur l'honneur");
  await expect(refus).toContainText("Justificatif de domicile");
  await expect(page.getByRole("radio", { name: "Menu Classique" })).toBeChecked();

  // PIÈCES JOINTES, with the upload's progress
  for (const [piece, nom] of [
    ["Justificatif de domicile", "domicile.pdf"],
    ["Livret de famille.", "livret.pdf"],
  ] as const) {
    await page
      .getByLabel(`Ajouter la pièce à fournir : ${piece}`)
      .setInputFiles({ name: nom, mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByRole("link", { name: nom })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();

  // 2 - LE RÉCAPITULATIF
  await expect(page).toHaveURL(/\/recapitulatif$/);
  await expect(page.getByRole("row", { name: /Sortir seul de l'activité/ })).toContainText("Interdit");
  await expect(
    page.getByRole("row", { name: new RegExp(`Venir chercher l'enfant — Maddi ${nom.toUpperCase()}`) }),
  ).toContainText("Autorisé");
  await expect(page.getByRole("row", { name: /^Unité / })).toContainText("Menu Classique");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons bien enregistré votre demande", {
    ignoreCase: true,
  });
  const numero = Number((await page.getByText(/^DEMANDE N° \d+$/).textContent())!.replace(/\D/g, ""));
  await expect(page.locator("main").getByText("Inscription à la restauration (école publique).")).toBeVisible();
  await expect(
    page.getByText(
      /présences à la garderie \(Mon accueil > Gérer mes réservations\) : les réservations sont ouvertes\./,
    ),
  ).toBeVisible();
  await expect(page.getByText("ATTENTION : Ne pas oublier de compléter le dossier santé")).toBeVisible();
  await expect(page.getByRole("link", { name: "Aide" })).toBeVisible();
  await expectNoAxeViolations(page);
  const mail = await mails.waitFor({ to: famille.courriel, subject: `Référence : ${numero}` });
  // the activity's stored name loses its final dot inside the sentence
  expect(mail.text).toContain("votre demande (Inscription à la restauration (école publique)), déposée le");
  await page.getByRole("link", { name: "Continuer" }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  // (the logout's answer clears the cookie: the next session's must come after it)
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();

  // the console: the recap and its pieces, then Accepter
  await connecter(page, await fabrique.agent());
  await page.goto(`/agent/demandes/${numero}`);
  await expect(page.getByRole("row", { name: /^Lieu\b/ })).toContainText("École publique de Villefranque");
  await expect(page.getByRole("link", { name: "livret.pdf" })).toHaveAttribute(
    "href",
    /^\/api\/pieces\/[0-9a-f-]{36}$/,
  );
  await expectNoAxeViolations(page);
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Accepter" }).click();
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(page.getByText("La demande est acceptée : le demandeur est prévenu par courriel.")).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/agent\/connexion$/);

  // Mon accueil: the inscription under Henri, accepted
  await connecter(page, famille);
  await page.goto("/mon-espace");
  const henri = page.getByRole("list", { name: "Inscriptions de Henri" });
  await expect(
    henri.getByRole("listitem").filter({ hasText: "Inscription à la restauration (école publique)." }),
  ).toContainText("Acceptée");
  // the card now says where Henri goes
  await expect(page.getByText("École : École publique de Villefranque — Groupe : Grande section")).toBeVisible();

  // enrolled at the public school: the private school's activities are no longer offered to Henri this year
  await page.getByRole("link", { name: "Créer une inscription" }).click();
  const offre = page.getByRole("region", { name: "Henri" });
  await expect(offre.getByRole("button", { name: "Inscription en garderie (école publique) : Henri" })).toBeVisible();
  await expect(offre.getByRole("button", { name: /école privée/ })).toHaveCount(0);

  // the garderie, shorter: the permissions and habilitations of the first, the documents already attached
  // (removable, or replaced from Mes documents); the attestations are checked again
  await choisirActivite(page, "Inscription en garderie (école publique)");
  await expect(
    page.getByRole("group", { name: "Sortir seul de l'activité" }).getByRole("radio", { name: "Interdiction" }),
  ).toBeChecked();
  await expect(
    page.getByRole("region", { name: "Attestation sur l'honneur" }).getByRole("checkbox", { checked: true }),
  ).toHaveCount(0);
  for (const nom of ["domicile.pdf", "livret.pdf"]) await expect(page.getByRole("link", { name: nom })).toBeVisible();
  await page.getByRole("button", { name: "Retirer la pièce Livret de famille." }).click();
  await expect(page.getByRole("link", { name: "livret.pdf" })).toHaveCount(0);
  const deja = page.getByLabel("Ou choisir un document déjà fourni : Livret de famille.");
  await deja.selectOption((await deja.locator("option", { hasText: "livret.pdf" }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Utiliser ce document pour la pièce Livret de famille." }).click();
  await expect(page.getByRole("link", { name: "livret.pdf" })).toBeVisible();
  await repondre(page, ["Matin", "Soir"]);
  await attester(page);
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  await expect(page).toHaveURL(/\/recapitulatif$/);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons bien enregistré votre demande", {
    ignoreCase: true,
  });
  await expect(page.locator("main").getByText("Inscription en garderie (école publique)")).toBeVisible();

  await page.goto("/mes-documents");
  const livret = page.getByRole("listitem").filter({ hasText: "livret.pdf" });
  await expect(livret).toContainText(`N° ${numero} Inscription à la restauration (école publique)`);
  await expect(livret).not.toContainText("(école publique).");
  await expect(livret).toContainText("Inscription en garderie (école publique)");
  await expectNoAxeViolations(page);
});
