// The layers' rules (.dependency-cruiser.cjs, run by `npm run lint:couches`) refuse what they say they refuse:
// deliberately wrong imports, written for a moment into the tree, make dependency-cruiser fail with the rule
// named, and the right imports beside them pass. The files are removed whatever happens. Then the aggregates'
// own graph: no knot (aggregates needing each other) beyond the known ones.
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Violation = { from: string; to: string; rule: { name: string } };

// one name per run: two runs side by side (or a run killed before its cleanup) never share a file
const marque = `__couche_essai_${process.pid}__`;
const essai = (dossier: string, nom = marque) => `${dossier}/${nom}.ts`;

/** Each file: its content (valid TypeScript, formatted, so no other tool run meanwhile trips on it). */
const FICHIERS: Record<string, string> = {
  // wrong: the engine imports an aggregate
  [essai("lib/domain/demande")]:
    'import { DEMARCHE_ABSENCE } from "@/lib/domain/absence/demarche";\n\nexport const essai = DEMARCHE_ABSENCE;\n',
  // wrong: the kernel imports the engine
  [essai("lib")]: 'import { STATUTS } from "@/lib/domain/demande/transitions";\n\nexport const essai = STATUTS;\n',
  // wrong: an aggregate imports the registry
  [essai("lib/domain/absence")]:
    'import { DEMARCHES } from "@/lib/domain/demarches";\n\nexport const essai = DEMARCHES;\n',
  // wrong: an aggregate imports a module another aggregate does not declare public
  [essai("lib/domain/paiement")]:
    'import { cleEnfanceLibre } from "@/lib/domain/famille/cle-enfance";\n\nexport const essai = cleEnfanceLibre;\n',
  // right: an aggregate imports the kernel, the engine, and another aggregate's public module
  [essai("lib/domain/journal")]: [
    'import { getCommune } from "@/lib/commune";',
    'import { STATUTS } from "@/lib/domain/demande/transitions";',
    'import { lireBrouillon } from "@/lib/domain/famille/schemas";',
    "",
    "export const essai = [getCommune, STATUTS, lireBrouillon];",
    "",
  ].join("\n"),
  // wrong: two modules that need each other
  [essai("lib/domain/portail", `${marque}a`)]:
    `import { b } from "@/lib/domain/portail/${marque}b";\n\nexport const a = () => b;\n`,
  [essai("lib/domain/portail", `${marque}b`)]:
    `import { a } from "@/lib/domain/portail/${marque}a";\n\nexport const b = () => a;\n`,
};

let violations: Violation[] = [];
let sortie = 0;

beforeAll(async () => {
  try {
    for (const [chemin, contenu] of Object.entries(FICHIERS)) writeFileSync(chemin, contenu, { flag: "wx" });
    // the lint's own command (npm run lint:couches), on these files
    const { stdout, code } = await promisify(execFile)(
      "node_modules/.bin/depcruise",
      ["--config", ".dependency-cruiser.cjs", "--output-type", "err-long", ...Object.keys(FICHIERS)],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, COUCHES_ESSAI: "1" } },
    ).then(
      ({ stdout }) => ({ stdout, code: 0 }),
      (erreur: { code?: unknown; stdout?: unknown }) => {
        // violations make depcruise exit with their number; its report is on stdout all the same
        if (typeof erreur.code !== "number" || typeof erreur.stdout !== "string") throw erreur;
        return { stdout: erreur.stdout, code: erreur.code };
      },
    );
    sortie = code;
    // "  error moteur-sans-agregat: lib/domain/demande/x.ts → lib/domain/absence/demarche.ts" (a cycle goes on
    // to the next lines: its first step is enough here)
    violations = [...stdout.matchAll(/^\s*error (\S+): (\S+) →\s+(\S+)/gm)].map(([, rule, from, to]) => ({
      rule: { name: rule! },
      from: from!,
      to: to!,
    }));
  } finally {
    for (const chemin of Object.keys(FICHIERS)) rmSync(chemin, { force: true });
  }
}, 60_000);

afterAll(() => {
  for (const chemin of Object.keys(FICHIERS)) rmSync(chemin, { force: true });
});

const regles = (chemin: string) =>
  violations.filter((v) => v.from === chemin || v.to === chemin).map((v) => v.rule.name);

