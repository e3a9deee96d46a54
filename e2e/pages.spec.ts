// Every other page of the portal, public and private, scanned by axe at 1280 px (e2e/telephone.spec.ts scans
// them at 360 px), and reachable from the menu and the footer.
import { test, expect } from "./fixtures/test";

const PUBLIQUES = [
  ["/", "Portail Famille de Villefranque"],
  ["/actualites", "Actualités"],
  ["/documents-utiles", "Documents utiles"],
  ["/activites", "Activités"],
  ["/infos-pratiques", "Infos pratiques"],
  ["/cgu", "Conditions générales d'utilisation"],
  ["/mentions-legales", "Mentions légales"],
  ["/accessibilite", "Déclaration d'accessibilité"],
  ["/mot-de-passe-oublie", "Mot de passe oublié"],
  ["/activation/renvoyer", "Renvoyer le lien d'activation"],
  ["/activation/lien-inconnu", "Activation de l'espace"],
  ["/mot-de-passe-oublie/lien-inconnu", "Nouveau mot de passe"],
  ["/espace-supprime", "Espace supprimé"],
  ["/page-qui-n-existe-pas", "Page introuvable"],
] as const;

test("les pages publiques sont en français, sans violation axe", async ({ page, expectNoAxeViolations }) => {
  for (const [path, titre] of PUBLIQUES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(titre, { ignoreCase: true });
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expectNoAxeViolations(page);
  }
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Pied de page" })
    .getByRole("link", { name: "Accessibilité : partiellement conforme" })
    .click();
  await expect(page.getByText("Défenseur des droits", { exact: false })).toBeVisible();
});

test("les pages de l'espace et de la console, une fois connecté", async ({
  page,
  fabrique,
  connecter,
  expectNoAxeViolations,
}) => {
  const nom = fabrique.nom("Etchart");
  const famille = await fabrique.familleValidee({ nom });
  await connecter(page, famille);
  for (const [path, titre] of [
    ["/mon-espace", `Bonjour Claire ${nom.toUpperCase()}`],
    ["/mon-profil", "Mon profil"],
    ["/inscriptions", "Créer une inscription"],
    ["/mes-documents", "Mes documents"],
    ["/mon-profil/identite", "Modifier mon espace"],
    ["/mon-profil/mot-de-passe", "Changer mon mot de passe"],
    ["/mon-profil/supprimer", "Supprimer mon espace"],
    ["/mes-informations/telephones", "Changement de téléphones"],
    ["/mes-informations/adresse", "Changement d'adresses"],
    [`/demandes/${famille.numero}`, `Suivi de la demande N° ${famille.numero}`],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(titre, { ignoreCase: true });
    await expectNoAxeViolations(page);
  }
  // the home page is the same for everyone (served from the cache): the browser shows the parent the way in
  await page.goto("/");
  const monEspacePerso = page.getByRole("region", { name: "Mon espace perso" });
  await expect(monEspacePerso.getByRole("link", { name: "Mon accueil" })).toBeVisible();
  await expect(monEspacePerso.getByRole("link", { name: "Me connecter" })).toHaveCount(0);
  await monEspacePerso.getByRole("link", { name: "Mon accueil" }).click();
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await page.goto("/");
  await expect(
    page.getByRole("region", { name: "Mon espace perso" }).getByRole("link", { name: "Me connecter" }),
  ).toBeVisible();

  const admin = await fabrique.agent({ prefixe: "admin", role: "ADMIN", totp: true, nom: "Larralde", prenom: "Peio" });
  await connecter(page, admin);
  await page.goto("/agent");
  await expect(page.getByText("Bonjour Peio LARRALDE (administrateur).")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/agent\/connexion$/);
});
