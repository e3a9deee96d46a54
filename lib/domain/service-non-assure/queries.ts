import { db } from "@/lib/db";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { jourDeDate, jourParis } from "@/lib/temps/jours";
import { sansPointFinal } from "@/lib/texte/point-final";

/**
 * The declarations of the console's page, newest first, with what each touched: one per declaration, its
 * activities and lieux together (`id`: its first row, whose undo undoes it whole).
 */
export async function servicesNonAssures({ now }: { now: Date }) {
  const liste = await db().serviceNonAssure.findMany({
    orderBy: [{ creeLe: "desc" }, { activiteId: "asc" }, { lieuId: "asc" }],
    take: 100,
    include: {
      lieu: { select: { nom: true } },
      activite: { select: { libelle: true } },
      agent: { select: { prenom: true, nom: true } },
      _count: { select: { reservations: true } },
    },
  });
  const parDeclaration = new Map<string, typeof liste>();
  for (const s of liste) {
    const cle = s.declarationId ?? s.id;
    parDeclaration.set(cle, [...(parDeclaration.get(cle) ?? []), s]);
  }
  const aujourdhui = jourParis(now);
  return [...parDeclaration.values()].slice(0, 50).map((lignes) => {
    const s = lignes[0]!;
    return {
      id: s.id,
      services: lignes.map((l) => `${sansPointFinal(l.activite.libelle)}, ${l.lieu.nom}`),
      debut: jourDeDate(s.debut),
      fin: jourDeDate(s.fin),
      motif: MOTIFS_NON_ASSURE[s.motif].libelle,
      agent: s.agent ? `${s.agent.prenom} ${s.agent.nom}` : null,
      creeLe: s.creeLe,
      annuleLe: s.annuleLe,
      reservations: lignes.reduce((n, l) => n + l._count.reservations, 0),
      annulable: !s.annuleLe && jourParis(s.creeLe) === aujourdhui,
    };
  });
}

/** The activities and their lieux, for the console's form. */
export function activitesEtLieux() {
  return db().activite.findMany({
    orderBy: { ordre: "asc" },
    select: { id: true, libelle: true, lieux: { orderBy: { ordre: "asc" }, select: { id: true, nom: true } } },
  });
}
