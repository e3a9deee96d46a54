// What the build says exists: its pages and route handlers (.next/app-path-routes-manifest.json) and its server
// actions (.next/server/server-reference-manifest.json: each action's id, file, export and the pages that
// render it). The tests find pages and actions here rather than in a list of their own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const lireJson = (chemin: string) => JSON.parse(readFileSync(join(ROOT, chemin), "utf8"));

/** "/(portail)/mon-espace/page" -> "/mon-espace", for every page and route handler of the build. */
export const ROUTES_DU_BUILD: Record<string, string> = lireJson(".next/app-path-routes-manifest.json");

/** Next's own error pages, which nobody asks for by their path. */
const INTERNES = new Set(["/_global-error", "/_not-found"]);

export const routesDuBuild = [...new Set(Object.values(ROUTES_DU_BUILD))].filter((route) => !INTERNES.has(route));

/** `cle`: "<file>#<export>"; `route`: the pattern of a page that renders the action (where to POST it). */
export type ActionDuBuild = { id: string; cle: string; route: string };

export const actionsDuBuild: ActionDuBuild[] = Object.entries(
  lireJson(".next/server/server-reference-manifest.json").node as Record<
    string,
    { filename: string; exportedName: string; workers: Record<string, unknown> }
  >,
).map(([id, entree]) => {
  // Next answers an action's notFound()/forbidden() with their status only on a page that renders it.
  const worker = Object.keys(entree.workers).find((page) => page !== "app/_not-found/page")!;
  return { id, cle: `${entree.filename}#${entree.exportedName}`, route: ROUTES_DU_BUILD[worker.replace(/^app/, "")]! };
});

/** The action exported as `nom` by `fichier` (e.g. "app/(portail)/actions.ts", "deconnexion"). */
export function actionDuBuild(fichier: string, nom: string): ActionDuBuild {
  const action = actionsDuBuild.find((candidate) => candidate.cle === `${fichier}#${nom}`);
  if (!action) throw new Error(`the build has no action ${nom} in ${fichier}`);
  return action;
}
