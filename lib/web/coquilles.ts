// The paths of the pages served from Next's cache (lib/coquille.ts): a GET of exactly one of these is the same
// bytes for everyone. proxy.ts gives them their policy; scripts/serveur.ts lets them past the admission queue
// (lib/web/admission-noeud.ts says why, with numbers).
export const COQUILLES: ReadonlySet<string> = new Set([
  "/",
  "/connexion",
  "/actualites",
  "/activites",
  "/infos-pratiques",
  "/documents-utiles",
  "/reglement-interieur",
  "/cgu",
  "/mentions-legales",
  "/accessibilite",
  "/espace-supprime",
  "/_accueil",
]);
