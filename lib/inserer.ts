// Many rows in one statement, each column sent as one array (INSERT … SELECT FROM unnest): a month's thousands of
// invoice lines cost one round trip and almost nothing to build, where createMany spends seconds preparing them.
// Table and column names come from the code, never from input.
import type { Tx } from "@/lib/db";

export type TypeColonne = "text" | "int" | "date" | "date[]" | "boolean" | "timestamp" | '"StatutReservation"';

export async function inserer<L extends Record<string, unknown>>(
  tx: Pick<Tx, "$executeRawUnsafe">,
  table: string,
  colonnes: Record<string, TypeColonne>,
  lignes: L[],
  { ignorerDoublons = false }: { ignorerDoublons?: boolean } = {},
): Promise<void> {
  if (lignes.length === 0) return;
  const noms = Object.keys(colonnes);
  // unnest() flattens a 2-D array into its elements: a row's list of days travels as one text
  // ("2026-11-02,2026-11-03") and becomes a date[] again in the SELECT
  const liste = (n: string) => colonnes[n] === "date[]";
  const sql =
    `INSERT INTO "${table}" (${noms.map((n) => `"${n}"`).join(", ")}) ` +
    `SELECT ${noms.map((n, i) => (liste(n) ? `string_to_array(c${i}, ',')::date[]` : `c${i}`)).join(", ")} ` +
    `FROM unnest(${noms.map((n, i) => `$${i + 1}::${liste(n) ? "text" : colonnes[n]}[]`).join(", ")}) ` +
    `AS u(${noms.map((_, i) => `c${i}`).join(", ")})` +
    (ignorerDoublons ? " ON CONFLICT DO NOTHING" : "");
  await tx.$executeRawUnsafe(
    sql,
    ...noms.map((n) =>
      lignes.map((l) => (liste(n) ? ((l[n] as string[] | undefined) ?? []).join(",") : (l[n] ?? null))),
    ),
  );
}
