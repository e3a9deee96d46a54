// The clé enfance's format: the key an agent's validation gives a family (lib/domain/famille/cle-enfance.ts
// issues it), short enough to read on the phone, without the characters people mistake for one another
// (0/O, 1/I/l). Parents type it to join their family and agents search the demandes, the payments and the
// journal by it: its reading belongs below all of them.
import { randomInt } from "node:crypto";

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
