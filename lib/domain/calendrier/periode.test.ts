import { afterAll, describe, expect, it } from "vitest";
import {
  messagePeriode,
  ouvertureDansLaPhrase,
  ouvertureEnLettres,
  periodeOuverte,
  reservationsOuvertes,
} from "@/lib/domain/calendrier/periode";

const ANNEE = { ouvertureReservations: new Date("2027-08-01T00:00:00Z"), lectureSeuleLe: null };
const zone = process.env.TZ;
afterAll(() => {
  process.env.TZ = zone;
});

describe.each(["Europe/Paris", "UTC"])("the booking period with the server in %s", (tz) => {
  it("opens at midnight of 1 August in Paris, and says so with its year", () => {
    process.env.TZ = tz;
    expect(ouvertureEnLettres(ANNEE)).toBe("1er août 2027");
    expect(reservationsOuvertes(ANNEE, new Date("2027-07-31T21:59:59Z"))).toBe(false);
    expect(reservationsOuvertes(ANNEE, new Date("2027-07-31T22:00:00Z"))).toBe(true);
    expect(messagePeriode(ANNEE, new Date("2027-07-01T00:00:00Z"))).toBe(
      "Les réservations seront ouvertes à partir du 1er août 2027",
    );
  });

  it("says the opening with its year before it, and that reservations are open from it on", () => {
    process.env.TZ = tz;
    expect(ouvertureDansLaPhrase(ANNEE, new Date("2027-07-31T21:59:59Z"))).toBe("à partir du 1er août 2027");
    expect(ouvertureDansLaPhrase(ANNEE, new Date("2027-07-31T22:00:00Z"))).toBe("les réservations sont ouvertes");
    expect(ouvertureDansLaPhrase(ANNEE, new Date("2027-12-07T10:00:00Z"))).toBe("les réservations sont ouvertes");
  });

  it("turns read-only from its lectureSeuleLe day", () => {
    process.env.TZ = tz;
    const annee = { ...ANNEE, lectureSeuleLe: new Date("2028-06-15T00:00:00Z") };
    expect(periodeOuverte(annee, new Date("2028-06-14T21:59:00Z"))).toBe(true);
    expect(periodeOuverte(annee, new Date("2028-06-14T22:00:00Z"))).toBe(false);
  });
});
