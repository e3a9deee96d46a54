// The mandate's text, written once for the page where it is signed and for its PDF: what the parent reads is what
// is kept. Its wording is the SEPA Core mandate's (the EPC rulebook's mandatory mentions): the creditor with its
// ICS, the RUM, the debtor, the authorisation, the refund right « dans les 8 semaines suivant la date de débit »
// and 13 months for a debit not authorised, and the pre-notification delay the commune set. `versionTexte`
// (ParametresPrelevement) is kept with each signature; change it with this text.

export type ContenuMandat = {
  creancierNom: string;
  creancierAdresse: string;
  ics: string;
  rum: string;
  debiteurNom: string;
  debiteurAdresse: string;
  /** as shown: the full IBAN in the portal, masked in a mail's attachment; absent before signing */
  iban?: string;
  titulaire?: string;
  delaiPrenotificationJours: number;
  jourPrelevement: number;
  versionTexte: number;
};

export const TITRE_MANDAT = "Mandat de prélèvement SEPA";

/** The mandate's paragraphs, in order. */
export function paragraphesMandat(c: ContenuMandat): string[] {
  return [
    `En signant ce formulaire de mandat, vous autorisez ${c.creancierNom} à envoyer des instructions à votre banque pour débiter votre compte, et votre banque à débiter votre compte conformément aux instructions de ${c.creancierNom}, pour le paiement de vos factures des services périscolaires (prélèvement récurrent).`,
    "Vous bénéficiez du droit d'être remboursé par votre banque selon les conditions décrites dans la convention que vous avez passée avec elle. Une demande de remboursement doit être présentée dans les 8 semaines suivant la date de débit de votre compte pour un prélèvement autorisé, et au plus tard dans les 13 mois en cas de prélèvement non autorisé.",
    `Chaque facture vous indique le montant et la date du prélèvement au moins ${c.delaiPrenotificationJours} jours avant celui-ci. Le prélèvement a lieu le ${c.jourPrelevement} du mois (ou le jour ouvré suivant).`,
    "Vous pouvez révoquer ce mandat à tout moment dans votre espace, rubrique « Mes factures » : les prélèvements qui n'ont pas encore été transmis à la banque sont alors annulés. Sans prélèvement pendant 36 mois, le mandat devient caduc.",
    "Vos droits concernant ce mandat sont expliqués dans un document que vous pouvez obtenir auprès de votre banque.",
  ];
}

/** The mandate's parties, as labelled lines. */
export function partiesMandat(c: ContenuMandat): [string, string][] {
  return [
    ["Créancier", c.creancierNom],
    ["Adresse du créancier", c.creancierAdresse],
    ["Identifiant créancier SEPA (ICS)", c.ics],
    ["Référence unique du mandat (RUM)", c.rum],
    ["Débiteur", c.debiteurNom],
    ["Adresse du débiteur", c.debiteurAdresse],
    ...(c.titulaire ? ([["Titulaire du compte", c.titulaire]] as [string, string][]) : []),
    ...(c.iban ? ([["IBAN du compte à débiter", c.iban]] as [string, string][]) : []),
    ["Type de paiement", "Paiement récurrent"],
  ];
}
