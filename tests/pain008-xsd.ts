// Every pain.008 the tests and the bench make goes through here: validated against the ISO 20022 schema
// (tests/fixtures/normes/pain.008.001.02.xsd) by libxml2 (xmllint-wasm), then parsed so a test reads its values.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";

/** What the tests read of a parsed element. */
type Element = { getElementsByTagName(nom: string): ArrayLike<Element>; textContent: string | null };
import { validateXML } from "xmllint-wasm";

// from the repository's root, where vitest, Playwright and the bench all run (no import.meta: Playwright's
// transform makes CommonJS)
const XSD = readFileSync(path.resolve(process.cwd(), "tests/fixtures/normes/pain.008.001.02.xsd"), "utf8");

/** The schema's verdict on a file: its errors as libxml2 words them (none when valid). */
export async function erreursPain008(xml: string): Promise<string[]> {
  const resultat = await validateXML({
    xml: [{ fileName: "pain008.xml", contents: xml }],
    schema: [{ fileName: "pain.008.001.02.xsd", contents: XSD }],
  });
  return resultat.valid ? [] : resultat.errors.map((e) => e.rawMessage);
}

/** A file checked against the schema (throws with libxml2's errors otherwise), then parsed. */
export async function pain008Valide(xml: string) {
  const erreurs = await erreursPain008(xml);
  if (erreurs.length > 0) throw new Error(`pain.008 invalide :\n${erreurs.join("\n")}`);
  const racine = new DOMParser().parseFromString(xml, "text/xml").documentElement as unknown as Element;
  const tous = (parent: Element, nom: string) => Array.from(parent.getElementsByTagName(nom));
  const texte = (parent: Element, nom: string) => tous(parent, nom)[0]?.textContent ?? null;
  const groupe = tous(racine, "GrpHdr")[0]!;
  return {
    nbOfTxs: Number(texte(groupe, "NbOfTxs")),
    ctrlSum: texte(groupe, "CtrlSum"),
    msgId: texte(groupe, "MsgId"),
    lots: tous(racine, "PmtInf").map((lot) => ({
      sequence: texte(lot, "SeqTp"),
      date: texte(lot, "ReqdColltnDt"),
      nbOfTxs: Number(texte(lot, "NbOfTxs")),
      ctrlSum: texte(lot, "CtrlSum"),
      ics: texte(tous(tous(lot, "CdtrSchmeId")[0]!, "Othr")[0]!, "Id"),
      debits: tous(lot, "DrctDbtTxInf").map((d) => ({
        endToEndId: texte(d, "EndToEndId"),
        montant: texte(d, "InstdAmt"),
        rum: texte(d, "MndtId"),
        signeLe: texte(d, "DtOfSgntr"),
        amendement: texte(d, "AmdmntInd"),
        nom: texte(tous(d, "Dbtr")[0]!, "Nm"),
        iban: texte(tous(d, "DbtrAcct")[0]!, "IBAN"),
        bic: texte(tous(d, "DbtrAgt")[0]!, "BIC"),
        libelle: texte(d, "Ustrd"),
      })),
    })),
  };
}
