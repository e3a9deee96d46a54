// The paramétrage's journal line: each command of the school calendar is journaled with the administrator who made
// it (commands run by the seed or a script, without an agent, are not).
import type { Tx } from "@/lib/db";
import { journal } from "@/lib/journal";

export const journaliser = (tx: Tx, agentId: string | undefined, event: string, details: Record<string, unknown>) =>
  agentId
    ? journal(tx, { event, actorKind: "AGENT", actorId: agentId, details: JSON.parse(JSON.stringify(details)) })
    : Promise.resolve();
