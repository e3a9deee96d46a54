// The check of a save's days (enregistrer.ts, famille.ts): each wanted change against the day as it is, locked,
// refused with its reason or sorted into what the save writes (ecrire.ts).
import { dansLeDelai, modifiableJusquau, type Delai } from "@/lib/domain/calendrier/delais";
import type { Jour } from "@/lib/temps/jours";
import type { ACreer } from "@/lib/domain/reservation/ecrire";
import { RAISON_ATTRIBUTION, type RegleJour } from "@/lib/domain/fenetre/regles-fenetre";
import { rivaleExclusive } from "@/lib/domain/reservation/unites-exclusives";
import { uniteSouscrite } from "@/lib/domain/reservation/unites-souscrites";
import type { ModeValidation, StatutReservation } from "@/lib/generated/prisma/enums";

/** horsDelai: made by an agent past the activity's booking or cancellation deadline (the journal says so) */
export type Changement = { date: Jour; uniteId: number; reserver: boolean; horsDelai?: boolean };
export type Refus = Changement & { raison: string };
export type Bilan = {
  reservees: Changement[];
  enAttente: Changement[];
  /** asked by a parent of an activity validated by an agent: waiting for that validation */
  aValider: Changement[];
  /** asked while a booking window collects requests: allocated at its close (lib/domain/fenetre) */
  demandees: Changement[];
  annulees: Changement[];
  refus: Refus[];
};

export const RAISONS = {
  fermeture: "Pas d'accueil ce jour-là.",
  autreFoyer: "Ce jour est déjà réservé par l'autre foyer de l'enfant.",
  incompatible: (a: string, b: string) => `${a} et ${b} ne peuvent pas être réservés le même jour.`,
  delaiReservation: (d: Delai, jour: Jour) =>
    `Le délai de réservation est dépassé (${(modifiableJusquau(d, jour) ?? "").replace(/^M/, "m")}).`,
  delaiAnnulation: (d: Delai, jour: Jour) =>
    d.type === "JAMAIS"
      ? "Ce jour ne peut pas être annulé depuis le portail : contactez le service Enfance."
      : `Le délai d'annulation est dépassé (${(modifiableJusquau(d, jour) ?? "").replace(/^M/, "m")}).`,
  sansDelai: "Les réservations de cette activité ne sont pas encore paramétrées.",
  nonSouscrite: (unite: string) => `${unite} ne fait pas partie de l'inscription.`,
  verrouille: {
    ABSENCE_SIGNALEE: "Une absence est déclarée ce jour-là : sa demande est en cours de traitement.",
    ABSENCE_JUSTIFIEE: "Ce jour est une absence justifiée.",
    ABSENCE_INJUSTIFIEE: "Ce jour est une absence injustifiée.",
    NON_ASSURE: "Le service n'est pas assuré ce jour-là.",
    // a place of the waiting list held for the family: its own page accepts or declines it
    PROPOSEE: "Une place vous est proposée ce jour-là : acceptez-la ou refusez-la dans « Places proposées ».",
  },
} as const;

/** The states in which a day holds (or asks, or is offered) the child's place: booked, not to be booked again. */
export const ACTIVES: StatutReservation[] = ["RESERVEE", "ATTENTE", "A_VALIDER", "DEMANDEE", "PROPOSEE"];

export type Unite = { id: number; libelle: string; exclusive: boolean };
type Existante = { id: string; statut: StatutReservation; familleId: string; jourId: number };

/**
 * Each wanted change checked against the day as it is (locked): refused with its reason, or sorted into the
 * cancellations and the days to book, the places taken counted as the save goes on.
 */
