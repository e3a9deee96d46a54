// The family's booked days as an iCalendar file (RFC 5545), written by ical-generator: one all-day event per
// child × day × unit, its UID the reservation's (one row per child, unit and day whatever its state, so a
// calendar app updates an event, and removes it when the day is cancelled: it is then no longer in the feed).
// Booked days (RESERVEE) are confirmed; the waiting list (ATTENTE) and the days waiting for the service's
// validation (A_VALIDER) are tentative and say so in their title. The title names the child and the unit, nothing
// else: never anything of the dossier santé (a régime, a PAI), the unit's name is all it says.
import ical, { ICalEventStatus } from "ical-generator";
import { db } from "@/lib/db";
import { ajouterJours, dateDeJour, jourDeDate, jourParis } from "@/lib/temps/jours";
import type { StatutReservation } from "@/lib/generated/prisma/client";
import { de } from "@/lib/texte/elision";

/** How far back the feed goes: the current month's past days stay in the parent's calendar. */
export const PASSE_JOURS = 62;

const STATUTS = ["RESERVEE", "ATTENTE", "A_VALIDER"] as const satisfies StatutReservation[];

const SUFFIXE: Record<(typeof STATUTS)[number], string> = {
  RESERVEE: "",
  ATTENTE: " (liste d'attente)",
  A_VALIDER: " (en attente de validation)",
};

/**
 * The feed of a family (every child it books for), or of one of its children (`enfantId`, the per-child
 * download). The caller has checked who may read it; `now` bounds the past days it keeps.
 */
export async function agendaDeLaFamille({
  familleId,
  enfantId,
  now,
}: {
  familleId: string;
  enfantId?: string;
  now: Date;
}): Promise<{ texte: string; modifieLe: Date | null }> {
  const [commune, reservations] = await Promise.all([
    db().commune.findUnique({ where: { id: 1 }, select: { nom: true } }),
    db().reservation.findMany({
      where: {
        familleId,
        ...(enfantId ? { enfantId } : {}),
        statut: { in: [...STATUTS] },
        date: { gte: dateDeJour(ajouterJours(jourParis(now), -PASSE_JOURS)) },
      },
      orderBy: [{ date: "asc" }, { enfant: { dateNaissance: "asc" } }, { unite: { ordre: "asc" } }],
      select: {
        id: true,
        date: true,
        statut: true,
        modifieeLe: true,
        enfant: { select: { prenoms: true } },
        unite: { select: { libelle: true, activite: { select: { libelle: true } } } },
      },
    }),
  ]);
  const nom = `Réservations${enfantId && reservations[0] ? ` ${de(reservations[0].enfant.prenoms)}` : ""} — ${commune?.nom ?? "Portail Famille"}`;
  const calendrier = ical({
    name: nom,
    timezone: "Europe/Paris",
    prodId: { company: "Portail Famille", product: "Réservations", language: "FR" },
    // a hint to the apps that poll it (Apple, Outlook): the feed changes with each booking
    ttl: 3600,
  });
  let modifieLe: Date | null = null;
  for (const r of reservations) {
    const statut = r.statut as (typeof STATUTS)[number];
    if (!modifieLe || r.modifieeLe > modifieLe) modifieLe = r.modifieeLe;
    calendrier.createEvent({
      id: `reservation-${r.id}@portail-famille`,
      start: jourDeDate(r.date),
      allDay: true,
      summary: `${r.enfant.prenoms} — ${r.unite.libelle}${SUFFIXE[statut]}`,
      description: r.unite.activite.libelle,
      status: statut === "RESERVEE" ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      stamp: r.modifieeLe,
      lastModified: r.modifieeLe,
    });
  }
  return { texte: calendrier.toString(), modifieLe };
}
