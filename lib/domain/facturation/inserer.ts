// Many rows in one statement, each column sent as one array (INSERT … SELECT FROM unnest): a month's thousands of
// invoice lines cost one round trip and almost nothing to build, where createMany spends seconds preparing them.
// Table and column names come from the code, never from input.
import type { Tx } from "@/lib/db";

type TypeColonne = "text" | "int" | "date" | "boolean" | "timestamp" | '"StatutReservation"';

export async function inserer<L extends Record<string, unknown>>(
  tx: Pick<Tx, "$executeRawUnsafe">,
  table: string,
  colonnes: Record<string, TypeColonne>,
  lignes: L[],
  { ignorerDoublons = false }: { ignorerDoublons?: boolean } = {},
): Promise<void> {
  if (lignes.length === 0) return;
  const noms = Object.keys(colonnes);
  const sql =
    `INSERT INTO "${table}" (${noms.map((n) => `"${n}"`).join(", ")}) ` +
    `SELECT * FROM unnest(${noms.map((n, i) => `$${i + 1}::${colonnes[n]}[]`).join(", ")})` +
    (ignorerDoublons ? " ON CONFLICT DO NOTHING" : "");
  await tx.$executeRawUnsafe(sql, ...noms.map((n) => lignes.map((l) => l[n] ?? null)));
}
