// What an absence covers, said as a parent counts it: calendar days, with the services booked on them. A day
// with its meal and its garderie is one day (« 1 jour (repas et garderie) »), never « 2 jours réservés »: the
// reservations are the services of a day, not days.

export type ServiceReserve = { date: string; type: "RESTAURATION" | "GARDERIE" };

const NOMS = { RESTAURATION: "repas", GARDERIE: "garderie" } as const;

/** « 1 jour (repas et garderie) », « 2 jours (repas) », « aucun jour réservé » for none. */
export function joursEnClair(reservations: readonly ServiceReserve[]): string {
  const jours = new Set(reservations.map((r) => r.date.slice(0, 10))).size;
  if (jours === 0) return "aucun jour réservé";
  const services = (["RESTAURATION", "GARDERIE"] as const).filter((t) => reservations.some((r) => r.type === t));
  return `${jours} jour${jours > 1 ? "s" : ""} (${services.map((t) => NOMS[t]).join(" et ")})`;
}
