// The commune's settings and its current documents.
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import type { Commune, DocumentVersion } from "@/lib/generated/prisma/client";

export const getCommune = cache(async (): Promise<Commune> => {
  const commune = await db().commune.findUnique({ where: { id: 1 } });
  if (!commune) throw new Error("La commune n'est pas paramétrée : lancez `npm run db:seed`.");
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
