// A place freed on a full day (a cancellation, a place declined or passed on, a capacity raised) goes to its
// waiting list. On a day governed by an allocated booking window, the next child by the allocation's rank is
// OFFERED the place (PROPOSEE), held for the window's delay, and the family is told by mail; elsewhere the oldest
// request is booked at once (promouvoir), as it always was. The caller holds the days' locks (FOR UPDATE on
// JourOuverture, taken after the children's), so the count of places taken cannot be overtaken meanwhile.
import { createElement } from "react";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { formatParis } from "@/lib/temps/dates";
import { jourDeDate, jourEnClair } from "@/lib/temps/jours";
import { franchir, type JourDeplace } from "@/lib/domain/reservation/franchir";
import PlaceProposee, { placeProposeeSubject, type PlaceOfferte } from "@/emails/PlaceProposee";

/** The page where a family accepts or declines its places offered. */
export const LIEN_PROPOSITIONS = "/famille/reservations/propositions";

/** The states that hold a day's place: booked, or offered and not answered yet. */
export const PLACES_PRISES = ["RESERVEE", "PROPOSEE"] as const;

type Jour = { id: number; capacite: number | null; prises: number; delai: number | null };

/** Gives each day's free places to its waiting list: offered on a window's day, booked at once elsewhere. */
export async function donnerLesPlacesLibres(
  tx: Tx,
  { jourIds, motif, now }: { jourIds: readonly number[]; motif: string; now: Date },
): Promise<void> {
  const ids = [...new Set(jourIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  // each day's capacity, its places taken, and the offer delay of the allocated window governing it (if any)
  const jours = await tx.$queryRaw<Jour[]>`
    SELECT j.id, j.capacite,
      (SELECT count(*) FROM "Reservation" r
        WHERE r."jourId" = j.id AND r.statut IN ('RESERVEE', 'PROPOSEE'))::int AS prises,
      (SELECT f."delaiOffreHeures" FROM "FenetreReservation" f
        JOIN "FenetreUnite" fu ON fu."fenetreId" = f.id AND fu."uniteId" = j."uniteId"
        WHERE f.statut = 'ATTRIBUEE' AND j.date BETWEEN f.debut AND f.fin
        ORDER BY f.id LIMIT 1) AS delai
    FROM "JourOuverture" j WHERE j.id = ANY(${ids}) ORDER BY j.id`;
  const offertes: JourDeplace[] = [];
  const echeances = new Map<string, Date>();
  for (const jour of jours) {
    const places = jour.capacite === null ? undefined : jour.capacite - jour.prises;
    if (places !== undefined && places <= 0) continue;
    // the allocation's rank first, then first come (an agent's or an older booking has no rank)
    const suivantes = await tx.reservation.findMany({
      where: { jourId: jour.id, statut: "ATTENTE" },
      orderBy: [{ rang: { sort: "asc", nulls: "last" } }, { creeeLe: "asc" }, { id: "asc" }],
      ...(places !== undefined ? { take: places } : {}),
      select: { id: true },
    });
    const parRang = suivantes.map((s) => s.id);
    if (jour.delai === null || jour.capacite === null) {
      await franchir(tx, { ids: parRang, transition: "promouvoir", acteur: { kind: "SYSTEME" }, motif, now });
      continue;
    }
    const offreExpireLe = new Date(now.getTime() + jour.delai * 3_600_000);
    const deplaces = await franchir(tx, {
      ids: parRang,
      transition: "proposer",
      acteur: { kind: "SYSTEME" },
      motif,
      complement: { offreExpireLe },
      now,
    });
    for (const d of deplaces) echeances.set(d.id, offreExpireLe);
    offertes.push(...deplaces);
  }
  await prevenirDesOffres(tx, offertes, echeances);
}

/** One mail per family offered places, to each representant with a space: days, units, the deadline, the page. */
async function prevenirDesOffres(tx: Tx, offertes: JourDeplace[], echeances: Map<string, Date>) {
  if (offertes.length === 0) return;
  const familles = [...new Set(offertes.map((o) => o.familleId))];
  const [commune, enfants, unites, representants] = await Promise.all([
    tx.commune.findUniqueOrThrow({ where: { id: 1 }, select: { nom: true } }),
    tx.enfant.findMany({
      where: { id: { in: [...new Set(offertes.map((o) => o.enfantId))] } },
      select: { id: true, prenoms: true },
    }),
    tx.unite.findMany({
      where: { id: { in: [...new Set(offertes.map((o) => o.uniteId))] } },
      select: { id: true, libelle: true },
    }),
    tx.representant.findMany({
      where: { familleId: { in: familles }, usager: { is: { activatedAt: { not: null } } } },
      orderBy: { id: "asc" },
      select: { familleId: true, usager: { select: { courriel: true, civilite: true, nomUsage: true } } },
    }),
  ]);
  const prenom = new Map(enfants.map((e) => [e.id, e.prenoms]));
  const libelle = new Map(unites.map((u) => [u.id, u.libelle]));
  const lien = `${config.appUrl}${LIEN_PROPOSITIONS}`;
  for (const familleId of familles) {
    const siennes = offertes
      .filter((o) => o.familleId === familleId)
      .sort((a, b) => a.date.getTime() - b.date.getTime());
    const places: PlaceOfferte[] = siennes.map((o) => {
      const jour = jourDeDate(o.date);
      return {
        enfant: prenom.get(o.enfantId)!,
        jour: `${jourEnClair(jour)} ${jour.slice(0, 4)}`,
        unite: libelle.get(o.uniteId)!,
      };
    });
    const premiere = Math.min(...siennes.map((o) => echeances.get(o.id)!.getTime()));
    const echeance = formatParis(new Date(premiere), "EEEE d MMMM 'à' HH:mm");
    for (const r of representants.filter((x) => x.familleId === familleId)) {
      const element = createElement(PlaceProposee, {
        commune: commune.nom,
        salutation: salutation(r.usager!),
        places,
        echeance,
        lien,
      });
      await enqueueMail(tx, await renderMail(r.usager!.courriel, placeProposeeSubject, element));
    }
  }
}
