// npm run agent:create -- [--identifiant x --courriel x --nom x --prenom x --role AGENT|ADMIN]
// Creates (or resets) an agent account from the terminal; asks for what is missing, the password unechoed.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { creerAgent } from "@/lib/domain/agent/creer";
import { db } from "@/lib/db";
import { PASSWORD_RULE_TEXT } from "@/lib/auth/password-rule";

const { values } = parseArgs({
  options: {
    identifiant: { type: "string" },
    courriel: { type: "string" },
    nom: { type: "string" },
    prenom: { type: "string" },
    role: { type: "string" },
  },
});

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL n'est pas défini. Avec la base embarquée, lancez d'abord le portail (npm start) puis :\n  DATABASE_URL=postgresql://postgres@127.0.0.1:54329/postgres?sslmode=disable npm run agent:create");
  process.exit(1);
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
const ask = async (label: string, given?: string) => given ?? (await rl.question(`${label} : `)).trim();

async function askPassword(): Promise<string> {
  // Env wins for scripted installs; otherwise read from the terminal without echo.
  if (process.env.AGENT_PASSWORD) return process.env.AGENT_PASSWORD;
  console.log(PASSWORD_RULE_TEXT);
  const output = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (chunk.startsWith("Mot de passe") ? output(chunk) : true)) as typeof process.stdout.write;
  const password = await rl.question("Mot de passe : ");
  process.stdout.write = output;
  output("\n");
  return password;
}

try {
  const identifiant = await ask("Identifiant", values.identifiant);
  const courriel = await ask("Courriel", values.courriel);
  const nom = await ask("Nom", values.nom);
  const prenom = await ask("Prénom", values.prenom);
  const role = (await ask("Rôle (AGENT ou ADMIN)", values.role)).toUpperCase();
  if (role !== "AGENT" && role !== "ADMIN") throw new AppError("role", "Le rôle doit être AGENT ou ADMIN.");
  const motDePasse = await askPassword();
  await creerAgent({ identifiant, courriel, nom, prenom, role, motDePasse }, { par: "agent:create" });
  console.log(`Compte ${role === "ADMIN" ? "administrateur" : "agent"} « ${identifiant} » prêt : connexion sur /agent/connexion.`);
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  rl.close();
  await db().$disconnect();
}
