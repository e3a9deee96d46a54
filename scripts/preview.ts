// `npm run preview:verifier [-- --conteneur | --buildpack] [--source <git dir or URL>] [--ref <branch>]`
// Proves a deploy preview works the two ways docs/exploitation.md gives (Previews), without a Docker engine nor a PaaS:
// 1. a fresh clone of the committed tree (uncommitted changes are not in a deployment either), `npm ci`,
//    `npm run build` (next build, output: "standalone", completed by scripts/standalone.ts): what the Dockerfile's
//    build stage and the buildpack both run;
// 2. container: .next/standalone copied alone into an empty directory (the runtime stage's COPY), an empty data
//    directory for /data, and `node scripts/start.mjs` exactly as the Dockerfile's CMD, with PREVIEW=1;
//    buildpack: the Procfile's web command run in the clone, as the host runs it, with PREVIEW=1 (scalingo.json);
// 3. each one checked: /api/sante answers 200 with the version, the banner and noindex on the home page, the demo
//    logins on both login pages with the administrator's current TOTP code, a parent's login in Chromium, the
//    preview mailbox lists the demo's mails; then SIGTERM (docker stop, the PaaS's restart) and a clean exit 0,
//    with the server's "arrêté proprement" and no error line in its log.
// Both are checked by default. Prints each step's duration; exits 1 at the first failed check.
// Env: PREVIEW_PORT (3250), PREVIEW_DB_PORT (54450), CHROMIUM_PATH (Debian's chromium-headless-shell, else chromium: e2e/fixtures/chromium.ts).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { lancementChromium } from "../e2e/fixtures/chromium";
import { codeTotp } from "../lib/auth/totp";
import { DEMO_ADMIN_TOTP, DEMO_PARENT } from "../prisma/demo-comptes";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (nom: string) => {
  const i = args.indexOf(nom);
  return i === -1 ? undefined : args[i + 1];
};
const modes = args.includes("--conteneur")
  ? ["conteneur"]
  : args.includes("--buildpack")
    ? ["buildpack"]
    : ["conteneur", "buildpack"];
const PORT = Number(process.env.PREVIEW_PORT ?? 3250);
const DB_PORT = Number(process.env.PREVIEW_DB_PORT ?? 54450);
const BANNIERE = "Version de démonstration — les données sont fictives et effacées à chaque déploiement";

const debutTotal = Date.now();
function etape(texte: string): void {
  console.log(`[${((Date.now() - debutTotal) / 1000).toFixed(0).padStart(4)} s] ${texte}`);
}
function verifier(condition: unknown, texte: string): void {
  if (!condition) throw new Error(`ÉCHEC : ${texte}`);
  etape(`ok : ${texte}`);
}

function executer(commande: string, parametres: string[], cwd: string): void {
  execFileSync(commande, parametres, { cwd, stdio: ["ignore", "inherit", "inherit"], env: environnementBase() });
}

/** What a build host gives: no DATABASE_URL, SMTP_URL or uploadthing token from the developer's shell. */
/** The monitoring's token of this run: /api/sante tells the version only to it (lib/disponibilite.ts). */
const JETON_SUPERVISION = randomBytes(24).toString("hex");

function environnementBase(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CI: "1",
    SUPERVISION_JETON: JETON_SUPERVISION,
  };
  for (const nom of ["DATABASE_URL", "SMTP_URL", "UPLOADTHING_TOKEN", "DATA_DIR", "STORAGE_DIR", "PORT", "DEMO"]) {
    delete env[nom];
  }
  return env;
}

async function texte(chemin: string): Promise<string> {
  const reponse = await fetch(`http://127.0.0.1:${PORT}${chemin}`, { signal: AbortSignal.timeout(30_000) });
  if (!reponse.ok) throw new Error(`ÉCHEC : GET ${chemin} → ${reponse.status}`);
  return reponse.text();
}

