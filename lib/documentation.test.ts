// The documentation stays a door and a manual that can be trusted: the README short and starting with the two
// commands a fresh clone runs, every relative link of README.md and docs/ leading to a file (and heading) of the
// repository, every variable of .env.example described in docs/exploitation.md, and nothing in the repository
// pointing at files outside it (docs/index.md, "Keeping it true").
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ADMIN, DEMO_ADMIN_TOTP, DEMO_AGENT, DEMO_PARENT, DEMO_PARENT_EN_ATTENTE } from "@/prisma/demo-comptes";

const racine = path.resolve(__dirname, "..");
const lire = (fichier: string) => readFileSync(path.join(racine, fichier), "utf8");

/** The repository's files as git sees them: tracked, plus new ones not ignored (a fresh clone has the same). */
function fichiersDuDepot(): string[] {
  const sortie = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: racine,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return sortie.split("\0").filter((fichier) => fichier !== "" && existsSync(path.join(racine, fichier)));
}

function lireSiPresent(complet: string): Buffer | null {
  try {
    return statSync(complet).size > 2_000_000 ? null : readFileSync(complet);
  } catch (erreur) {
    if ((erreur as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw erreur;
  }
}

const pagesDeDocumentation = () =>
  ["README.md", ...fichiersDuDepot().filter((f) => f.startsWith("docs/") && f.endsWith(".md"))].sort();

/** Markdown without its fenced blocks and inline code, where a bracket is text, not a link. */
function sansCode(texte: string): string {
  return texte.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** The targets of the page's inline links: `[texte](cible)` and `[texte](<cible avec (parenthèses)>)`. */
function liens(texte: string): string[] {
  const cibles: string[] = [];
  for (const m of sansCode(texte).matchAll(/\]\((<[^>\n]+>|[^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const brute = m[1] ?? "";
    cibles.push(brute.startsWith("<") ? brute.slice(1, -1) : brute);
  }
  return cibles;
}

/** A heading's anchor as GitHub writes it: lower case, punctuation dropped, each space a hyphen. */
function ancre(titre: string): string {
  return titre
    .trim()
    .replace(/`/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function ancres(texte: string): Set<string> {
  return new Set(
    [...sansCode(texte).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) =>
      ancre((m[1] ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")),
    ),
  );
}

describe("README.md", () => {
  const readme = lire("README.md");

  it("is a door of 150 lines at most", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(150);
  });

  it("starts with the command that runs the portal on a fresh clone, then the one that runs every test", () => {
    const bloc = /^```sh\n([\s\S]*?)\n```/.exec(readme);
    expect(bloc, "the README opens with a sh block").not.toBeNull();
    const commandes = (bloc?.[1] ?? "").split("\n").filter((ligne) => ligne.trim() !== "");
    expect(commandes).toHaveLength(2);
    expect(commandes[0]).toMatch(/^npm (install|ci) && npm run demo$/);
    expect(commandes[1]).toBe("npm test");
    // the first command's scripts exist, so it works as written
    const scripts = JSON.parse(lire("package.json")).scripts as Record<string, string>;
    expect(scripts.demo).toBeDefined();
    expect(scripts.test).toBeDefined();
  });

  it("gives the demo accounts' logins as the seed creates them", () => {
    for (const compte of [DEMO_PARENT, DEMO_PARENT_EN_ATTENTE, DEMO_AGENT, DEMO_ADMIN]) {
      expect(readme).toContain(`\`${compte.identifiant}\``);
      expect(readme).toContain(`\`${compte.motDePasse}\``);
    }
    expect(readme).toContain(`\`${DEMO_ADMIN_TOTP}\``);
  });
});

describe("links of README.md and docs/", () => {
  const pages = pagesDeDocumentation();

  it("covers the manual's pages", () => {
    for (const page of ["docs/index.md", "docs/fonctionnalites.md", "docs/architecture.md", "docs/glossaire.md"]) {
      expect(pages).toContain(page);
    }
  });

  it.each(pages)("%s: every relative link resolves to a file and heading of the repository", (page) => {
    const cassés: string[] = [];
    for (const cible of liens(lire(page))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(cible)) continue; // https:, mailto:: outside links are fine as links
      const [chemin, fragment] = cible.split("#", 2) as [string, string | undefined];
      const fichier =
        chemin === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(chemin)));
      if (fichier.startsWith("..") || !existsSync(path.join(racine, fichier))) {
        cassés.push(`${cible} (no file ${fichier})`);
        continue;
      }
      if (fragment && fichier.endsWith(".md") && !ancres(lire(fichier)).has(decodeURI(fragment))) {
        cassés.push(`${cible} (no heading #${fragment} in ${fichier})`);
      }
    }
    expect(cassés).toEqual([]);
  });
});

describe("docs/fonctionnalites.md", () => {
  it("has every page, server action and route handler of app/ in a row", () => {
    const carte = lire("docs/fonctionnalites.md");
    const cibles = new Set(
      liens(carte).map((cible) => path.posix.normalize(path.posix.join("docs", decodeURI(cible.replace(/#.*$/, ""))))),
    );
    const entrees = fichiersDuDepot().filter(
      (f) => f.startsWith("app/") && /\/(page\.tsx|actions\.ts|route\.ts)$/.test(f),
    );
    expect(entrees.length).toBeGreaterThan(50);
    expect(entrees.filter((entree) => !cibles.has(entree))).toEqual([]);
  });
});

describe("docs/exploitation.md", () => {
  it("describes every variable of .env.example", () => {
    const exploitation = lire("docs/exploitation.md");
    const variables = [...lire(".env.example").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(20);
    expect(variables.filter((variable) => !exploitation.includes(`\`${variable}\``))).toEqual([]);
  });
});

describe("the repository is self-contained", () => {
  // Written in two halves so this file does not match itself.
  const dehors = new RegExp(
    ["\\.\\./sha", "red/|(^|[^\\w])sha", "red/(notes|seed|design|standards)/|/work/sha", "red"].join(""),
  );

  it("names no file outside it, in code, tests or docs", () => {
    const trouvés: string[] = [];
    for (const fichier of fichiersDuDepot()) {
      if (fichier === "package-lock.json" || fichier.startsWith("lib/generated/")) continue;
      const contenu = lireSiPresent(path.join(racine, fichier));
      // gone since git listed it (another test's file of a moment), too large to be prose, or binary
      if (!contenu || contenu.includes(0)) continue;
      contenu
        .toString("utf8")
        .split("\n")
        .forEach((ligne, i) => {
          if (dehors.test(ligne)) trouvés.push(`${fichier}:${i + 1}: ${ligne.trim().slice(0, 120)}`);
        });
    }
    expect(trouvés).toEqual([]);
  });
});
