// The clé enfance an agent's validation gives a family: short enough to read on the phone, without the
// characters people mistake for one another (0/O, 1/I/l), and unique.
import { randomInt } from "node:crypto";
import type { Tx } from "@/lib/db";

export const ALPHABET_CLE = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const FORMAT = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

export function nouvelleCleEnfance(): string {
  const symbols = Array.from({ length: 8 }, () => ALPHABET_CLE[randomInt(ALPHABET_CLE.length)]);
  return `${symbols.slice(0, 4).join("")}-${symbols.slice(4).join("")}`;
}

/** As a parent may type it: lower case, spaces, without the dash. */
export function normaliserCleEnfance(saisie: string): string | null {
  const compact = saisie.toUpperCase().replace(/[\s-]/g, "");
  const cle = `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return FORMAT.test(cle) ? cle : null;
}

/** 31^8 ≈ 8.5 × 10^11 keys: a collision is rare, and checked inside the creating transaction. */
export async function cleEnfanceLibre(tx: Tx): Promise<string> {
  for (;;) {
    const cle = nouvelleCleEnfance();
    if (!(await tx.famille.findUnique({ where: { cleEnfance: cle }, select: { id: true } }))) return cle;
  }
}
