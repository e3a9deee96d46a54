// The days a list may be marked on: today and back to the commune's window, never a day to come; and the
// instant a mark sent later by a tablet counts from.
import { describe, expect, it } from "vitest";
import { instantRetenu, refusDuJour } from "@/lib/domain/pointage/delai";

describe("refusDuJour", () => {
  it("takes today and the days back to the window", () => {
    expect(refusDuJour("2026-12-07", "2026-12-07", 7)).toBeNull();
    expect(refusDuJour("2026-11-30", "2026-12-07", 7)).toBeNull();
    expect(refusDuJour("2026-12-07", "2026-12-07", 0)).toBeNull();
  });

  it("refuses a day to come, naming it", () => {
    expect(refusDuJour("2026-12-17", "2026-12-07", 7)).toBe(
      "On ne pointe pas un jour à venir : le jeudi 17 décembre n'est pas encore arrivé.",
    );
    expect(refusDuJour("2026-12-08", "2026-12-07", 60)).toMatch(/mardi 8 décembre n'est pas encore arrivé/);
  });

  it("refuses a day older than the window, naming the window", () => {
    expect(refusDuJour("2026-11-29", "2026-12-07", 7)).toBe(
      "Le pointage du dimanche 29 novembre 2026 n'est plus modifiable : le pointage se corrige jusqu'à 7 jours après.",
    );
    expect(refusDuJour("2026-12-06", "2026-12-07", 1)).toBeNull();
    expect(refusDuJour("2026-12-05", "2026-12-07", 1)).toMatch(/jusqu'à 1 jour après\.$/);
    expect(refusDuJour("2026-12-06", "2026-12-07", 0)).toMatch(/seul le jour même peut être pointé\.$/);
  });
});

describe("instantRetenu", () => {
  const now = new Date("2026-12-07T11:40:00Z");
  it("keeps the tablet's instant when it is past, the server's when it is ahead or missing", () => {
    const avant = new Date("2026-12-07T11:05:00Z");
    expect(instantRetenu(avant, now)).toBe(avant);
    expect(instantRetenu(new Date("2026-12-07T12:00:00Z"), now)).toBe(now);
    expect(instantRetenu(undefined, now)).toBe(now);
  });
});
