import { db } from "@/lib/db";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { jourDeDate, jourParis } from "@/lib/temps/jours";

/** The declarations of the console's page, newest first, with what each touched. */
export async function servicesNonAssures({ now }: { now: Date }) {
  const liste = await db().serviceNonAssure.findMany({
    orderBy: { creeLe: "desc" },
    take: 50,
    include: {
      lieu: { select: { nom: true } },
      activite: { select: { libelle: true } },
      agent: { select: { prenom: true, nom: true } },
      _count: { select: { reservations: true } },
    },
  });
  const aujourdhui = jourParis(now);
  return liste.map((s) => ({
    id: s.id,
    activite: s.activite.libelle,
    lieu: s.lieu.nom,
    debut: jourDeDate(s.debut),
    fin: jourDeDate(s.fin),
    motif: MOTIFS_NON_ASSURE[s.motif].libelle,
    agent: s.agent ? `${s.agent.prenom} ${s.agent.nom}` : null,
    creeLe: s.creeLe,
    annuleLe: s.annuleLe,
    reservations: s._count.reservations,
    annulable: !s.annuleLe && jourParis(s.creeLe) === aujourdhui,
  }));
}

/** The activities and their lieux, for the console's form. */
export function activitesEtLieux() {
  return db().activite.findMany({
    orderBy: { ordre: "asc" },
    select: { id: true, libelle: true, lieux: { orderBy: { ordre: "asc" }, select: { id: true, nom: true } } },
  });
}
