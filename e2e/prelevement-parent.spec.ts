// « Payer par prélèvement automatique » at 360 × 780 (issue 29), axe-clean on each screen: from Mes factures the
// parent reads the mandate in full, a wrong IBAN is refused beside its field with what is wrong (the holder typed
// kept), then the mandate is signed with the password re-entered; the page shows it with its IBAN masked, the
// mail reaches the SMTP sink with the mandate's PDF and no IBAN in its text, and the full PDF downloads.
import { test, expect } from "./fixtures/test";

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });

const IBAN = "FR76 3000 6000 0112 3456 7890 189";

test("un parent signe un mandat de prélèvement SEPA et reçoit son PDF", async ({
  page,
  fabrique,
  connecter,
  mails,
  expectNoAxeViolations,
}) => {
  const { ics } = await fabrique.prelevementPropose();
  const famille = await fabrique.familleAvecFacture({ nom: fabrique.nom("Sallaberry") });
  await connecter(page, famille);
  await page.goto("/factures");
  await page.getByRole("link", { name: "Payer par prélèvement automatique" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payer par prélèvement automatique");
  const mandat = page.getByRole("article", { name: "Mandat de prélèvement SEPA" });
  await expect(mandat).toContainText(ics);
  await expect(mandat).toContainText("dans les 8 semaines suivant la date de débit");
  await expect(mandat).toContainText(/PF-[A-Z0-9-]+-1/);
  await expectNoAxeViolations(page);

  // a wrong key: refused beside the field, what was typed kept
  const iban = page.getByRole("textbox", { name: /^IBAN/ });
  const titulaire = page.getByRole("textbox", { name: /^Titulaire du compte/ });
  const motDePasse = page.locator('input[name="motDePasse"]');
  await iban.fill("FR76 3000 6000 0112 3456 7890 188");
  await titulaire.fill("Claire SALLABERRY");
  await page.getByRole("checkbox", { name: /J'ai lu le mandat/ }).check();
  await motDePasse.fill(famille.motDePasse);
  await page.getByRole("button", { name: "Signer le mandat" }).click();
  await expect(page.locator("#iban-erreur")).toHaveText(
    "La clé de contrôle ne correspond pas : vérifiez chaque caractère.",
  );
  await expect(titulaire).toHaveValue("Claire SALLABERRY");
  await expect(motDePasse).toHaveValue("");
  await expectNoAxeViolations(page);

  await iban.fill(IBAN);
  await page.getByRole("checkbox", { name: /J'ai lu le mandat/ }).check();
  await motDePasse.fill(famille.motDePasse);
  await page.getByRole("button", { name: "Signer le mandat" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mandat signé" })).toBeVisible();
  await expect(page.getByText("FR76 **** … 0189")).toBeVisible();
  await expect(page.getByRole("button", { name: "Révoquer le mandat" })).toBeVisible();
  await expectNoAxeViolations(page);

  // the mail, its PDF attached, no account number in the mail itself
  const mail = await mails.waitFor({ to: famille.courriel, subject: "Votre mandat de prélèvement SEPA" });
  const pieces = mail.parsed.attachments;
  expect(pieces).toHaveLength(1);
  expect(pieces[0]!.filename).toMatch(/^mandat-PF-[A-Z0-9-]+-1\.pdf$/);
  expect(pieces[0]!.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  for (const corps of [mail.text, mail.html]) expect(corps.replace(/\s/g, "")).not.toContain("30006000011234567890");

  // the full mandate, downloaded by the family
  const lien = page.getByRole("link", { name: /Télécharger le mandat PF-/ });
  const reponse = await page.request.get((await lien.getAttribute("href"))!);
  expect(reponse.status()).toBe(200);
  expect(reponse.headers()["content-type"]).toBe("application/pdf");
});
