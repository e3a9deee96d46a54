// The queue's task names, shared by those who enqueue (lib/jobs/file.ts) and the runner (lib/jobs/taches.ts).
export const TRAVAUX = [
  "courriels",
  "facturation",
  "payfip.rattrapage",
  "absences.expirer",
  "demandes.classer",
  "brouillons.purger",
  "commandes.figer",
  "mandats.caducite",
  "prelevements.recus",
  "rappels.cloture",
  "rappels.vaccins",
  "quotients.caf",
  "fenetres.attribuer",
  "offres.expirer",
] as const;

export type NomTravail = (typeof TRAVAUX)[number];
