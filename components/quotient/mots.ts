// How a QF is said, on the parent's page and in the console: its source, and the month the CAF or the MSA
// computed it for (« CAF, calculé pour décembre 2026 », « saisi par le service Enfance »).
import { jourDeDate, MOIS } from "@/lib/temps/jours";

type Quotient = { source: "CAF" | "MSA" | "AGENT"; annee: number | null; mois: number | null };

export function sourceDuQuotient(q: Quotient): string {
  if (q.source === "AGENT") return "saisi par le service Enfance";
  const mois = q.annee && q.mois ? `, calculé pour ${MOIS[q.mois - 1]} ${q.annee}` : "";
  return `${q.source}${mois}`;
}

/** « 1er décembre 2026 » */
export function dateEnLettres(date: Date): string {
  const [annee, mois, jour] = jourDeDate(date).split("-").map(Number);
  return `${jour === 1 ? "1er" : jour} ${MOIS[mois! - 1]} ${annee}`;
}
