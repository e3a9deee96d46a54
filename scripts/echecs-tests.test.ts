// `npm test`'s last words (scripts/echecs-tests.mjs): from vitest's and playwright's JSON reports, every failing
// test is named with its file and the first lines of its error; passing tests, missing and half-written reports
// say nothing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dossier = mkdtempSync(join(tmpdir(), "echecs-tests-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

function rapport(nom: string, contenu: unknown) {
  const chemin = join(dossier, nom);
  writeFileSync(chemin, typeof contenu === "string" ? contenu : JSON.stringify(contenu));
  return chemin;
}

const lancer = (...fichiers: string[]) =>
  execFileSync(process.execPath, ["scripts/echecs-tests.mjs", ...fichiers], { encoding: "utf8" });

const vitest = {
  numPassedTests: 1,
  numFailedTests: 2,
  testResults: [
    {
      name: join(process.cwd(), "tests/integration/pes-fichier.test.ts"),
      status: "failed",
      assertionResults: [
        { status: "passed", fullName: "a file that passes", failureMessages: [] },
        {
          status: "failed",
          fullName: "the PES file › refuses a missing SIRET",
          failureMessages: [
            "\u001b[31mAssertionError: expected 200 to be 422\u001b[39m\n    at pes-fichier.test.ts:42",
          ],
        },
      ],
    },
    {
      name: join(process.cwd(), "tests/integration/cassé.test.ts"),
      status: "failed",
      message: "SyntaxError: x",
      assertionResults: [],
    },
  ],
};

const playwright = {
  stats: { expected: 1, unexpected: 1, flaky: 0 },
  suites: [
    {
      title: "compte-famille.spec.ts",
      specs: [],
      suites: [
        {
          title: "le compte de la famille",
          specs: [
            {
              title: "le parent voit son reste à payer",
              file: "compte-famille.spec.ts",
              line: 12,
              tests: [
                {
                  projectName: "mobile",
                  status: "unexpected",
                  results: [
                    {
                      error: {
                        message: "Error: expect(locator).toBeVisible() failed\n\nLocator: getByText('Reste à payer')",
                      },
                    },
                  ],
                },
              ],
            },
            {
              title: "passe",
              file: "compte-famille.spec.ts",
              line: 30,
              tests: [{ projectName: "desktop", status: "expected", results: [] }],
            },
          ],
        },
      ],
    },
  ],
};

describe("npm test's list of failing tests", () => {
  it("names each failing test of vitest and playwright with its place and the start of its error", () => {
    const sortie = lancer(rapport("v.json", vitest), rapport("p.json", playwright));
    expect(sortie).toContain("Failing tests (3):");
    expect(sortie).toContain("✗ tests/integration/pes-fichier.test.ts › the PES file › refuses a missing SIRET");
    expect(sortie).toContain("      AssertionError: expected 200 to be 422");
    expect(sortie).not.toContain("\u001b[");
    expect(sortie).toContain("✗ tests/integration/cassé.test.ts › (the file)");
    expect(sortie).toContain(
      "✗ compte-famille.spec.ts:12 [mobile] › le compte de la famille › le parent voit son reste à payer",
    );
    expect(sortie).toContain("      Locator: getByText('Reste à payer')");
    expect(sortie).not.toContain("a file that passes");
    expect(sortie).not.toContain("passe");
  });

  it("says nothing when every test passed, a report is missing or half-written", () => {
    const vert = {
      numPassedTests: 1,
      numFailedTests: 0,
      testResults: [{ name: "x", status: "passed", assertionResults: [] }],
    };
    expect(lancer(rapport("vert.json", vert), join(dossier, "absent.json"), rapport("coupe.json", '{"testRes'))).toBe(
      "",
    );
  });
});
