// « Attribuer les places » of a booking window, at its close: ONE transaction. The window moves COLLECTE →
// ATTRIBUEE through its gate (its row lock: a second run, by the job on another node or an agent's click, finds it
// allocated and stops); every request of its units and period is read at once; per unit, the children who asked
// are ranked by their points (criteres.ts) then by the seeded draw (tirage.ts); in rank order each requested day
// is booked while the day has a place (its capacity minus the places booked or offered), else the child goes on
// that day's waiting list at its rank. The ranking is journaled (ClassementFenetre), and each family is mailed its
// result with the reason. Set-based: a few statements whatever the number of families and days (2,500 families ×
// 92 days allocate in seconds), the moves of many rows in one UPDATE each (franchir.ts).
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { franchirFenetre } from "@/lib/domain/fenetre/transitions";
import { lireDonneesCriteres, pointsDe } from "@/lib/domain/fenetre/criteres";
import { classer, tirage } from "@/lib/domain/fenetre/tirage";
import { envoyerResultats } from "@/lib/domain/fenetre/resultats";
import { messageOuverture } from "@/lib/domain/fenetre/regles-fenetre";
import { franchir } from "@/lib/domain/reservation/franchir";
import type { CriterePriorite } from "@/lib/generated/prisma/enums";

export type ActeurFenetre = { kind: "SYSTEME" } | { kind: "AGENT"; agentId: string };

export type BilanAttribution = { candidats: number; joursAttribues: number; joursEnAttente: number };

type Demande = { id: string; enfantId: string; familleId: string; uniteId: number; jourId: number; date: Date };

/** A ranked child of a unit: the journal's row, and its requests in date order. */
export type Classe = {
  uniteId: number;
  enfantId: string;
  familleId: string;
  points: number;
  criteres: CriterePriorite[];
  tirage: string;
  rang: number;
  demandes: Demande[];
  attribues: Demande[];
  enAttente: Demande[];
};

export async function attribuerFenetre({
  fenetreId,
  acteur,
  now,
}: {
  fenetreId: number;
  acteur: ActeurFenetre;
  now: Date;
}): Promise<BilanAttribution> {
  return db().$transaction(
    async (tx) => {
      const fenetre = await tx.fenetreReservation.findUnique({
        where: { id: fenetreId },
        include: { unites: true, criteres: { orderBy: [{ ordre: "asc" }, { id: "asc" }] } },
      });
      if (!fenetre) throw new AppError("introuvable", "Cette période de réservation n'existe pas.");
      if (now < fenetre.fermeture && fenetre.statut === "COLLECTE")
        throw new AppError("etat", `Les demandes sont encore ouvertes : ${messageOuverture(fenetre)}`);
      await franchirFenetre(tx, {
        fenetreId,
        transition: "attribuer",
        acteur: acteur.kind,
        acteurId: acteur.kind === "AGENT" ? acteur.agentId : null,
        now,
      });
      const uniteIds = fenetre.unites.map((u) => u.uniteId).sort((a, b) => a - b);
      // every day of the window with a capacity, locked in id order as the saves lock them: no request can be
      // added or withdrawn meanwhile, nor a place taken
      const jours = await tx.$queryRaw<{ id: number; capacite: number; prises: number }[]>`
        WITH verrou AS (
          SELECT id, capacite FROM "JourOuverture"
          WHERE "uniteId" = ANY(${uniteIds}) AND date BETWEEN ${fenetre.debut}::date AND ${fenetre.fin}::date
            AND capacite IS NOT NULL
          ORDER BY id FOR UPDATE)
        SELECT v.id, v.capacite,
          (SELECT count(*) FROM "Reservation" r
            WHERE r."jourId" = v.id AND r.statut IN ('RESERVEE', 'PROPOSEE'))::int AS prises
        FROM verrou v`;
      const places = new Map(jours.map((j) => [j.id, j.capacite - j.prises]));
      const demandes = await tx.$queryRaw<Demande[]>`
        SELECT id, "enfantId", "familleId", "uniteId", "jourId", date FROM "Reservation"
        WHERE "uniteId" = ANY(${uniteIds}) AND date BETWEEN ${fenetre.debut}::date AND ${fenetre.fin}::date
          AND statut = 'DEMANDEE'
        ORDER BY "uniteId", "enfantId", date`;
      const familles = [...new Set(demandes.map((d) => d.familleId))];
      const donnees = await lireDonneesCriteres(tx, { uniteIds, debut: fenetre.debut, fin: fenetre.fin, familles });
      const classes = classerEtAttribuer(demandes, places, (candidat) => ({
        ...pointsDe(candidat, fenetre.criteres, donnees),
        tirage: tirage(fenetre.graine, candidat.uniteId, candidat.enfantId),
      }));
      await ecrireAttribution(tx, { fenetreId, classes, now });
      await envoyerResultats(tx, { fenetre, classes });
      return {
        candidats: classes.length,
        joursAttribues: classes.reduce((s, c) => s + c.attribues.length, 0),
        joursEnAttente: classes.reduce((s, c) => s + c.enAttente.length, 0),
      };
    },
    { timeout: 120_000 },
  );
}

