// The keys of a titre's payment slip (Cle1, Cle2) and the SIRET's check: pure arithmetic, documented with
// worked examples in docs/domaine/pes.md so the commune's comptable can recompute them by hand.

/**
 * Cle1, modulo 11: the digits of CodCol, IdBord, the exercise's last two digits, Per and NumDette (left-padded
 * with zeros to 13) read from right to left, weighted 2, 3, 4, 5, 6, 7, 2, 3…; a character that is not a digit
 * counts as 0. The key is 11 minus the sum modulo 11, and 1 when that gives 10 or 11.
 */
export function cle1(parties: { codCol: string; idBord: string; exer: number; per: string; numDette: string }): string {
  const chiffres = [
    parties.codCol,
    parties.idBord,
    String(parties.exer).slice(-2),
    parties.per,
    parties.numDette.padStart(13, "0"),
  ].join("");
  let somme = 0;
  [...chiffres].reverse().forEach((c, i) => {
    somme += (/[0-9]/.test(c) ? Number(c) : 0) * (2 + (i % 6));
  });
  const cle = 11 - (somme % 11);
  return String(cle > 9 ? 1 : cle);
}

/** The 23 letters of Cle2: the alphabet without I, O and Z. */
export const LETTRES_CLE2 = "ABCDEFGHJKLMNPQRSTUVWXY";

/**
 * Cle2, modulo 23: the number made of the exercise's last two digits, Per, "00" and NumDette (13 digits) modulo
 * 23 gives the letter at that rank (0 → A). NumDette must be digits only.
 */
export function cle2(parties: { exer: number; per: string; numDette: string }): string {
  const nombre = BigInt(`${String(parties.exer).slice(-2)}${parties.per}00${parties.numDette.padStart(13, "0")}`);
  return LETTRES_CLE2[Number(nombre % 23n)]!;
}

/** A SIRET: 14 digits whose Luhn sum is a multiple of 10 (La Poste's establishments excepted by INSEE). */
export function siretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  // La Poste (SIREN 356 000 000): its establishments' SIRETs add up to a multiple of 5 instead
  if (siret.startsWith("356000000")) return [...siret].reduce((s, c) => s + Number(c), 0) % 5 === 0;
  let somme = 0;
  [...siret].reverse().forEach((c, i) => {
    let n = Number(c);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    somme += n;
  });
  return somme % 10 === 0;
}
