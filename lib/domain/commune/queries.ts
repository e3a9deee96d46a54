// The commune's documents (CGU, règlement intérieur); its settings are read from lib/commune.ts.
import { db, type Tx } from "@/lib/db";
import type { Commune, DocumentType, DocumentVersion } from "@/lib/generated/prisma/client";
import { de } from "@/lib/texte/elision";

export async function currentCgu(client: Tx = db()): Promise<DocumentVersion> {
  const cgu = await currentDocument("CGU", client);
  if (!cgu) throw new Error("Aucune version des CGU n'est publiée : lancez `npm run db:seed`.");
  return cgu;
}

/** The latest version of a document, or null before the first is published. */
export function currentDocument(type: DocumentType, client: Tx = db()): Promise<DocumentVersion | null> {
  return client.documentVersion.findFirst({ where: { type }, orderBy: { version: "desc" } });
}

/**
 * Every version of each document, newest first, with how many spaces accepted it. Only the CGU are accepted
 * (at the creation of a space, Usager.cguVersion); the règlement intérieur has no acceptance recorded yet.
 */
export async function versionsDesDocuments() {
  const [versions, acceptations] = await Promise.all([
    db().documentVersion.findMany({ orderBy: [{ type: "asc" }, { version: "desc" }] }),
    db().usager.groupBy({ by: ["cguVersion"], _count: { _all: true } }),
  ]);
  const parVersion = new Map(acceptations.map((a) => [a.cguVersion, a._count._all]));
  const auteurs = await db().agent.findMany({
    where: { id: { in: versions.flatMap((v) => (v.publieParId ? [v.publieParId] : [])) } },
    select: { id: true, prenom: true, nom: true },
  });
  const auteur = new Map(auteurs.map((a) => [a.id, `${a.prenom} ${a.nom.toUpperCase()}`]));
  return versions.map((v) => ({
    ...v,
    publiePar: v.publieParId ? (auteur.get(v.publieParId) ?? null) : null,
    acceptations: v.type === "CGU" ? (parVersion.get(v.version) ?? 0) : null,
  }));
}

/** A document's text with the commune's name put in place of {commune}. */
export function withCommune(text: string, commune: Pick<Commune, "nom">): string {
  return text.replaceAll("de {commune}", de(commune.nom)).replaceAll("{commune}", commune.nom);
}
