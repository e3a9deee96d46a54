// The seed's "Inscrire" tab: right after depositing the Ajout de famille, before any agent acted, Claire enrols
// Henri in the public school's restauration from her family demande's suivi. The agent cannot accept the
// inscription before the family; accepting the family carries it over (its mail says what comes next), the
// agent marks a pièce « Vérifiée » and accepts the inscription; Claire sees both accepted. At 360 px the tab's
// screen is checked in telephone.spec.ts.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
const ACTIVITE = "Inscription à la restauration (école publique).";

const actions = (page: Page) => page.getByRole("region", { name: "Actions" });

test("Claire inscrit Henri dès le dépôt de sa famille ; l'agent accepte la famille puis l'inscription", async ({
  page,
  mails,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const nom = fabrique.nom("Etchart");
  const famille = await fabrique.familleDeposee({ nom });
  await connecter(page, famille);

  // the declaration's recap: a co-représentant who chose no modalité de contact has the seed's default
  await page.goto(`/demandes/${famille.numero}`);
  await expect(
    page.getByRole("region", { name: /^Co-représentant/ }).getByRole("row", { name: /^Modalité de contact/ }),
  ).toContainText("Standard");

  // Mon accueil → CRÉER DES INSCRIPTIONS → the suivi's "Inscrire" tab, the family still « Déposée »
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Créer des inscriptions" }).click();
  await expect(page).toHaveURL(new RegExp(`/demandes/${famille.numero}\\?onglet=inscrire$`));
  await expect(page.getByRole("link", { name: "Inscrire" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Déposée", { exact: true })).toBeVisible();
  await expect(page.getByText("Votre famille est en cours de validation par le service Enfance.")).toBeVisible();
  const henri = page.getByRole("region", { name: "Henri" });
  for (const activite of [
    "Inscription à la restauration (école privée).",
    ACTIVITE,
    "Inscription en garderie (école privée)",
    "Inscription en garderie (école publique)",
  ])
    await expect(henri.getByRole("button", { name: `${activite} : Henri` })).toBeVisible();
  await expectNoAxeViolations(page);
  await henri.getByRole("button", { name: `${ACTIVITE} : Henri` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ACTIVITE);

  // 1 - MA DEMANDE: a missing answer is listed at the top, its link takes the focus to the field
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();
  const refus = page.locator("main").getByRole("alert");
  await expect(refus).toContainText("réponses manquent");
  await refus.getByRole("link", { name: "Groupe" }).click();
  await expect(page.getByRole("combobox", { name: "Groupe", exact: true })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByRole("combobox", { name: "Lieu", exact: true }).selectOption({ index: 1 });
  await page.getByRole("combobox", { name: "Groupe", exact: true }).selectOption({ label: "Grande section" });
  await page.getByRole("radio", { name: "Menu Classique" }).check();
  const choix = page.getByRole("group").filter({ has: page.getByRole("radio", { name: "Autorisation" }) });
  await expect(choix).toHaveCount(6); // five permissions, one habilitation (Maddi, declared with the family)
  for (const groupe of await choix.all()) await groupe.getByRole("radio", { name: "Autorisation" }).check();
  for (const [piece, fichier] of [
    ["Justificatif de domicile", "domicile.pdf"],
    ["Livret de famille.", "livret.pdf"],
  ] as const) {
    await page
      .getByLabel(`Ajouter la pièce à fournir : ${piece}`)
      .setInputFiles({ name: fichier, mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByRole("link", { name: fichier })).toBeVisible();
  }
  for (const caseACocher of await page
    .getByRole("region", { name: "Attestation sur l'honneur" })
    .getByRole("checkbox")
    .all())
    await caseACocher.check();
  await page.getByRole("button", { name: "Aller à l'étape 2 >" }).click();

  // 2 - LE RÉCAPITULATIF: the family it waits for, each statement of the attestation
  await expect(page).toHaveURL(/\/recapitulatif$/);
  await expect(page.getByRole("row", { name: /^Famille/ })).toContainText(
    `En attente de l'acceptation de la demande d'ajout de famille N° ${famille.numero}`,
  );
  const attestation = page.getByRole("region", { name: "Attestation sur l'honneur" });
  await expect(attestation.getByRole("row")).toHaveCount(5);
  await expect(attestation.getByRole("row", { name: /à jour des vaccinations obligatoires/ })).toContainText("Attesté");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons bien enregistré votre demande", {
    ignoreCase: true,
  });
  await expect(
    page.getByText(`vous serez tenu informé par Courriel ${famille.courriel} de l'avancement`),
  ).toBeVisible();
  const inscription = Number((await page.getByText(/^DEMANDE N° \d+$/).textContent())!.replace(/\D/g, ""));

  // the agent: not the inscription before its family
  await page.context().clearCookies();
  await connecter(page, await fabrique.agent());
  await page.goto(`/agent/demandes/${inscription}`);
  await expect(page.getByRole("row", { name: /^Famille/ })).toContainText("En attente");
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(actions(page).getByRole("alert")).toContainText(
    `Acceptez d'abord la demande d'ajout de famille N° ${famille.numero}`,
  );

  await page.goto(`/agent/demandes/${famille.numero}`);
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(
    actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
  ).toBeVisible();
  const mail = await mails.waitFor({ to: famille.courriel, subject: `Demande N° ${famille.numero} acceptée` });
  expect(mail.text).toContain(`Vos demandes d'inscription déjà déposées (N° ${inscription})`);
  expect(mail.text).toContain("Complétez le dossier santé de chaque enfant");

  // the inscription, now the family's: one PIÈCES JOINTES block, a pièce marked « Vérifiée », then Accepter
  await page.goto(`/agent/demandes/${inscription}`);
  await expect(page.getByRole("row", { name: /^Famille/ })).toHaveCount(0);
  const pieces = page.getByRole("region", { name: "Pièces jointes (2)" });
  await expect(page.getByRole("heading", { name: /^Pièces jointes/ })).toHaveCount(1);
  const verifiee = pieces.getByRole("button", { name: "Vérifiée : Livret de famille." });
  await expect(verifiee).toHaveAttribute("aria-pressed", "false");
  await verifiee.click();
  await expect(pieces.getByRole("button", { name: "Vérifiée : Livret de famille." })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(pieces.getByText(/^Vérifiée par /)).toHaveCount(1);
  await expectNoAxeViolations(page);
  await actions(page).getByRole("button", { name: "Accepter" }).click();
  await actions(page).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(
    actions(page).getByText("La demande est acceptée : le demandeur est prévenu par courriel."),
  ).toBeVisible();

  // Claire: her family and Henri's inscription, both accepted
  await page.context().clearCookies();
  await connecter(page, famille);
  await page.goto("/mon-espace");
  await expect(page.getByRole("heading", { name: "Ma famille" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Inscriptions de Henri" }).getByRole("listitem").filter({ hasText: ACTIVITE }),
  ).toContainText("Acceptée");
  await expectNoAxeViolations(page);
});
