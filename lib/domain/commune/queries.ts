// The commune's settings and its current documents.
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import type { Commune, DocumentType, DocumentVersion } from "@/lib/generated/prisma/client";

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

/**
 * Drops this node's copy after the Paramétrage saved the commune, so the admin sees the change at once. Other
 * nodes behind the load balancer are not told: they read the database again within COMMUNE_TTL_MS (30 s).
 */
export function oublierCommune(): void {
  kept = undefined;
}

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
  return text.replaceAll("{commune}", commune.nom);
}
