// A command's after-commit effects (a cache to drop, a file to remove): declared inside its transaction, run
// once it has committed, never when it rolls back. Mails need none: enqueueMail writes the row and its job in
// the transaction itself (lib/mail/outbox.ts), which is stronger (the mail survives a crash right after the
// commit). An effect that fails is logged and does not undo the command: what it served is already saved.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { log } from "@/lib/log";

export type Effets = {
  /** Runs `effet` after the commit, in the order declared. */
  apresCommit(effet: () => unknown): void;
};

type Options = { timeout?: number; maxWait?: number };

export async function transaction<T>(travail: (tx: Tx, effets: Effets) => Promise<T>, options?: Options): Promise<T> {
  const effets: (() => unknown)[] = [];
  // a retry of the callback by the caller starts from a clean list: only the committed attempt's effects run
  const resultat = await db().$transaction((tx) => {
    effets.length = 0;
    return travail(tx, { apresCommit: (effet) => void effets.push(effet) });
  }, options);
  for (const effet of effets) {
    try {
      await effet();
    } catch (error) {
      log.warn(
        { evenement: "effet.echec", cause: error instanceof Error ? error.message : "erreur" },
        "effet après validation échoué",
      );
    }
  }
  return resultat;
}
