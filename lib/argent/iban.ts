// An IBAN (and a BIC) as a parent or an agent types it: ISO 13616 (country, two check digits, the national account
// number), refused with what is wrong, in French. One rule for the whole portal: the régie's account in the
// billing settings (lib/argent/iban.ts re-exports it) and the debtor's account on a SEPA mandate.
// A mandate can only debit an account in the SEPA zone: the EPC's list of countries is written here, since it
// changes seldom and a wrong country must be refused before anything is signed.

/** The SEPA scheme's countries and territories (EPC409-09, the list of countries of the SEPA schemes). */
export const PAYS_SEPA: Record<string, string> = {
  AD: "Andorre",
  AT: "Autriche",
  BE: "Belgique",
  BG: "Bulgarie",
  CH: "Suisse",
  CY: "Chypre",
  CZ: "Tchéquie",
  DE: "Allemagne",
  DK: "Danemark",
  EE: "Estonie",
  ES: "Espagne",
  FI: "Finlande",
  FR: "France",
  GB: "Royaume-Uni",
  GI: "Gibraltar",
  GR: "Grèce",
  HR: "Croatie",
  HU: "Hongrie",
  IE: "Irlande",
  IS: "Islande",
  IT: "Italie",
  LI: "Liechtenstein",
  LT: "Lituanie",
  LU: "Luxembourg",
  LV: "Lettonie",
  MC: "Monaco",
  MT: "Malte",
  NL: "Pays-Bas",
  NO: "Norvège",
  PL: "Pologne",
  PT: "Portugal",
  RO: "Roumanie",
  SE: "Suède",
  SI: "Slovénie",
  SK: "Slovaquie",
  SM: "Saint-Marin",
  VA: "Vatican",
};

/** Length of an IBAN per country (the SWIFT IBAN registry), with the adjective the refusal uses. */
const LONGUEURS: Record<string, { longueur: number; adjectif: string }> = {
  FR: { longueur: 27, adjectif: "français" },
  MC: { longueur: 27, adjectif: "monégasque" },
  DE: { longueur: 22, adjectif: "allemand" },
  BE: { longueur: 16, adjectif: "belge" },
  ES: { longueur: 24, adjectif: "espagnol" },
  IT: { longueur: 27, adjectif: "italien" },
  LU: { longueur: 20, adjectif: "luxembourgeois" },
  PT: { longueur: 25, adjectif: "portugais" },
  NL: { longueur: 18, adjectif: "néerlandais" },
  CH: { longueur: 21, adjectif: "suisse" },
  GB: { longueur: 22, adjectif: "britannique" },
  AD: { longueur: 24, adjectif: "andorran" },
  AT: { longueur: 20, adjectif: "autrichien" },
  IE: { longueur: 22, adjectif: "irlandais" },
};

/** "fr76 3000-6000…" → "FR763000…": spaces, dashes and case are forgiven. */
export const normaliserIban = (saisie: string) => saisie.replace(/[\s-]/g, "").toUpperCase();

/** ISO 7064 mod 97-10: letters count as 10..35, the first four characters go to the end, the rest must be 1. */
export function cleIbanValide(iban: string): boolean {
  const chiffres = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let reste = 0;
  for (const c of chiffres) reste = (reste * 10 + Number(c)) % 97;
  return reste === 1;
}

/** Why an IBAN is refused, in French, or null when it is one (an account of the SEPA zone). */
export function erreurIban(saisie: string): string | null {
  const iban = normaliserIban(saisie);
  if (!iban) return "Saisissez l'IBAN.";
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    return "Un IBAN commence par deux lettres et deux chiffres, suivis de lettres et de chiffres seulement, par exemple FR76 3000 6000 0112 3456 7890 189.";
  }
  const pays = iban.slice(0, 2);
  if (!PAYS_SEPA[pays]) return "Ce pays n'est pas dans la zone SEPA.";
  const attendu = LONGUEURS[pays];
  if (attendu && iban.length !== attendu.longueur) {
    return `Un IBAN ${attendu.adjectif} compte ${attendu.longueur} caractères : vous en avez saisi ${iban.length}.`;
  }
  if (iban.length < 15 || iban.length > 34) {
    return `Un IBAN compte de 15 à 34 caractères : vous en avez saisi ${iban.length}.`;
  }
  return cleIbanValide(iban) ? null : "La clé de contrôle ne correspond pas : vérifiez chaque caractère.";
}

/** "FR76 3000 6000 0112 3456 7890 189": an IBAN as printed, in groups of four. */
export const ibanEnClair = (iban: string) =>
  normaliserIban(iban)
    .replace(/(.{4})/g, "$1 ")
    .trim();

/** The last 4 characters, the only part kept in clear. */
export const finIban = (iban: string) => normaliserIban(iban).slice(-4);

/** « FR76 **** … 0189 »: what a mail, a PDF sent by mail or a page shows of an account (its country, key and end). */
export const ibanMasque = (iban: string) => `${normaliserIban(iban).slice(0, 4)} **** … ${finIban(iban)}`;

export const normaliserBic = (saisie: string) => saisie.replace(/\s/g, "").toUpperCase();

/** Why a BIC (ISO 9362) is refused, in French, or null when it is one: 8 or 11 characters. */
export function erreurBic(saisie: string): string | null {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(normaliserBic(saisie))
    ? null
    : "Un BIC compte 8 ou 11 caractères, par exemple BDFEFRPPCCT.";
}
