// The bank's list of rejected debits as a CSV (one line per debit: the RUM or the EndToEndId, the reason code,
// optionally the day of the reject), as a spreadsheet saves it (";" or "," between fields, a header line or not).
// Each good line is a reject of its own (rejet.ts, one transaction each); a line in error is listed with its
// number and reason and changes nothing.
import "server-only";
import { AppError } from "@/lib/errors";
import { rejeterPrelevement } from "@/lib/domain/prelevement/rejet";
import { CODE_REJET } from "@/lib/domain/prelevement/codes-rejet";

export type LigneRejet = { ligne: number; reference: string; code: string; date?: string };
export type ErreurLigne = { ligne: number; message: string };

/** "12/12/2026" or "2026-12-12" → "2026-12-12"; anything else stays as typed (refused later). */
const jourSaisi = (texte: string) => {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(texte);
  return fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : texte;
};

/** The CSV's lines, each with its number in the file; the header and blank lines are skipped. */
export function lireCsvRejets(texte: string): { lignes: LigneRejet[]; erreurs: ErreurLigne[] } {
  const lignes: LigneRejet[] = [];
  const erreurs: ErreurLigne[] = [];
  texte
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((brute, i) => {
      const numero = i + 1;
      if (brute.trim() === "") return;
      const champs = brute.split(/[;,\t]/).map((c) =>
        c
          .trim()
          .replace(/^"(.*)"$/, "$1")
          .trim(),
      );
      const [reference = "", code = "", date = ""] = champs;
      // the header: a first line without any digit (a reference always has some)
      if (numero === 1 && !/\d/.test(brute)) return;
      if (!reference) return void erreurs.push({ ligne: numero, message: "La référence (RUM ou identifiant) manque." });
      if (!CODE_REJET.test(code.toUpperCase())) {
        return void erreurs.push({ ligne: numero, message: `Code de rejet invalide : « ${code} ».` });
      }
      lignes.push({ ligne: numero, reference, code: code.toUpperCase(), ...(date ? { date: jourSaisi(date) } : {}) });
    });
  return { lignes, erreurs };
}

/** Applies the good lines; returns how many were rejected and the lines in error, in file order. */
export async function importerRejets({ agentId, csv, now }: { agentId: string; csv: string; now: Date }) {
  const { lignes, erreurs } = lireCsvRejets(csv);
  if (lignes.length === 0 && erreurs.length === 0) {
    throw new AppError("csv", "Le fichier ne contient aucune ligne de rejet.", "csv");
  }
  let appliques = 0;
  for (const l of lignes) {
    try {
      await rejeterPrelevement({ agentId, reference: l.reference, code: l.code, date: l.date, now });
      appliques += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      erreurs.push({ ligne: l.ligne, message: error.message });
    }
  }
  return { appliques, erreurs: erreurs.sort((a, b) => a.ligne - b.ligne) };
}
