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

export type Declaration = {
  agentId: string;
  activiteId: number;
  lieuId: number;
  debut: Jour;
  fin: Jour;
  motif: MotifNonAssure;
  now: Date;
};

export type Bilan = { id: string; reservations: number; familles: number; deja: boolean };

export const cleDe = (d: Pick<Declaration, "activiteId" | "lieuId" | "debut" | "fin">) =>
  `${d.activiteId}:${d.lieuId}:${d.debut}:${d.fin}`;
