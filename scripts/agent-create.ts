// npm run agent:create -- [--identifiant x --courriel x --nom x --prenom x --role AGENT|ADMIN]
// Creates (or resets) an agent account from the terminal; asks for what is missing, the password unechoed.
// Without DATABASE_URL it talks to the embedded database of the portal running on this machine (only that
// process may open its data directory).
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { creerAgent } from "@/lib/domain/agent/creer";
import { db } from "@/lib/db";
import { PASSWORD_RULE_TEXT } from "@/lib/auth/password-rule";
import { embeddedDatabaseSettings } from "./embedded-db";

const { values } = parseArgs({
  options: {
    identifiant: { type: "string" },
    courriel: { type: "string" },
    nom: { type: "string" },
    prenom: { type: "string" },
    role: { type: "string" },
  },
});

const embedded = !process.env.DATABASE_URL;
process.env.DATABASE_URL ??= `postgresql://postgres@127.0.0.1:${embeddedDatabaseSettings().port}/postgres?sslmode=disable`;

const rl = createInterface({ input: process.stdin, output: process.stdout });
// Read line by line (not rl.question), so answers piped on stdin are not lost between two questions.
const lines = rl[Symbol.asyncIterator]();

async function ask(label: string, given?: string): Promise<string> {
  if (given) return given;
  process.stdout.write(`${label} : `);
  const { value } = await lines.next();
  return String(value ?? "").trim();
}

async function askPassword(): Promise<string> {
  // Env wins for scripted installs; otherwise read from the terminal without echoing what is typed.
  if (process.env.AGENT_PASSWORD) return process.env.AGENT_PASSWORD;
  console.log(PASSWORD_RULE_TEXT);
  process.stdout.write("Mot de passe : ");
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    const { value } = await lines.next();
    return String(value ?? "");
  } finally {
    process.stdout.write = write;
    write("\n");
  }
}

async function main(): Promise<void> {
  try {
    const identifiant = await ask("Identifiant", values.identifiant);
    const courriel = await ask("Courriel", values.courriel);
    const nom = await ask("Nom", values.nom);
    const prenom = await ask("Prénom", values.prenom);
    const role = (await ask("Rôle (AGENT ou ADMIN)", values.role)).toUpperCase();
    if (role !== "AGENT" && role !== "ADMIN") throw new AppError("role", "Le rôle doit être AGENT ou ADMIN.");
    const motDePasse = await askPassword();
    await creerAgent({ identifiant, courriel, nom, prenom, role, motDePasse }, { par: "agent:create" });
    console.log(
      `Compte ${role === "ADMIN" ? "administrateur" : "agent"} « ${identifiant} » prêt : connexion sur /agent/connexion.`,
    );
  } catch (error) {
    if (error instanceof AppError) console.error(error.message);
    else if (embedded && String(error).includes("ECONNREFUSED")) {
      console.error(
        "La base embarquée ne répond pas : lancez d'abord le portail (npm start), ou indiquez DATABASE_URL.",
      );
    } else console.error(error);
    process.exitCode = 1;
  } finally {
    rl.close();
    await db().$disconnect();
  }
}

void main();
