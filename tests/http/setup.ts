// Runs in each http test file's worker before its imports: the domain commands and lib/auth/sessions.ts the
// tests call (through lib/db.ts, which reads DATABASE_URL at its first call) use the running app's database
// and its storage directory.
import { afterAll, inject, vi } from "vitest";

// A worker process serves file after file (isolate: false, vitest.config.mts): node_modules load once, the
// project's own modules afresh for each file.
vi.resetModules();

const serveur = inject("serveurHttp");
process.env.DATABASE_URL = serveur.databaseUrl;
// Files a test stores through a command (a piece, an attachment) go where the app reads them.
process.env.STORAGE_DIR = serveur.storageDir;
// What a test encrypts (an agent's TOTP secret) the app must read.
process.env.CLE_CHIFFREMENT = serveur.cleChiffrement;

type PrismaHolder = { __portailPrisma?: { $disconnect(): Promise<void> } };
const holder = globalThis as unknown as PrismaHolder;

afterAll(async () => {
  await holder.__portailPrisma?.$disconnect();
  holder.__portailPrisma = undefined;
});
