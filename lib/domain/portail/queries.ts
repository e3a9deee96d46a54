// What the public pages and the console read of the portal's pages.
import { db } from "@/lib/db";
import type { DocumentUtile, InfosPratiques } from "@/lib/generated/prisma/client";

const ID = /^[0-9a-f-]{36}$/;

export function actualitesPubliees() {
  return db().actualite.findMany({ where: { publieeLe: { not: null } }, orderBy: { publieeLe: "desc" }, take: 50 });
}

/** The console's list: brouillons first (still to publish), then the published ones, newest first. */
export function toutesLesActualites() {
  return db().actualite.findMany({
    orderBy: [{ publieeLe: { sort: "desc", nulls: "first" } }, { creeeLe: "desc" }],
    take: 100,
  });
}

export function actualite(id: string) {
  return ID.test(id) ? db().actualite.findUnique({ where: { id } }) : Promise.resolve(null);
}

export function documentsUtiles(): Promise<DocumentUtile[]> {
  return db().documentUtile.findMany({ orderBy: [{ categorie: "asc" }, { publieLe: "desc" }] });
}

/** A document utile for the download route, or null for an unknown (or malformed) id. */
export function documentUtile(id: string): Promise<DocumentUtile | null> {
  return ID.test(id) ? db().documentUtile.findUnique({ where: { id } }) : Promise.resolve(null);
}

export async function infosPratiques(): Promise<Pick<InfosPratiques, "horaires" | "adresse" | "contacts">> {
  return (await db().infosPratiques.findUnique({ where: { id: 1 } })) ?? { horaires: "", adresse: "", contacts: "" };
}

/** The school years, the coming ones first, with whether parents may ask for inscriptions. */
export function anneesScolaires() {
  return db().anneeScolaire.findMany({
    orderBy: { dateDebut: "desc" },
    select: { id: true, libelle: true, inscriptionsOuvertes: true },
  });
}