export function trier(
  voulus: Changement[],
  bilan: Bilan,
  ctx: {
    familleId: string;
    validation: ModeValidation;
    /** Inscription.unitesSouscrites: a unit it does not subscribe is not booked (unites-souscrites.ts) */
    unitesSouscrites: readonly number[];
    unites: Map<number, Unite>;
    jourDe: Map<string, { id: number; capacite: number | null }>;
    existante: Map<string, Existante>;
    /** what each child-day holds as the save goes on, for the exclusive units */
    actives: Map<string, Set<number>>;
    occupees: Map<number, number>;
    limites: number[];
    delaiReservation: Delai | null;
    delaiAnnulation: Delai | null;
    agent: boolean;
    /** what the booking window governing a day with a capacity says (regles-fenetre.ts); the parent's saves only */
    regle: (uniteId: number, date: Jour) => RegleJour;
    now: Date;
  },
): { aAnnuler: string[]; liberes: number[]; aCreer: ACreer[] } {
  const { unites, jourDe, existante, actives, occupees, limites, delaiReservation, delaiAnnulation, agent, now } = ctx;
  const refuser = (c: Changement, raison: string) => bilan.refus.push({ ...c, raison });
  const aAnnuler: string[] = [];
  const liberes: number[] = [];
  const aCreer: ACreer[] = [];
  // cancellations first, so swapping Menu Classique for Menu Végétarien in one save works
  const ordonnes = voulus.sort(
    (a, b) => Number(a.reserver) - Number(b.reserver) || a.date.localeCompare(b.date) || a.uniteId - b.uniteId,
  );
  for (const c of ordonnes) {
    const cle = `${c.date}|${c.uniteId}`;
    const jour = jourDe.get(cle);
    const deja = existante.get(cle);
    const active = deja && ACTIVES.includes(deja.statut);
    // an absence (its demande decides the day) or a service non assuré: not changed from the calendar
    if (deja && deja.statut in RAISONS.verrouille) {
      refuser(c, RAISONS.verrouille[deja.statut as keyof typeof RAISONS.verrouille]);
      continue;
    }
    if (!c.reserver) {
      if (!active) continue;
      if (deja.familleId !== ctx.familleId) {
        refuser(c, RAISONS.autreFoyer);
        continue;
      }
      // a request is withdrawn until the window's close; then it is the allocation's
      if (deja.statut === "DEMANDEE" && !agent && ctx.regle(c.uniteId, c.date).type === "refus") {
        refuser(c, RAISON_ATTRIBUTION);
        continue;
      }
      // leaving a waiting list (or withdrawing a request not yet validated) frees no place: always allowed
      if (deja.statut === "RESERVEE" && !(delaiAnnulation && dansLeDelai(delaiAnnulation, c.date, now))) {
        if (!agent) {
          refuser(c, delaiAnnulation ? RAISONS.delaiAnnulation(delaiAnnulation, c.date) : RAISONS.sansDelai);
          continue;
        }
        // an activity without a cancellation deadline is never cancelled online: no deadline was passed
        if (delaiAnnulation) c.horsDelai = true;
      }
      aAnnuler.push(deja.id);
      actives.get(c.date)?.delete(c.uniteId);
      if (deja.statut === "RESERVEE" && limites.includes(deja.jourId)) {
        liberes.push(deja.jourId);
        occupees.set(deja.jourId, (occupees.get(deja.jourId) ?? 1) - 1);
      }
      bilan.annulees.push(c);
      continue;
    }
    if (active) {
      if (deja.familleId !== ctx.familleId) refuser(c, RAISONS.autreFoyer);
      continue;
    }
    const unite = unites.get(c.uniteId)!;
    if (!uniteSouscrite(ctx.unitesSouscrites, c.uniteId)) {
      refuser(c, RAISONS.nonSouscrite(unite.libelle));
      continue;
    }
    if (!jour) {
      refuser(c, RAISONS.fermeture);
      continue;
    }
    if (!(delaiReservation && dansLeDelai(delaiReservation, c.date, now))) {
      if (!agent) {
        refuser(c, delaiReservation ? RAISONS.delaiReservation(delaiReservation, c.date) : RAISONS.sansDelai);
        continue;
      }
      if (delaiReservation) c.horsDelai = true;
    }
    const rivale = rivaleExclusive(
      unite,
      [...(actives.get(c.date) ?? [])].map((id) => unites.get(id)!),
    );
    if (rivale) {
      refuser(c, RAISONS.incompatible(rivale.libelle, unite.libelle));
      continue;
    }
    // a booking window collecting requests: the parent's booking is a request whatever the places left, allocated
    // at the close by the window's priorities and draw (an agent's save books as before: see regles-fenetre.ts)
    const regle: RegleJour = agent || jour.capacite === null ? { type: "libre" } : ctx.regle(c.uniteId, c.date);
    if (regle.type === "refus") {
      refuser(c, regle.raison);
      continue;
    }
    let statut: ACreer["statut"] = "RESERVEE";
    if (regle.type === "demande") statut = "DEMANDEE";
    // validated by an agent: the parent's request waits, and takes a place only once validated
    else if (!agent && ctx.validation === "AGENT") statut = "A_VALIDER";
    else if (jour.capacite !== null) {
      const prises = occupees.get(jour.id) ?? 0;
      if (prises >= jour.capacite) statut = "ATTENTE";
      else occupees.set(jour.id, prises + 1);
    }
    actives.set(c.date, (actives.get(c.date) ?? new Set()).add(c.uniteId));
    aCreer.push({ date: c.date, uniteId: c.uniteId, jourId: jour.id, statut, existanteId: deja?.id });
    const liste = {
      RESERVEE: bilan.reservees,
      ATTENTE: bilan.enAttente,
      A_VALIDER: bilan.aValider,
      DEMANDEE: bilan.demandees,
    };
    liste[statut].push(c);
  }
  return { aAnnuler, liberes, aCreer };
}
