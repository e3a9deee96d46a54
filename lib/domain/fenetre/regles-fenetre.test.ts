import { describe, expect, it } from "vitest";
import { messageOuverture, regleDuJour, type FenetreDuJour } from "@/lib/domain/fenetre/regles-fenetre";

const fenetre: FenetreDuJour = {
  id: 1,
  libelle: "Centre de loisirs d'été",
  debut: "2027-07-05",
  fin: "2027-08-27",
  // 1 June at 8:30 and 16 June at midnight, Paris (summer time)
  ouverture: new Date("2027-06-01T06:30:00Z"),
  fermeture: new Date("2027-06-15T22:00:00Z"),
  statut: "COLLECTE",
  unites: [1],
};

describe("what a window means for a day it governs", () => {
  it("collects requests from its opening (included) to its close (excluded)", () => {
    expect(regleDuJour(fenetre, new Date("2027-06-01T06:29:59Z"))).toEqual({
      type: "refus",
      raison: "Réservations ouvertes du 1er juin à 8 h 30 au 15 juin.",
    });
    expect(regleDuJour(fenetre, new Date("2027-06-01T06:30:00Z"))).toEqual({ type: "demande" });
    expect(regleDuJour(fenetre, new Date("2027-06-15T21:59:59Z"))).toEqual({ type: "demande" });
    expect(regleDuJour(fenetre, new Date("2027-06-15T22:00:00Z"))).toEqual({
      type: "refus",
      raison: "Attribution des places en cours.",
    });
  });

  it("leaves the day first come once allocated, and without a window", () => {
    expect(regleDuJour({ ...fenetre, statut: "ATTRIBUEE" }, new Date("2027-06-20T10:00:00Z"))).toEqual({
      type: "libre",
    });
    expect(regleDuJour(undefined, new Date("2027-06-01T10:00:00Z"))).toEqual({ type: "libre" });
  });

  it("says a close at another hour than midnight with its hour", () => {
    expect(
      messageOuverture({ ouverture: new Date("2027-01-04T07:00:00Z"), fermeture: new Date("2027-01-15T17:00:00Z") }),
    ).toBe("Réservations ouvertes du 4 janvier à 8 h au 15 janvier à 18 h.");
  });
});
