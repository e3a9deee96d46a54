// The régie's bank details as an agent types them: an IBAN (ISO 13616: country, check digits, up to 30
// alphanumerics, mod 97 = 1) and a BIC (ISO 9362: 8 or 11 characters). Spaces and case are forgiven.

/** "fr76 3000 1007…" → "FR7630001007…" */
export const normaliserIban = (saisie: string) => saisie.replace(/[\s-]/g, "").toUpperCase();

/** Why an IBAN is refused, in French, or null when it is one. */
export function erreurIban(saisie: string): string | null {
  const iban = normaliserIban(saisie);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) {
    return "Un IBAN commence par deux lettres et deux chiffres, par exemple FR76 3000 1007 9412 3456 7890 185.";
  }
  if (iban.startsWith("FR") && iban.length !== 27) return "Un IBAN français compte 27 caractères.";
  // letters count as 10..35, the first four characters go to the end, the whole number mod 97 must be 1
  const chiffres = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let reste = 0;
  for (const c of chiffres) reste = (reste * 10 + Number(c)) % 97;
  return reste === 1 ? null : "Cet IBAN n'est pas valide : vérifiez-le (sa clé de contrôle ne correspond pas).";
}

export const normaliserBic = (saisie: string) => saisie.replace(/\s/g, "").toUpperCase();

/** Why a BIC is refused, in French, or null when it is one. */
export function erreurBic(saisie: string): string | null {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(normaliserBic(saisie))
    ? null
    : "Un BIC compte 8 ou 11 caractères, par exemple BDFEFRPPCCT.";
}

/** "FR76 3000 1007 9412 3456 7890 185": an IBAN as printed, in groups of four. */
export const ibanEnClair = (iban: string) => iban.replace(/(.{4})/g, "$1 ").trim();
