// CSV files that open cleanly in a French Excel: UTF-8 with a BOM (without it Excel reads the accents as
// Windows-1252), ";" between cells (Excel's list separator in a French locale), dates as JJ/MM/AAAA. A cell that
// starts with =, +, - or @ (or a tab or CR, which Excel strips before looking) would be run as a formula when
// the file is opened ("CSV injection"): it is prefixed with an apostrophe, which Excel shows as text. A plain
// negative amount ("-1,50", a régularisation's credit) is a number, not a formula: it stays a number.
import { stringify } from "csv-stringify/sync";
import { formatParis } from "@/lib/temps/dates";

const BOM = "\uFEFF";
const FORMULE = /^[=+\-@\t\r]/;
const NOMBRE_NEGATIF = /^-\d+(?:[.,]\d+)?$/;

export type Cellule = string | number | Date | null | undefined;

/** A cell as Excel must read it: a date as JJ/MM/AAAA (Paris), a formula-looking text neutralised. */
export function celluleCsv(valeur: Cellule): string {
  if (valeur === null || valeur === undefined) return "";
  if (valeur instanceof Date) return formatParis(valeur, "dd/MM/yyyy");
  const texte = String(valeur);
  return FORMULE.test(texte) && !NOMBRE_NEGATIF.test(texte) ? `'${texte}` : texte;
}

/** The whole file: the header row, then one row per line, CRLF line ends, BOM first. */
export function csvExcel(entetes: string[], lignes: Cellule[][]): string {
  return (
    BOM +
    stringify([entetes, ...lignes.map((ligne) => ligne.map(celluleCsv))], {
      delimiter: ";",
      record_delimiter: "\r\n",
      quoted_match: /[;"\r\n]/,
    })
  );
}

/** The download response of a CSV file (never cached: exports hold personal data). */
export function reponseCsv(nomFichier: string, contenu: string): Response {
  return new Response(contenu, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${nomFichier}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
