// `npm test`'s last words when something failed: each failing test (file, name, the first lines of its error),
// read from the JSON reports of vitest and playwright. CI shows the end of the output; the lanes' logs, printed
// before, can be thousands of lines long, so the failures are named again here, where they will be read.
// Usage: node scripts/echecs-tests.mjs report.json [report.json ...]
import fs from "node:fs";
import path from "node:path";

const LIGNES_PAR_ERREUR = 8;

function extrait(message) {
  const propre = String(message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  return propre
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(0, LIGNES_PAR_ERREUR)
    .map((l) => `      ${l}`);
}

function echecsVitest(rapport) {
  const echecs = [];
  for (const fichier of rapport.testResults ?? []) {
    const nom = path.relative(process.cwd(), fichier.name ?? "");
    const tests = (fichier.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of tests)
      echecs.push({ ou: nom, test: t.fullName ?? t.title, erreur: (t.failureMessages ?? []).join("\n") });
    // A file that fails before its tests run (import error, hook) has no failed assertion but a message.
    if (tests.length === 0 && fichier.status === "failed")
      echecs.push({ ou: nom, test: "(the file)", erreur: fichier.message });
  }
  return echecs;
}

function echecsPlaywright(rapport) {
  const echecs = [];
  const parcourir = (suite, titres) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected") continue;
        const dernier = (test.results ?? []).at(-1);
        echecs.push({
          ou: `${spec.file}:${spec.line} [${test.projectName}]`,
          test: [...titres, spec.title].filter(Boolean).join(" › "),
          erreur: dernier?.error?.message ?? (dernier?.errors ?? []).map((e) => e.message).join("\n"),
        });
      }
    }
    for (const enfant of suite.suites ?? []) parcourir(enfant, [...titres, enfant.title]);
  };
  for (const suite of rapport.suites ?? []) parcourir(suite, []);
  return echecs;
}

const echecs = [];
for (const fichier of process.argv.slice(2)) {
  if (!fs.existsSync(fichier)) continue;
  let rapport;
  try {
    rapport = JSON.parse(fs.readFileSync(fichier, "utf8"));
  } catch {
    continue; // a crashed run may leave a partial file
  }
  echecs.push(...(rapport.stats ? echecsPlaywright(rapport) : echecsVitest(rapport)));
}
if (echecs.length > 0) {
  console.log(`\nFailing tests (${echecs.length}):`);
  for (const e of echecs) {
    console.log(`  ✗ ${e.ou} › ${e.test}`);
    for (const ligne of extrait(e.erreur)) console.log(ligne);
  }
}
