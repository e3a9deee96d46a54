import { parseCronItems } from "graphile-worker";
import { expect, it } from "vitest";
import { TRAVAUX } from "@/lib/jobs/noms";
import { PLANNING, taches } from "@/lib/jobs/taches";

it("has a handler for every job name, and only those", () => {
  expect(Object.keys(taches(() => false)).sort()).toEqual([...TRAVAUX].sort());
});

it("schedules only known jobs, each tick under its own identifier, in a schedule the queue accepts", () => {
  expect(PLANNING.every((p) => (TRAVAUX as readonly string[]).includes(p.task))).toBe(true);
  expect(new Set(PLANNING.map((p) => p.identifier)).size).toBe(PLANNING.length);
  const planning = parseCronItems(PLANNING);
  expect(planning.map((p) => p.task).sort()).toEqual([
    "absences.expirer",
    "brouillons.purger",
    "commandes.figer",
    "courriels",
    "demandes.classer",
    "fenetres.attribuer",
    "mandats.caducite",
    "offres.expirer",
    "payfip.rattrapage",
    "quotients.caf",
    "rappels.cloture",
    "rappels.vaccins",
  ]);
});
