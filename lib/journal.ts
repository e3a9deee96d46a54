// The journal: who did what and when, for security reviews. Details must never hold health data.
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type JournalEvent = {
  event: string;
  actorKind?: "USAGER" | "AGENT" | "SYSTEME";
  actorId?: string;
  ip?: string;
  details?: Prisma.InputJsonValue;
};

export async function journal(tx: Tx, entry: JournalEvent): Promise<void> {
  await tx.journalEntry.create({ data: entry });
}

/** An event that is the whole of its request (a file read by an agent): its own statement, outside any command. */
export async function journaliser(entry: JournalEvent): Promise<void> {
  await journal(db(), entry);
}
