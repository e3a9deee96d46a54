// When a day's kitchen order freezes: the later of the booking and cancelling cutoffs, in Europe/Paris; a
// cancelling "jamais" leaves the booking cutoff; no deadline at all, nothing to freeze. And two orders are the
// same whatever the order of their keys and their zero counts.
import { describe, expect, it } from "vitest";
import { memeCommande } from "@/lib/domain/commande-repas/calcul";
import { clotureCommande } from "@/lib/domain/commande-repas/cloture";

const JEUDI_MIDI = { type: "JOUR_SEMAINE_PRECEDENTE", jour: 4, heure: "12:00" };
const VEILLE_18H = { type: "J_MOINS", n: 1, ouvres: false, heure: "18:00" };

describe("clotureCommande", () => {
  it("is the minute after the cutoff, in Paris (summer time)", () => {
    expect(clotureCommande({ delaiReservation: JEUDI_MIDI, delaiAnnulation: JEUDI_MIDI }, "2026-09-14")).toEqual(
      new Date("2026-09-10T10:01:00Z"),
    );
  });
  it("takes the later of the booking and cancelling cutoffs", () => {
    expect(clotureCommande({ delaiReservation: JEUDI_MIDI, delaiAnnulation: VEILLE_18H }, "2026-09-14")).toEqual(
      new Date("2026-09-13T16:01:00Z"),
    );
  });
  it("ignores a cancelling 'jamais', and has none without any deadline", () => {
    expect(
      clotureCommande({ delaiReservation: VEILLE_18H, delaiAnnulation: { type: "JAMAIS" } }, "2026-12-07"),
    ).toEqual(new Date("2026-12-06T17:01:00Z"));
    expect(clotureCommande({ delaiReservation: null, delaiAnnulation: null }, "2026-12-07")).toBeNull();
  });
});

describe("memeCommande", () => {
  it("compares the counts, not the order of the keys nor the zeros", () => {
    const a = {
      comptes: { "1": 2, "2": 0 },
      besoins: { "1": { regimes: { "Sans porc": 1 }, allergenes: {}, pai: 0 } },
    };
    const b = { comptes: { "1": 2 }, besoins: { "1": { pai: 0, allergenes: {}, regimes: { "Sans porc": 1 } } } };
    expect(memeCommande(a, b)).toBe(true);
    expect(memeCommande(a, { ...b, comptes: { "1": 3 } })).toBe(false);
  });
});