describe("the layers' rules", () => {
  it("fail the lint on a wrong import", () => {
    expect(sortie).toBeGreaterThan(0);
  });

  it("refuse an aggregate in the engine", () => {
    expect(violations).toContainEqual(
      expect.objectContaining({
        from: essai("lib/domain/demande"),
        to: "lib/domain/absence/demarche.ts",
        rule: expect.objectContaining({ name: "moteur-sans-agregat" }),
      }),
    );
  });

  it("refuse the engine in the kernel", () => {
    expect(regles(essai("lib"))).toEqual(["noyau-vers-le-haut"]);
  });

  it("refuse the registry in an aggregate", () => {
    expect(regles(essai("lib/domain/absence"))).toEqual(["agregat-vers-le-haut"]);
  });

  it("refuse another aggregate's module it does not declare public", () => {
    expect(violations).toContainEqual(
      expect.objectContaining({
        from: essai("lib/domain/paiement"),
        to: "lib/domain/famille/cle-enfance.ts",
        rule: expect.objectContaining({ name: "agregat-par-son-public" }),
      }),
    );
  });

  it("refuse an import cycle", () => {
    expect(regles(essai("lib/domain/portail", `${marque}a`))).toContain("pas-de-cycle");
  });

  it("let an aggregate use the kernel, the engine and another aggregate's public module", () => {
    expect(regles(essai("lib/domain/journal"))).toEqual([]);
  });
});

// The aggregates' own graph (an arrow when a module of one imports a module of another, types aside): the tangle
// of nine aggregates was cut down to this one knot, a real shared life; a new one fails here.
const NOEUDS_CONNUS = [
  // inscriptions made before the family's acceptance: a waiting inscription reads the declaration, the Ajout de
  // famille's decision carries them over or cancels them
  ["famille", "inscription"],
  // booking windows: a parent's save asks the window's rules which days are requests (regles-fenetre) and a freed
  // place of an allocated window is offered (offres), while the allocation and the offers move the days through
  // the reservations' one gate (franchir)
  ["fenetre", "reservation"],
];

/** Tarjan's strongly connected components with more than one node: the knots of a graph. */
function noeuds(graphe: Map<string, Set<string>>): string[][] {
  const rang = new Map<string, number>();
  const bas = new Map<string, number>();
  const pile: string[] = [];
  const resultat: string[][] = [];
  const visiter = (v: string) => {
    rang.set(v, rang.size);
    bas.set(v, rang.get(v)!);
    pile.push(v);
    for (const w of graphe.get(v) ?? []) {
      if (!rang.has(w)) {
        visiter(w);
        bas.set(v, Math.min(bas.get(v)!, bas.get(w)!));
      } else if (pile.includes(w)) bas.set(v, Math.min(bas.get(v)!, rang.get(w)!));
    }
    if (bas.get(v) !== rang.get(v)) return;
    const composante: string[] = [];
    for (let w = pile.pop()!; ; w = pile.pop()!) {
      composante.push(w);
      if (w === v) break;
    }
    if (composante.length > 1) resultat.push(composante.sort());
  };
  for (const v of graphe.keys()) if (!rang.has(v)) visiter(v);
  return resultat;
}

describe("the aggregates' graph", () => {
  it("has no knot but the known ones", { timeout: 60_000 }, async () => {
    const { stdout } = await promisify(execFile)(
      "node_modules/.bin/depcruise",
      ["--config", ".dependency-cruiser.cjs", "--output-type", "json", "lib/domain"],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    type Module = { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] };
    const agregat = (chemin: string) => /^lib\/domain\/([^/]+)\//.exec(chemin)?.[1];
    const graphe = new Map<string, Set<string>>();
    for (const { source, dependencies } of (JSON.parse(stdout) as { modules: Module[] }).modules) {
      const de = agregat(source);
      if (!de || source.endsWith(".test.ts")) continue;
      for (const { resolved, dependencyTypes } of dependencies) {
        const vers = agregat(resolved);
        if (vers && vers !== de && !dependencyTypes.includes("type-only"))
          graphe.set(de, (graphe.get(de) ?? new Set()).add(vers));
      }
    }
    // the graph was read: most aggregates import another one
    expect(graphe.size).toBeGreaterThan(10);
    for (const noeud of noeuds(graphe))
      expect(
        NOEUDS_CONNUS.some((connu) => noeud.every((a) => connu.includes(a))),
        noeud.join(" ↔ "),
      ).toBe(true);
  });
});
