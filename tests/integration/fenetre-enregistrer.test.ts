// A parent's save of days governed by a booking window, on PostgreSQL: while it collects, a booking is a request
// (DEMANDEE) whatever the places left and the order of arrival, withdrawn until the close; before its opening and
// between its close and the allocation, refused with the reason beside the day; once allocated, first come within
// the capacity. Days without a window, or without a capacity, are booked as always.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/fenetre-enregistrer-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import { attribuerFenetre } from "@/lib/domain/fenetre/attribuer";
import {
  APRES,
  capacite,
  creerFenetre,
  famille,
  FERMETURE,
  ligne,
  OUVERTURE,
  PENDANT,
  preparerUnites,
  sauver,
  type Garderie,
} from "./fenetre-fixtures";

let garderie: Garderie;
// Monday, Tuesday, Thursday and the next Monday (no garderie on Wednesdays)
const DANS = ["2026-09-14", "2026-09-15", "2026-09-17", "2026-09-21"];
const LIBRE = "2026-09-18"; // in the window's period, without a capacity
const HORS = "2026-09-28"; // after the window's period, with a capacity

beforeAll(async () => {
  ({ garderie } = await preparerUnites());
  await capacite(garderie.soir, [...DANS, HORS], 1);
  await creerFenetre({ activiteId: garderie.id, uniteIds: [garderie.soir], debut: "2026-09-14", fin: "2026-09-25" });
}, 120_000);

const jour = (date: string, reserver = true) => ({ date, uniteId: garderie.soir, reserver });

describe("a save during a booking window", () => {
  it("refuses before the opening, with the window's dates", async () => {
    const f = await famille("Avant", garderie.id);
    const bilan = await sauver(f, [jour(DANS[0]!)], new Date(OUVERTURE.getTime() - 1000));
    expect(bilan.refus.map((r) => r.raison)).toEqual(["Réservations ouvertes du 20 août à 8 h 30 au 26 août."]);
    expect(await ligne(f.enfants[0]!.enfantId, garderie.soir, DANS[0]!)).toBeNull();
  });

  it("books within the capacity when an agent saves for the family, even while the window collects", async () => {
    const f = await famille("Agent", garderie.id);
    const agent = await db().agent.findFirstOrThrow();
    const bilan = await reserverPourLaFamille({
      agent: { id: agent.id, nom: "Maite Irigoyen" },
      inscriptionId: f.enfants[0]!.inscriptionId,
      changements: [jour(DANS[2]!)],
      now: PENDANT,
    });
    expect(bilan.demandees).toHaveLength(0);
    expect(bilan.reservees.map((c) => c.date)).toEqual([DANS[2]]);
  });
  it("makes every booking a request whatever the capacity and the order of arrival; withdrawn until the close", async () => {
    const familles = [];
    for (const nom of ["Premiere", "Deuxieme", "Troisieme"]) familles.push(await famille(nom, garderie.id));
    // the first arrives at the opening's second, the last an hour later: the same request
    for (const [i, f] of familles.entries()) {
      const bilan = await sauver(f, [jour(DANS[0]!), jour(DANS[1]!)], new Date(OUVERTURE.getTime() + i * 3_600_000));
      expect(bilan.demandees).toHaveLength(2);
      expect(bilan.reservees).toHaveLength(0);
      expect(bilan.enAttente).toHaveLength(0);
    }
    const statuts = await db().reservation.findMany({
      where: { uniteId: garderie.soir, date: { in: [DANS[0]!, DANS[1]!].map((d) => new Date(d)) } },
      select: { statut: true, rang: true },
    });
    expect(statuts).toHaveLength(6);
    expect(statuts.every((s) => s.statut === "DEMANDEE" && s.rang === null)).toBe(true);
    // withdrawn by the parent while it collects
    const retrait = await sauver(familles[2]!, [jour(DANS[1]!, false)], PENDANT);
    expect(retrait.annulees).toHaveLength(1);
    expect((await ligne(familles[2]!.enfants[0]!.enfantId, garderie.soir, DANS[1]!))?.statut).toBe("ANNULEE");
    // the history says which move: a request of the window
    const evenement = await db().reservationEvenement.findFirstOrThrow({
      where: { enfantId: familles[0]!.enfants[0]!.enfantId, date: new Date(DANS[0]!) },
    });
    expect([evenement.transition, evenement.raison, evenement.vers]).toEqual([
      "demanderEnFenetre",
      "FENETRE",
      "DEMANDEE",
    ]);

    // after the close, before the allocation: neither a booking nor a withdrawal
    const tard = await famille("Tard", garderie.id);
    expect((await sauver(tard, [jour(DANS[0]!)], FERMETURE)).refus.map((r) => r.raison)).toEqual([
      "Attribution des places en cours.",
    ]);
    expect((await sauver(familles[1]!, [jour(DANS[0]!, false)], FERMETURE)).refus.map((r) => r.raison)).toEqual([
      "Attribution des places en cours.",
    ]);

    // a day of the period without a capacity, and a day after it: as always
    const libre = await sauver(tard, [jour(LIBRE), jour(HORS)], FERMETURE);
    expect([libre.reservees.length, libre.demandees.length, libre.refus.length]).toEqual([2, 0, 0]);
    const apresHors = await sauver(familles[0]!, [jour(HORS)], FERMETURE);
    expect(apresHors.enAttente).toHaveLength(1);

    // allocated: the day is first come within its capacity (full: the waiting list)
    await attribuerFenetre({
      fenetreId: (await db().fenetreReservation.findFirstOrThrow()).id,
      acteur: { kind: "SYSTEME" },
      now: APRES,
    });
    const ensuite = await sauver(tard, [jour(DANS[3]!), jour(DANS[2]!), jour(DANS[0]!)], APRES);
    expect(ensuite.reservees.map((c) => c.date)).toEqual([DANS[3]]);
    // the agent's booking kept its place through the allocation
    expect(ensuite.enAttente.map((c) => c.date)).toEqual([DANS[0], DANS[2]]);
    expect((await ligne(tard.enfants[0]!.enfantId, garderie.soir, DANS[0]!))?.rang).toBeNull();
  });
});