async function attendreSante(serveur: ChildProcess): Promise<Record<string, unknown>> {
  const limite = Date.now() + 240_000;
  while (Date.now() < limite) {
    if (serveur.exitCode !== null)
      throw new Error(`ÉCHEC : le serveur s'est arrêté au démarrage (code ${serveur.exitCode})`);
    try {
      const reponse = await fetch(`http://127.0.0.1:${PORT}/api/sante`, {
        headers: { authorization: `Bearer ${JETON_SUPERVISION}` },
        signal: AbortSignal.timeout(5_000),
      });
      if (reponse.status === 200) return (await reponse.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("ÉCHEC : /api/sante n'a pas répondu 200 en 4 minutes");
}

async function verifierApercu(serveur: ChildProcess, version: string): Promise<void> {
  const sante = await attendreSante(serveur);
  verifier(sante.status === "ok" && sante.version === version, `/api/sante → 200 ${JSON.stringify(sante)}`);

  const accueil = await texte("/");
  verifier(accueil.includes(BANNIERE), "la bannière de démonstration est sur l'accueil");
  verifier(/<meta name="robots" content="noindex, ?nofollow"/.test(accueil), "noindex, nofollow");

  const connexion = await texte("/connexion");
  verifier(
    connexion.includes(DEMO_PARENT.identifiant) && connexion.includes(DEMO_PARENT.motDePasse),
    "les comptes de démonstration des parents sont sur /connexion",
  );
  const avant = new Date();
  const agent = await texte("/agent/connexion");
  const codes = [-30_000, 0, 30_000].map((decalage) => codeTotp(DEMO_ADMIN_TOTP, new Date(avant.getTime() + decalage)));
  verifier(
    agent.includes("admin.demo") && codes.some((code) => agent.includes(`<code>${code}</code>`)),
    "admin.demo et son code TOTP du moment sont sur /agent/connexion",
  );

  const navigateur = await chromium.launch(lancementChromium());
  try {
    const page = await navigateur.newPage({ baseURL: `http://127.0.0.1:${PORT}` });
    await page.goto("/connexion");
    await page.getByLabel("Identifiant").fill(DEMO_PARENT.identifiant);
    await page.getByLabel("Mot de passe").fill(DEMO_PARENT.motDePasse);
    await page.getByRole("button", { name: "Connexion" }).click();
    await page.waitForURL("**/mon-espace", { timeout: 60_000 });
    const bandeau = await page.getByRole("region", { name: "Version de démonstration" }).textContent();
    verifier(bandeau?.includes(BANNIERE), `connexion de ${DEMO_PARENT.identifiant} dans Chromium → /mon-espace`);
    await page.getByRole("link", { name: "Courriels envoyés par le portail" }).click();
    await page.waitForURL("**/dev/mails");
    const courriels = await page.locator("ol > li").count();
    verifier(courriels > 0, `la boîte d'aperçu /dev/mails liste ${courriels} courriel(s) de la démonstration`);
  } finally {
    await navigateur.close();
  }
}

async function arreter(serveur: ChildProcess, groupe: boolean, journal: string): Promise<void> {
  const fin = new Promise<number | null>((resolve) => serveur.once("exit", (code) => resolve(code)));
  // docker stop signals the container's PID 1; a PaaS signals every process of the container.
  process.kill(groupe ? -serveur.pid! : serveur.pid!, "SIGTERM");
  const code = await Promise.race([fin, new Promise<"délai">((resolve) => setTimeout(() => resolve("délai"), 40_000))]);
  verifier(code === 0, `SIGTERM → sortie ${code}`);
  const lignes = (await readFile(journal, "utf8")).split("\n");
  verifier(
    lignes.some((ligne) => ligne.includes('"evenement":"serveur.arrete"')),
    "le serveur a fini ses requêtes, l'envoi des courriels et fermé la base (« arrêté proprement »)",
  );
  const erreurs = lignes.filter((ligne) => /"level":"(error|fatal)"|\bError\b|npm error/.test(ligne));
  verifier(erreurs.length === 0, `aucune erreur dans le journal du serveur${erreurs.length ? ` : ${erreurs[0]}` : ""}`);
  const requetes = lignes.filter((ligne) => ligne.includes('"msg":"requête"'));
  const exemple = requetes.find((ligne) => ligne.includes('"path":"/connexion"')) ?? requetes[0];
  verifier(requetes.length > 0 && /"requestId":"[^"]+"/.test(exemple ?? ""), `journal JSON par requête : ${exemple}`);
}

function demarrer(commande: string, parametres: string[], cwd: string, env: NodeJS.ProcessEnv, journal: string) {
  const sortie = createWriteStream(journal);
  const serveur = spawn(commande, parametres, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  serveur.stdout.pipe(sortie);
  serveur.stderr.pipe(sortie);
  return serveur;
}

async function main(): Promise<void> {
  const travail = await mkdtemp(path.join(tmpdir(), "apercu-"));
  let serveur: ChildProcess | undefined;
  try {
    const source = option("--source") ?? ROOT;
    const ref =
      option("--ref") ?? execFileSync("git", ["-C", ROOT, "rev-parse", "--abbrev-ref", "HEAD"]).toString().trim();
    const clone = path.join(travail, "clone");
    etape(`clone de ${source} (${ref}) dans ${clone}`);
    executer(
      "git",
      ["clone", "--quiet", "--depth=1", "--branch", ref, `file://${path.resolve(source)}`, clone],
      travail,
    );
    const { version } = JSON.parse(await readFile(path.join(clone, "package.json"), "utf8")) as { version: string };
    etape("npm ci");
    executer("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], clone);
    etape("npm run build");
    executer("npm", ["run", "build"], clone);

    for (const mode of modes) {
      const donnees = path.join(travail, `donnees-${mode}`);
      await mkdir(donnees);
      const journal = path.join(travail, `serveur-${mode}.log`);
      const env = {
        ...environnementBase(),
        PREVIEW: "1",
        PORT: String(PORT),
        EMBEDDED_DB_PORT: String(DB_PORT),
        DATA_DIR: donnees,
      };
      if (mode === "conteneur") {
        // The runtime stage: the standalone tree alone, nothing of the clone's node_modules nor sources.
        const image = path.join(travail, "image");
        await cp(path.join(clone, ".next/standalone"), image, { recursive: true });
        const dockerfile = await readFile(path.join(clone, "Dockerfile"), "utf8");
        const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
        const [commande, ...parametres] = JSON.parse(cmd ?? "[]") as string[];
        verifier(commande === "node", `le CMD du Dockerfile : ${cmd}`);
        etape(`conteneur : ${cmd} dans ${image}, /data = ${donnees}`);
        serveur = demarrer(process.execPath, parametres, image, { ...env, NODE_ENV: "production" }, journal);
        await verifierApercu(serveur, version);
        await arreter(serveur, false, journal);
      } else {
        const procfile = await readFile(path.join(clone, "Procfile"), "utf8");
        const web = /^web:\s*(.+)$/m.exec(procfile)?.[1];
        verifier(web, `la commande web du Procfile : ${web}`);
        etape(`buildpack : ${web} dans ${clone}`);
        // As the host's launcher (bash -c, which execs a single command): the web command is the process.
        serveur = demarrer("sh", ["-c", `exec ${web}`], clone, { ...env, NODE_ENV: "production" }, journal);
        await verifierApercu(serveur, version);
        await arreter(serveur, true, journal);
      }
      serveur = undefined;
    }
    etape(`aperçu vérifié (${modes.join(" et ")}) en ${((Date.now() - debutTotal) / 1000).toFixed(0)} s`);
  } finally {
    if (serveur?.exitCode === null) process.kill(-serveur.pid!, "SIGKILL");
    if (!args.includes("--garder")) await rm(travail, { recursive: true, force: true });
    else etape(`gardé : ${travail}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
