// "Réinitialiser les données de démonstration" (preview only, administrators): every table emptied in one
// statement and every sequence restarted (demande numbers start again at 1), then the demo seed of
// prisma/seed.ts loads the same accounts, families and pages as at deployment. Refused outside a preview,
// whoever asks: on a commune's portal this button does not exist, and neither does its command.
import { apercuActif } from "@/lib/apercu";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { seedDemo } from "@/prisma/seed";

export async function reinitialiserDemonstration({
  agentId,
  env = process.env,
}: {
  agentId: string;
  env?: Record<string, string | undefined>;
}): Promise<void> {
  if (!apercuActif(env)) {
    throw new AppError("HORS_DEMONSTRATION", "Les données ne peuvent être réinitialisées que dans une démonstration.");
  }
  const tables = await db().$queryRaw<{ nom: string }[]>`
    SELECT tablename AS nom FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  const sequences = await db().$queryRaw<{ nom: string }[]>`
    SELECT sequencename AS nom FROM pg_sequences WHERE schemaname = current_schema()`;
  const nommer = (nom: string) => `"${nom.replaceAll('"', '""')}"`;
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => nommer(t.nom)).join(", ")} RESTART IDENTITY CASCADE`);
    // RESTART IDENTITY covers the sequences the tables own; demande_numero_seq belongs to none.
    for (const { nom } of sequences) await tx.$executeRawUnsafe(`ALTER SEQUENCE ${nommer(nom)} RESTART`);
  });
  await seedDemo();
  log.info({ evenement: "demonstration.reinitialisee", agentId }, "données de démonstration réinitialisées");
}
