// Shared by the booking windows' tests (fenetre-*.test.ts): the demo commune's cantine and garderie, a window
// inserted as the console would create it (its units, criteria and seed), a capacity on some days, families of one
// or two children enrolled through the real démarches, and the parent's save.
import { db } from "@/lib/db";
import { enregistrerReservations, type Changement } from "@/lib/domain/reservation/enregistrer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { inscrire } from "@/prisma/demo-reservations";
import { dateDeJour } from "@/lib/temps/jours";
import type { CriterePriorite } from "@/lib/generated/prisma/enums";
import { ENFANT } from "./demande-fixtures";
import { familleDeposee } from "./reservation-fixtures";

export { AOUT, preparerUnites, type Cantine, type Garderie } from "./reservations-serveur-fixtures";

/** Collecting from 20 August 2026 at 8:30 to 26 August at midnight (Paris, summer time). */
export const OUVERTURE = new Date("2026-08-20T06:30:00Z");
export const FERMETURE = new Date("2026-08-26T22:00:00Z");
export const PENDANT = new Date("2026-08-21T10:00:00Z");
export const APRES = new Date("2026-08-27T10:00:00Z");

export async function creerFenetre({
  activiteId,
  uniteIds,
  debut,
  fin,
  ouverture = OUVERTURE,
  fermeture = FERMETURE,
  graine = "graine-publiee",
  criteres = [],
  libelle = "Cantine de septembre",
}: {
  activiteId: number;
  uniteIds: number[];
  debut: string;
  fin: string;
  ouverture?: Date;
  fermeture?: Date;
  graine?: string;
  criteres?: { critere: CriterePriorite; points: number }[];
  libelle?: string;
}) {
  return db().fenetreReservation.create({
    data: {
      libelle,
      activiteId,
      debut: dateDeJour(debut),
      fin: dateDeJour(fin),
      ouverture,
      fermeture,
      graine,
      unites: { create: uniteIds.map((uniteId) => ({ uniteId })) },
      criteres: { create: criteres.map((c, ordre) => ({ ...c, ordre })) },
    },
  });
}

/** The unit's opening days on those dates get that capacity (null: unlimited). */
export async function capacite(uniteId: number, jours: string[], n: number | null) {
  await db().jourOuverture.updateMany({
    where: { uniteId, date: { in: jours.map(dateDeJour) } },
    data: { capacite: n },
  });
}

export type FamilleFenetre = {
  usagerId: string;
  familleId: string;
  enfants: { enfantId: string; inscriptionId: string }[];
};

/** A family accepted with `n` children, each enrolled in the activity; its titulaire lives in `ville`. */
export async function famille(nom: string, activiteId: number, { n = 1, ville = "Villefranque" } = {}) {
  const prenoms = ["Henri", "Louise", "Peio"];
  const f = await familleDeposee(
    nom,
    activiteId,
    prenoms.slice(0, n).map((p) => ({ ...ENFANT, nom, prenoms: p })),
  );
  await deciderDemande({ demarches: DEMARCHES, agent: f.instructeur, demandeId: f.demandeId, decision: "accepter" });
  const liens = await db().familleEnfant.findMany({
    where: { famille: { representants: { some: { usagerId: f.usager.id } } } },
    orderBy: { enfant: { prenoms: "asc" } },
  });
  const enfants = [];
  for (const { enfantId } of liens)
    enfants.push({
      enfantId,
      inscriptionId: await inscrire({ usagerId: f.usager.id, enfantId, activiteId, agent: f.instructeur }),
    });
  const titulaire = await db().representant.findFirstOrThrow({ where: { usagerId: f.usager.id } });
  await db().adresse.update({ where: { id: titulaire.adresseId }, data: { ville } });
  return { usagerId: f.usager.id, familleId: liens[0]!.familleId, enfants } satisfies FamilleFenetre;
}

/** The parent's save of a child's days (its first child unless told). */
export const sauver = (f: FamilleFenetre, changements: Changement[], now: Date, enfant = 0) =>
  enregistrerReservations({
    usagerId: f.usagerId,
    inscriptionId: f.enfants[enfant]!.inscriptionId,
    changements,
    now,
  });

/** A child's row for a unit and day. */
export const ligne = (enfantId: string, uniteId: number, jour: string) =>
  db().reservation.findUnique({ where: { enfantId_uniteId_date: { enfantId, uniteId, date: dateDeJour(jour) } } });
