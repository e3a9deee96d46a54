// The Identifiant Créancier SEPA (ICS) as an agent types it: the country, two check digits, a 3-character
// business code (ZZZ when none) and the national identifier (6 characters in France). The check digits are an
// IBAN's (ISO 7064 mod 97-10) computed over the national identifier then the country, the business code left out.

export const normaliserIcs = (saisie: string) => saisie.replace(/[\s-]/g, "").toUpperCase();

/** mod 97 of a string of digits and letters (A = 10 … Z = 35). */
function modulo97(texte: string): number {
  let reste = 0;
  for (const c of texte.replace(/[A-Z]/g, (l) => String(l.charCodeAt(0) - 55))) reste = (reste * 10 + Number(c)) % 97;
  return reste;
}

/** Why an ICS is refused, in French, or null when it is one. */
export function erreurIcs(saisie: string): string | null {
  const ics = normaliserIcs(saisie);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(ics)) {
    return "Un ICS commence par le pays et deux chiffres de contrôle, par exemple FR72ZZZ123456.";
  }
  if (ics.startsWith("FR") && ics.length !== 13)
    return "Un ICS français compte 13 caractères, par exemple FR72ZZZ123456.";
  return modulo97(ics.slice(7) + ics.slice(0, 4)) === 1
    ? null
    : "Cet ICS n'est pas valide : vérifiez-le (ses chiffres de contrôle ne correspondent pas).";
}
