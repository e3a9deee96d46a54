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

/** Each family's services and booked days from today to the horizon, for the families given. */
export async function servicesDesFamilles(
  familleIds: string[],
  now: Date,
): Promise<Map<string, { services: Service[]; reserves: Map<string, Set<Jour>> }>> {
  const du = jourParis(now);
  const periode = { gte: dateDeJour(du), lte: dateDeJour(ajouterJours(du, HORIZON_JOURS)) };
  const [inscriptions, reservations] = await Promise.all([
    db().inscription.findMany({
      where: { familleId: { in: familleIds }, statut: "ACTIVE" },
      orderBy: [{ enfant: { dateNaissance: "asc" } }, { activite: { ordre: "asc" } }],
      select: {
        familleId: true,
        enfantId: true,
        lieuId: true,
        unitesSouscrites: true,
        enfant: { select: { prenoms: true } },
        activite: {
          select: {
            libelle: true,
            delaiReservation: true,
            unites: { select: { id: true, jours: { where: { date: periode }, select: { date: true, lieuId: true } } } },
          },
        },
      },
    }),
    db().reservation.findMany({
      where: { familleId: { in: familleIds }, date: periode, statut: OCCUPE },
      select: { familleId: true, enfantId: true, date: true },
    }),
  ]);
  const parFamille = new Map(
    familleIds.map((id) => [id, { services: [] as Service[], reserves: new Map<string, Set<Jour>>() }]),
  );
  for (const i of inscriptions) {
    const souscrites = i.activite.unites.filter((u) => !i.unitesSouscrites.length || i.unitesSouscrites.includes(u.id));
    const jours = new Set(
      souscrites.flatMap((u) => u.jours.filter((j) => j.lieuId === i.lieuId).map((j) => jourDeDate(j.date))),
    );
    parFamille.get(i.familleId)!.services.push({
      enfantId: i.enfantId,
      prenom: i.enfant.prenoms,
      activite: i.activite.libelle,
      delai: lireDelai(i.activite.delaiReservation),
      jours: [...jours].sort(),
    });
  }
  for (const r of reservations) {
    const reserves = parFamille.get(r.familleId)!.reserves;
    const jours = reserves.get(r.enfantId) ?? new Set<Jour>();
    jours.add(jourDeDate(r.date));
    reserves.set(r.enfantId, jours);
  }
  return parFamille;
}

/** Mon accueil's block: the space's family, whether it asked for the reminder, and that family's services. */
export async function agendaDeMonAccueil(usagerId: string, now: Date) {
  const usager = await db().usager.findUnique({
    where: { id: usagerId },
    select: { rappelCloture: true, representations: { select: { familleId: true }, take: 1 } },
  });
  const familleId = usager?.representations[0]?.familleId;
  if (!familleId) return null;
  const [familles, aujourdhui, commune] = await Promise.all([
    servicesDesFamilles([familleId], now),
    // « Malade ce matin »: the children with something booked today (what it cancels)
    db().reservation.findMany({
      where: { familleId, statut: "RESERVEE", date: dateDeJour(jourParis(now)) },
      distinct: ["enfantId"],
      orderBy: [{ enfantId: "asc" }],
      select: { enfantId: true, enfant: { select: { prenoms: true, dateNaissance: true } } },
    }),
    db().commune.findUniqueOrThrow({
      where: { id: 1 },
      select: { heureLimiteMaladie: true, serviceNom: true, telephone: true, serviceEmail: true },
    }),
  ]);
  const { services, reserves } = familles.get(familleId)!;
  const reservesAujourdhui = aujourdhui
    .sort((a, b) => a.enfant.dateNaissance.getTime() - b.enfant.dateNaissance.getTime())
    .map((r) => ({ enfantId: r.enfantId, prenom: r.enfant.prenoms }));
  return { rappelCloture: usager.rappelCloture, services, reserves, reservesAujourdhui, commune };
}
