// The commune's settings and its current documents.
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import type { Commune, DocumentVersion } from "@/lib/generated/prisma/client";

// Every page shows the commune's name, and it changes a few times a year: each node keeps it 30 s rather
// than asking the database on every request (measured by npm run bench). When the console edits it, the
// editing node must drop this copy; other nodes follow within 30 s.
const COMMUNE_TTL_MS = 30_000;
let kept: { commune: Commune; at: number } | undefined;

export const getCommune = cache(async (): Promise<Commune> => {
  if (kept && Date.now() - kept.at < COMMUNE_TTL_MS) return kept.commune;
  const commune = await db().commune.findUnique({ where: { id: 1 } });
  if (!commune) throw new Error("La commune n'est pas paramétrée : lancez `npm run db:seed`.");
  kept = { commune, at: Date.now() };
  return commune;
});


export async function currentCgu(client: Tx = db()): Promise<DocumentVersion> {
  const cgu = await client.documentVersion.findFirst({ where: { type: "CGU" }, orderBy: { version: "desc" } });
  if (!cgu) throw new Error("Aucune version des CGU n'est publiée : lancez `npm run db:seed`.");
  return cgu;
}

/** A document's text with the commune's name put in place of {commune}. */
export function withCommune(text: string, commune: Pick<Commune, "nom">): string {
  return text.replaceAll("{commune}", commune.nom);
}
