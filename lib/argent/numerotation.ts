// Gap-free numbers per series and year: the counter row is incremented inside the transaction that writes the
// documents, so its row lock orders concurrent writers and a rollback gives the numbers back.
import type { Tx } from "@/lib/db";

export const SERIE_FACTURE = "FA";
export const SERIE_AVOIR = "AV";

/** Reserves `n` consecutive numbers; returns the first. */
export async function reserverNumeros(tx: Tx, serie: string, annee: number, n: number): Promise<number> {
  const [ligne] = await tx.$queryRaw<{ valeur: number }[]>`
    INSERT INTO "CompteurNumero" (serie, annee, valeur) VALUES (${serie}, ${annee}, ${n})
    ON CONFLICT (serie, annee) DO UPDATE SET valeur = "CompteurNumero".valeur + EXCLUDED.valeur
    RETURNING valeur`;
  return ligne!.valeur - n + 1;
}

/** "FA-2026-000042" */
export const formaterNumero = (serie: string, annee: number, sequence: number) =>
  `${serie}-${annee}-${String(sequence).padStart(6, "0")}`;

export const NUMERO = /^(FA|AV)-\d{4}-\d{6}$/;
