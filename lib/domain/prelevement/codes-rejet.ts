// The reason codes a bank sends back with a rejected or returned SEPA direct debit (ISO 20022 ExternalStatusReason1Code,
// as the EPC's SDD Core rulebook uses them), in the plain French a family reads in its mail and an agent on the
// console. An unknown code is still accepted (banks add some): it reads « motif bancaire <code> ».

export const CODES_REJET: Record<string, string> = {
  AC01: "Les coordonnées bancaires (IBAN) sont incorrectes.",
  AC04: "Le compte bancaire est clôturé.",
  AC06: "Le compte bancaire est bloqué.",
  AC13: "Le compte débité est un compte de professionnel.",
  AG01: "Ce compte n'accepte pas les prélèvements.",
  AG02: "L'opération n'est pas valable pour ce compte.",
  AM04: "Le solde du compte était insuffisant.",
  AM05: "Ce prélèvement a été présenté deux fois.",
  BE05: "La commune n'est pas reconnue comme créancier par la banque.",
  CNOR: "La banque de la commune n'a pas pu être jointe.",
  DNOR: "La banque du compte n'a pas pu être jointe.",
  FF01: "Le fichier de prélèvement était incorrect.",
  MD01: "La banque ne connaît pas d'autorisation de prélèvement (mandat) pour ce compte.",
  MD02: "Des informations du mandat manquent ou sont incorrectes.",
  MD06: "Le titulaire du compte a demandé le remboursement du prélèvement.",
  MD07: "Le titulaire du compte est décédé.",
  MS02: "Le titulaire du compte a refusé ce prélèvement.",
  MS03: "La banque a refusé ce prélèvement sans en donner la raison.",
  RC01: "Le code de la banque (BIC) est incorrect.",
  RR01: "Il manque l'identification du titulaire ou de son compte.",
  RR02: "Il manque le nom ou l'adresse du titulaire du compte.",
  RR03: "Il manque le nom ou l'adresse de la commune.",
  RR04: "La banque a refusé ce prélèvement pour raison réglementaire.",
  SL01: "La banque du titulaire bloque les prélèvements de ce créancier.",
};

export const CODE_REJET = /^[A-Z0-9]{4}$/;

/** The reason in French for a code ("AM04" → « Le solde du compte était insuffisant. »). */
export const motifDeRejet = (code: string): string => CODES_REJET[code] ?? `Motif bancaire ${code}.`;
