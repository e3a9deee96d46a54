// A new family's clé enfance, unique among the families (its format: lib/cle-enfance.ts).
import type { Tx } from "@/lib/db";
import { nouvelleCleEnfance } from "@/lib/cle-enfance";

/** 31^8 ≈ 8.5 × 10^11 keys: a collision is rare, and checked inside the creating transaction. */
export async function cleEnfanceLibre(tx: Tx): Promise<string> {
  for (;;) {
    const cle = nouvelleCleEnfance();
    if (!(await tx.famille.findUnique({ where: { cleEnfance: cle }, select: { id: true } }))) return cle;
  }
}
