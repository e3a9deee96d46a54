// What the cutoff rules (cloture.ts) read of a family: each active inscription's deadline and opening days in
// the window ahead, and the days each child has something booked on.
import { db } from "@/lib/db";
import { lireDelai } from "@/lib/domain/calendrier/delais";
import { ajouterJours, dateDeJour, jourDeDate, jourParis, type Jour } from "@/lib/temps/jours";
import { HORIZON_JOURS, type Service } from "@/lib/domain/agenda/cloture";

/** The states that count as "something booked" on a day (a cancelled or refused day does not). */
const OCCUPE = { notIn: ["ANNULEE", "REFUSEE"] as ("ANNULEE" | "REFUSEE")[] };

/** The child, when the caller's family books for it (the per-child download), with that family's id. */
export async function enfantDeLaFamilleDuUsager(usagerId: string, enfantId: string) {
  const representant = await db().representant.findFirst({
    where: { usagerId, famille: { enfants: { some: { enfantId } } } },
    select: { familleId: true },
  });
  if (!representant) return null;
  const enfant = await db().enfant.findUnique({ where: { id: enfantId }, select: { prenoms: true } });
  return enfant ? { familleId: representant.familleId, prenoms: enfant.prenoms } : null;
}

/**
 * Each family's services and booked days from today to the horizon, for the families given, in one statement
 * (relationJoins: the families with their inscriptions and bookings); with each booked day, its state and child,
 * for Mon accueil's « Malade ce matin ».
 */
async function lireFamilles(familleIds: string[], now: Date) {
  const du = jourParis(now);
  const periode = { gte: dateDeJour(du), lte: dateDeJour(ajouterJours(du, HORIZON_JOURS)) };
  return db().famille.findMany({
    where: { id: { in: familleIds } },
    select: {
      id: true,
      inscriptions: {
        where: { statut: "ACTIVE" },
        orderBy: [{ enfant: { dateNaissance: "asc" } }, { activite: { ordre: "asc" } }],
        select: {
          enfantId: true,
          lieuId: true,
          unitesSouscrites: true,
          enfant: { select: { prenoms: true } },
          activite: {
            select: {
              libelle: true,
              delaiReservation: true,
              unites: {
                select: { id: true, jours: { where: { date: periode }, select: { date: true, lieuId: true } } },
              },
            },
          },
        },
      },
      reservations: {
        where: { date: periode, statut: OCCUPE },
        select: {
          enfantId: true,
          date: true,
          statut: true,
          enfant: { select: { prenoms: true, dateNaissance: true } },
        },
      },
    },
  });
}

/** One family's services and the days each child has something booked on. */
function servicesDe(famille: Awaited<ReturnType<typeof lireFamilles>>[number]) {
  const services: Service[] = famille.inscriptions.map((i) => {
    const souscrites = i.activite.unites.filter((u) => !i.unitesSouscrites.length || i.unitesSouscrites.includes(u.id));
    const jours = new Set(
      souscrites.flatMap((u) => u.jours.filter((j) => j.lieuId === i.lieuId).map((j) => jourDeDate(j.date))),
    );
    return {
      enfantId: i.enfantId,
      prenom: i.enfant.prenoms,
      activite: i.activite.libelle,
      delai: lireDelai(i.activite.delaiReservation),
      jours: [...jours].sort(),
    };
  });
  const reserves = new Map<string, Set<Jour>>();
  for (const r of famille.reservations) {
    const jours = reserves.get(r.enfantId) ?? new Set<Jour>();
    jours.add(jourDeDate(r.date));
    reserves.set(r.enfantId, jours);
  }
  return { services, reserves };
}

/** Each family's services and booked days from today to the horizon, for the families given. */
export async function servicesDesFamilles(
  familleIds: string[],
  now: Date,
): Promise<Map<string, { services: Service[]; reserves: Map<string, Set<Jour>> }>> {
  const familles = await lireFamilles(familleIds, now);
  const parFamille = new Map(
    familleIds.map((id) => [id, { services: [] as Service[], reserves: new Map<string, Set<Jour>>() }]),
  );
  for (const famille of familles) parFamille.set(famille.id, servicesDe(famille));
  return parFamille;
}

/**
 * Mon accueil's block: the caller's family (from the page's read) and whether the space asked for the reminder
 * (from its session's read), that family's services, and the commune's « Malade ce matin » settings: two
 * statements.
 */
export async function agendaDeMonAccueil(
  { familleId, rappelCloture }: { familleId: string; rappelCloture: boolean },
  now: Date,
) {
  const [[famille], commune] = await Promise.all([
    lireFamilles([familleId], now),
    db().commune.findUniqueOrThrow({
      where: { id: 1 },
      select: { heureLimiteMaladie: true, serviceNom: true, telephone: true, serviceEmail: true },
    }),
  ]);
  if (!famille) return null;
  const { services, reserves } = servicesDe(famille);
  // « Malade ce matin »: the children with something booked today (what it cancels), eldest first
  const aujourdhui = jourParis(now);
  const reservesAujourdhui = new Map<string, { enfantId: string; prenom: string; naissance: number }>();
  for (const r of famille.reservations)
    if (r.statut === "RESERVEE" && jourDeDate(r.date) === aujourdhui)
      reservesAujourdhui.set(r.enfantId, {
        enfantId: r.enfantId,
        prenom: r.enfant.prenoms,
        naissance: r.enfant.dateNaissance.getTime(),
      });
  return {
    rappelCloture,
    services,
    reserves,
    reservesAujourdhui: [...reservesAujourdhui.values()]
      .sort((a, b) => a.naissance - b.naissance || (a.enfantId < b.enfantId ? -1 : 1))
      .map(({ enfantId, prenom }) => ({ enfantId, prenom })),
    commune,
  };
}
