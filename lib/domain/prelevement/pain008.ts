// The SEPA Core direct debit initiation file, ISO 20022 pain.008.001.02, as the commune's bank takes it: a group
// header, then one PmtInf per sequence (FRST, RCUR…) and collection date, each with its debits. Pure: the caller
// reads the run and decrypts the debtors' IBANs (pain008-fichier.ts); amounts are integer cents until written
// here as "48.45". Every text is restricted to the SEPA character set and escaped.

export type DebitPain008 = {
  endToEndId: string;
  montantCentimes: number;
  sequence: string;
  /** YYYY-MM-DD */
  datePrelevement: string;
  rum: string;
  /** the mandate's signature day, YYYY-MM-DD */
  signeLe: string;
  /** the debtor's account changed since the last debit presented (an amendment): the old one's details */
  amendement: { ancienIban: string; autreBanque: boolean } | null;
  bic: string | null;
  titulaire: string;
  iban: string;
  libelle: string;
};

export type Pain008 = {
  msgId: string;
  creeLe: Date;
  creancier: { nom: string; ics: string; iban: string; bic: string };
  debits: DebitPain008[];
};

export const NAMESPACE_PAIN008 = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

/** A text in the SEPA character set (a-z A-Z 0-9 / - ? : ( ) . , ' + space): accents dropped, the rest spaced. */
export function texteSepa(texte: string, max: number): string {
  const translittere = texte
    .replace(/[œŒ]/g, (c) => (c === "œ" ? "oe" : "OE"))
    .replace(/[æÆ]/g, (c) => (c === "æ" ? "ae" : "AE"))
    .replace(/ß/g, "ss")
    .replace(/[’‘]/g, "'")
    .replace(/&/g, "+")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
  return translittere === "" ? "NOTPROVIDED" : translittere;
}

const echapper = (texte: string) =>
  texte
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "&apos;")
    .replace(/"/g, "&quot;");

/** 4845 → "48.45" */
export const montantSepa = (centimes: number) =>
  `${Math.trunc(centimes / 100)}.${String(centimes % 100).padStart(2, "0")}`;

const t = (nom: string, valeur: string) => `<${nom}>${echapper(valeur)}</${nom}>`;

function transaction(d: DebitPain008): string {
  const amendement = d.amendement
    ? `<AmdmntInd>true</AmdmntInd><AmdmntInfDtls>${
        d.amendement.autreBanque
          ? "<OrgnlDbtrAgt><FinInstnId><Othr><Id>SMNDA</Id></Othr></FinInstnId></OrgnlDbtrAgt>"
          : `<OrgnlDbtrAcct><Id>${t("IBAN", d.amendement.ancienIban)}</Id></OrgnlDbtrAcct>`
      }</AmdmntInfDtls>`
    : "<AmdmntInd>false</AmdmntInd>";
  const agent = d.bic ? t("BIC", d.bic) : "<Othr><Id>NOTPROVIDED</Id></Othr>";
  return (
    `<DrctDbtTxInf><PmtId>${t("EndToEndId", d.endToEndId)}</PmtId>` +
    `<InstdAmt Ccy="EUR">${montantSepa(d.montantCentimes)}</InstdAmt>` +
    `<DrctDbtTx><MndtRltdInf>${t("MndtId", texteSepa(d.rum, 35))}${t("DtOfSgntr", d.signeLe)}${amendement}` +
    `</MndtRltdInf></DrctDbtTx>` +
    `<DbtrAgt><FinInstnId>${agent}</FinInstnId></DbtrAgt>` +
    `<Dbtr>${t("Nm", texteSepa(d.titulaire, 70))}</Dbtr>` +
    `<DbtrAcct><Id>${t("IBAN", d.iban)}</Id></DbtrAcct>` +
    `<RmtInf>${t("Ustrd", texteSepa(d.libelle, 140))}</RmtInf></DrctDbtTxInf>`
  );
}

const somme = (debits: DebitPain008[]) => debits.reduce((s, d) => s + d.montantCentimes, 0);

/** "2026-12-07T05:44:38" (ISODateTime, the instant in UTC without its milliseconds) */
const horodatage = (instant: Date) => instant.toISOString().slice(0, 19);

/** The whole file, UTF-8. */
export function pain008(fichier: Pain008): string {
  const { creancier } = fichier;
  const groupes = new Map<string, DebitPain008[]>();
  for (const d of fichier.debits) {
    const cle = `${d.sequence} ${d.datePrelevement}`;
    groupes.set(cle, [...(groupes.get(cle) ?? []), d]);
  }
  const nomCreancier = texteSepa(creancier.nom, 70);
  const lots = [...groupes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cle, debits], i) => {
      const [sequence, date] = cle.split(" ") as [string, string];
      return (
        `<PmtInf>${t("PmtInfId", `${fichier.msgId.slice(0, 30)}-${String(i + 1).padStart(3, "0")}`)}` +
        `<PmtMtd>DD</PmtMtd><BtchBookg>true</BtchBookg>` +
        `<NbOfTxs>${debits.length}</NbOfTxs><CtrlSum>${montantSepa(somme(debits))}</CtrlSum>` +
        `<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>CORE</Cd></LclInstrm>${t("SeqTp", sequence)}</PmtTpInf>` +
        `${t("ReqdColltnDt", date)}<Cdtr>${t("Nm", nomCreancier)}</Cdtr>` +
        `<CdtrAcct><Id>${t("IBAN", creancier.iban)}</Id></CdtrAcct>` +
        `<CdtrAgt><FinInstnId>${t("BIC", creancier.bic)}</FinInstnId></CdtrAgt><ChrgBr>SLEV</ChrgBr>` +
        `<CdtrSchmeId><Id><PrvtId><Othr>${t("Id", creancier.ics)}` +
        `<SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></CdtrSchmeId>` +
        debits.map(transaction).join("") +
        `</PmtInf>`
      );
    });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Document xmlns="${NAMESPACE_PAIN008}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<CstmrDrctDbtInitn><GrpHdr>${t("MsgId", fichier.msgId)}${t("CreDtTm", horodatage(fichier.creeLe))}` +
    `<NbOfTxs>${fichier.debits.length}</NbOfTxs><CtrlSum>${montantSepa(somme(fichier.debits))}</CtrlSum>` +
    `<InitgPty>${t("Nm", nomCreancier)}</InitgPty></GrpHdr>` +
    lots.join("") +
    `</CstmrDrctDbtInitn></Document>\n`
  );
}
