// What a declaration touches, for the command and its preview alike: the period's checks, each service's lieu
// (of that activity), and the bookings of those days in a state a "service non assuré" takes (TOUCHEES). The
// preview (« 143 réservations annulées, 97 familles prévenues ») counts with these very rules, so its numbers
// are what the command then does.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DUREE_MAX_JOURS, TOUCHEES, type ServiceVise } from "@/lib/domain/service-non-assure/motifs";
import { dateDeJour, ecartJours, type Jour } from "@/lib/temps/jours";

export type LieuVise = ServiceVise & { lieu: string; type: "RESTAURATION" | "GARDERIE" };

export function verifierPeriode(services: ServiceVise[], debut: Jour, fin: Jour) {
  if (services.length === 0) throw new AppError("service", "Choisissez au moins une activité et un lieu.", "services");
  if (fin < debut) throw new AppError("dates", "La date de fin précède la date de début.", "fin");
  if (ecartJours(debut, fin) >= DUREE_MAX_JOURS)
    throw new AppError("dates", `Une déclaration couvre ${DUREE_MAX_JOURS} jours au plus.`, "fin");
}

/** Each service with its lieu's name and activity type; refused when a lieu is not of its activity. */
export async function lieuxVises(tx: Tx, services: ServiceVise[]): Promise<LieuVise[]> {
  const lieux = await tx.lieu.findMany({
    where: { id: { in: services.map((s) => s.lieuId) } },
    select: { id: true, nom: true, activiteId: true, activite: { select: { type: true } } },
  });
  return services.map((s) => {
    const lieu = lieux.find((l) => l.id === s.lieuId && l.activiteId === s.activiteId);
    if (!lieu) throw new AppError("lieu", "Ce lieu n'accueille pas cette activité.", "services");
    return { ...s, lieu: lieu.nom, type: lieu.activite.type };
  });
}

/** The bookings a service non assuré of these days takes. */
export const reservationsVisees = (s: ServiceVise, debut: Jour, fin: Jour) => ({
  jour: { lieuId: s.lieuId },
  unite: { activiteId: s.activiteId },
  date: { gte: dateDeJour(debut), lte: dateDeJour(fin) },
  statut: { in: [...TOUCHEES] },
});

/** The preview: how many bookings the declaration would cancel and how many families it would mail. */
export async function apercuServiceNonAssure({
  services,
  debut,
  fin,
}: {
  services: ServiceVise[];
  debut: Jour;
  fin: Jour;
}): Promise<{ reservations: number; familles: number; lieux: LieuVise[] }> {
  verifierPeriode(services, debut, fin);
  const lieux = await lieuxVises(db(), services);
  const reservations = await db().reservation.findMany({
    where: { OR: services.map((s) => reservationsVisees(s, debut, fin)) },
    select: { familleId: true },
  });
  return { reservations: reservations.length, familles: new Set(reservations.map((r) => r.familleId)).size, lieux };
}