/**
 * Pure: per unit, the children who asked ranked (points desc, then the draw), then in rank order each day asked
 * gets a place while the day has one, else its waiting list. `places` is consumed as the places are given.
 */
export function classerEtAttribuer(
  demandes: readonly Demande[],
  places: Map<number, number>,
  evaluer: (c: { uniteId: number; enfantId: string; familleId: string }) => {
    points: number;
    criteres: CriterePriorite[];
    tirage: string;
  },
): Classe[] {
  const parCandidat = new Map<string, Demande[]>();
  for (const d of demandes) {
    const cle = `${d.uniteId}|${d.enfantId}`;
    parCandidat.set(cle, [...(parCandidat.get(cle) ?? []), d]);
  }
  const parUnite = new Map<number, Omit<Classe, "rang">[]>();
  for (const liste of parCandidat.values()) {
    const { uniteId, enfantId } = liste[0]!;
    // a child of two households (garde alternée) is ranked once, under the household of its first request
    const familleId = [...liste].sort((a, b) => a.date.getTime() - b.date.getTime())[0]!.familleId;
    const candidat = { uniteId, enfantId, familleId };
    const ceux = parUnite.get(uniteId) ?? [];
    ceux.push({
      ...candidat,
      ...evaluer(candidat),
      demandes: [...liste].sort((a, b) => a.date.getTime() - b.date.getTime()),
      attribues: [],
      enAttente: [],
    });
    parUnite.set(uniteId, ceux);
  }
  const classes: Classe[] = [];
  for (const uniteId of [...parUnite.keys()].sort((a, b) => a - b)) {
    for (const c of classer(parUnite.get(uniteId)!)) {
      for (const d of c.demandes) {
        const libres = places.get(d.jourId) ?? 0;
        if (libres > 0) {
          places.set(d.jourId, libres - 1);
          c.attribues.push(d);
        } else c.enAttente.push(d);
      }
      classes.push(c);
    }
  }
  return classes;
}

/** The moves (one UPDATE each, whatever the count), the waiting ranks, and the journal. */
async function ecrireAttribution(
  tx: Tx,
  { fenetreId, classes, now }: { fenetreId: number; classes: Classe[]; now: Date },
) {
  const acteur = { kind: "SYSTEME" } as const;
  const attribues = classes.flatMap((c) => c.attribues.map((d) => d.id));
  const enAttente = classes.flatMap((c) => c.enAttente.map((d) => ({ id: d.id, rang: c.rang })));
  const motif = "attribution des places";
  const deplaces = [
    ...(await franchir(tx, { ids: attribues, transition: "attribuer", acteur, motif, now })),
    ...(await franchir(tx, {
      ids: enAttente.map((a) => a.id),
      transition: "mettreEnAttenteFenetre",
      acteur,
      motif,
      now,
    })),
  ];
  // every request was read under the days' locks: one not moved means the data changed under us
  if (deplaces.length !== attribues.length + enAttente.length)
    throw new AppError("etat", "Des demandes ont changé pendant l'attribution : recommencez.");
  if (enAttente.length > 0)
    await tx.$executeRaw`
      UPDATE "Reservation" r SET rang = v.rang
      FROM unnest(${enAttente.map((a) => a.id)}::text[], ${enAttente.map((a) => a.rang)}::int[]) AS v(id, rang)
      WHERE r.id = v.id`;
  await tx.classementFenetre.createMany({
    data: classes.map((c) => ({
      fenetreId,
      uniteId: c.uniteId,
      enfantId: c.enfantId,
      familleId: c.familleId,
      points: c.points,
      criteres: c.criteres,
      tirage: c.tirage,
      rang: c.rang,
      joursDemandes: c.demandes.length,
      joursAttribues: c.attribues.length,
      joursEnAttente: c.enAttente.length,
      createdAt: now,
    })),
  });
}
