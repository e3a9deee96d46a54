// A window's dates as the banner, the public page and the console write them, in Europe/Paris whatever the
// server's zone, summer time and winter time alike.
import { describe, expect, it } from "vitest";
import {
  attributionDeLaFenetre,
  collecteDeLaFenetre,
  heureCourte,
  jourCourt,
  joursDeLaFenetre,
} from "@/components/fenetre/texte";
import { instantParis } from "@/lib/temps/jours";

describe("a booking window's dates in words", () => {
  it("writes the first of the month « 1er », the year when asked", () => {
    expect(jourCourt("2026-09-01")).toBe("1er septembre");
    expect(jourCourt("2027-06-30", true)).toBe("30 juin 2027");
  });

  it("writes hours as a notice does, in Paris time (summer and winter)", () => {
    expect(heureCourte(instantParis("2026-06-01", "08:30"))).toBe("8 h 30");
    expect(heureCourte(instantParis("2026-12-15", "18:00"))).toBe("18 h");
    expect(heureCourte(new Date("2026-06-15T22:30:00Z"))).toBe("0 h 30");
  });

  it("says the days, the collection and the allocation of the issue's example", () => {
    const fenetre = {
      debut: "2026-09-01",
      fin: "2027-06-30",
      ouverture: instantParis("2026-06-01", "08:30"),
      fermeture: instantParis("2026-06-15", "18:00"),
    };
    expect(joursDeLaFenetre(fenetre)).toBe("du 1er septembre au 30 juin");
    expect(joursDeLaFenetre({ debut: "2026-09-01", fin: "2026-09-01" })).toBe("le 1er septembre");
    expect(collecteDeLaFenetre(fenetre)).toBe("du 1er juin à 8 h 30 au 15 juin à 18 h");
    expect(collecteDeLaFenetre(fenetre, true)).toBe("du 1er juin 2026 à 8 h 30 au 15 juin 2026 à 18 h");
    expect(attributionDeLaFenetre(fenetre)).toBe("le 15 juin après 18 h");
  });
});
