// "Service non assuré": a strike, an outing or a closure cancels an activity's service at a lieu for a day or
// a range. Every booking of those days becomes NON_ASSURE (not billed), its previous state kept so the
// declaration can be undone the same day; every family concerned gets one mail through the outbox; the parents'
// month view shows the day closed. Two agents declaring the same at once make one declaration: the key
// `ServiceNonAssure.cle` is unique while it is in force, so the second transaction fails on it and is answered
// with the first one's result (and no mail of its own).
import { AppError } from "@/lib/errors";
import type { Jour } from "@/lib/temps/jours";
import { ETATS_NON_ASSURABLES } from "@/lib/domain/reservation/transitions";
import type { MotifNonAssure } from "@/lib/generated/prisma/client";

/** The states a "service non assuré" takes a booking from: the reservations' table says (transitions.ts). */
export const TOUCHEES = ETATS_NON_ASSURABLES;
export const DUREE_MAX_JOURS = 31;

export const introuvable = () =>
  new AppError("introuvable", "Cette déclaration de service non assuré est introuvable.");

/** One activity at one lieu. */
export type ServiceVise = { activiteId: number; lieuId: number };

/** One declaration: several activities and lieux at once (`services`), or one (`activiteId` and `lieuId`). */
export type Declaration = {
  agentId: string;
  debut: Jour;
  fin: Jour;
  motif: MotifNonAssure;
  now: Date;
} & ({ services: ServiceVise[] } | ServiceVise);

/** `id`: the declaration's first row, whose undo undoes the whole declaration. */
export type Bilan = { id: string; declarationId: string; reservations: number; familles: number; deja: boolean };

/** The services of a declaration, each once, in a fixed order (two identical declarations lock alike). */
export function servicesDe(d: { services: ServiceVise[] } | ServiceVise): ServiceVise[] {
  const liste = "services" in d ? d.services : [{ activiteId: d.activiteId, lieuId: d.lieuId }];
  const uniques = new Map(liste.map((s) => [`${s.activiteId}:${s.lieuId}`, s]));
  return [...uniques.values()].sort((a, b) => a.activiteId - b.activiteId || a.lieuId - b.lieuId);
}

export const cleDe = (d: ServiceVise & { debut: Jour; fin: Jour }) => `${d.activiteId}:${d.lieuId}:${d.debut}:${d.fin}`;
