// The régie's bank details as an agent types them: the IBAN follows the portal's one rule
// (lib/domain/prelevement/iban.ts, the mandates' too), the BIC is ISO 9362 (8 or 11 characters). Spaces and case
// are forgiven.
export { erreurIban, ibanEnClair, normaliserIban } from "@/lib/domain/prelevement/iban";

export const normaliserBic = (saisie: string) => saisie.replace(/\s/g, "").toUpperCase();

/** Why a BIC is refused, in French, or null when it is one. */
export function erreurBic(saisie: string): string | null {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(normaliserBic(saisie))
    ? null
    : "Un BIC compte 8 ou 11 caractères, par exemple BDFEFRPPCCT.";
}
