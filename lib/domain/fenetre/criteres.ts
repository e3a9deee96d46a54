// The priorities a commune publishes for a booking window, each one a rule on data the portal already holds,
// evaluated for every candidate in one pass over data read once (lireDonneesCriteres: three queries whatever the
// number of families). A child's points are the sum of the points of the window's criteria it meets.
import type { Tx } from "@/lib/db";
import type { CriterePriorite } from "@/lib/generated/prisma/enums";

/** The words a family reads in its result (« priorité : frère ou sœur inscrit (30 points) »). */
export const LIBELLES_CRITERE: Record<CriterePriorite, string> = {
  FRATRIE: "frère ou sœur inscrit",
  PARENTS_TRAVAILLENT: "parents qui travaillent",
  RESIDENT_COMMUNE: "résident de la commune",
};

export type DonneesCriteres = {
  commune: string;
  /** per family, its children who asked this window or are booked on its days (any of its units) */
  enfants: Map<string, Set<string>>;
  /** per family, its representants with parental authority */
  parents: Map<string, { profession: string | null; employeur: string | null }[]>;
  /** per family, the town of its titulaire's address */
  ville: Map<string, string>;
};

type Candidat = { familleId: string; enfantId: string };

/** « Saint-Étienne » and « saint etienne » are the same town: case, accents, hyphens and spaces ignored. */
export const memeVille = (a: string, b: string) => {
  const cle = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  return cle(a) === cle(b);
};

const renseigne = (s: string | null) => (s ?? "").trim() !== "";

/** One rule per criterion, on the data read once. */
export const CRITERES: Record<CriterePriorite, (c: Candidat, d: DonneesCriteres) => boolean> = {
  FRATRIE: (c, d) => [...(d.enfants.get(c.familleId) ?? [])].some((e) => e !== c.enfantId),
  PARENTS_TRAVAILLENT: (c, d) => {
    const parents = d.parents.get(c.familleId) ?? [];
    return parents.length > 0 && parents.every((p) => renseigne(p.profession) || renseigne(p.employeur));
  },
  RESIDENT_COMMUNE: (c, d) => {
    const ville = d.ville.get(c.familleId);
    return ville !== undefined && memeVille(ville, d.commune);
  },
};

/** A candidate's points and the criteria it meets, in the window's published order. */
export function pointsDe(
  candidat: Candidat,
  criteres: readonly { critere: CriterePriorite; points: number }[],
  donnees: DonneesCriteres,
): { points: number; criteres: CriterePriorite[] } {
  const remplis = criteres.filter((c) => CRITERES[c.critere](candidat, donnees));
  return { points: remplis.reduce((s, c) => s + c.points, 0), criteres: remplis.map((c) => c.critere) };
}

/** What the criteria need to know of the families who asked, read in three statements. */
export async function lireDonneesCriteres(
  tx: Tx,
  { uniteIds, debut, fin, familles }: { uniteIds: number[]; debut: Date; fin: Date; familles: string[] },
): Promise<DonneesCriteres> {
  const [commune, fratries, representants] = await Promise.all([
    tx.commune.findUniqueOrThrow({ where: { id: 1 }, select: { nom: true } }),
    tx.$queryRaw<{ familleId: string; enfantId: string }[]>`
      SELECT DISTINCT "familleId", "enfantId" FROM "Reservation"
      WHERE "uniteId" = ANY(${uniteIds}) AND date BETWEEN ${debut}::date AND ${fin}::date
        AND statut IN ('DEMANDEE', 'RESERVEE') AND "familleId" = ANY(${familles}::text[])`,
    tx.representant.findMany({
      where: { familleId: { in: familles } },
      select: {
        familleId: true,
        role: true,
        autoriteParentale: true,
        profession: true,
        employeur: true,
        adresse: { select: { ville: true } },
      },
    }),
  ]);
  const donnees: DonneesCriteres = { commune: commune.nom, enfants: new Map(), parents: new Map(), ville: new Map() };
  for (const f of fratries)
    donnees.enfants.set(f.familleId, (donnees.enfants.get(f.familleId) ?? new Set()).add(f.enfantId));
  for (const r of representants) {
    if (r.autoriteParentale) donnees.parents.set(r.familleId, [...(donnees.parents.get(r.familleId) ?? []), r]);
    if (r.role === "TITULAIRE") donnees.ville.set(r.familleId, r.adresse.ville);
  }
  return donnees;
}
