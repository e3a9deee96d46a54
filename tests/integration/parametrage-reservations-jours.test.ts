// Paramétrage des réservations on PostgreSQL, the opening days: a generation previewed day by day and then saved
// as previewed (and one for a single unit at a single lieu, the others left as they are), a single day opened and
// removed (never while a child is booked on it, never on a closure of the commune). Each command journals its
// administrator (setup and helpers: parametrage-fixtures.ts).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/parametrage-jours-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { dateDeJour, jourSemaine } from "@/lib/temps/jours";
import { ajouterJour } from "@/lib/domain/calendrier/ajouter-jour";
import { apercuJours } from "@/lib/domain/calendrier/apercu-jours";
import { enregistrerJours } from "@/lib/domain/calendrier/enregistrer-jours";
import { fermer } from "@/lib/domain/calendrier/fermer";
import { retirerJour } from "@/lib/domain/calendrier/retirer-jour";
import { calendrierReservations } from "@/lib/domain/reservation/queries";
import { AOUT, joursDe, journalise, preparerParametrage, refus, type Activite } from "./parametrage-fixtures";
import { familleInscrite } from "./reservation-fixtures";

let cantine: Activite;
let garderie: Activite;
let anneeId: number;
let adminId: string;

beforeAll(async () => {
  ({ cantine, garderie, anneeId, adminId } = await preparerParametrage());
}, 120_000);

describe("opening days generated from weekdays", () => {
  it("previews the days added, removed and excluded with why, writes nothing, then saves exactly that", async () => {
    const avant = await joursDe(garderie);
    const cible = { activiteId: garderie.id, anneeId, joursSemaine: [1, 2, 3, 4, 5] };
    const apercu = await apercuJours(cible);
    // the Wednesdays of the year are the only days to add (every unit at every lieu), none to remove
    expect(apercu.joursAjoutes.length).toBeGreaterThan(25);
    expect(apercu.joursAjoutes.every((j) => jourSemaine(j) === 3)).toBe(true);
    expect(apercu.ajouts).toBe(apercu.joursAjoutes.length * garderie.unites.length * garderie.lieux.length);
    expect(apercu.joursRetires).toEqual([]);
    expect(apercu.exclus).toContainEqual({ jour: "2026-11-11", raison: "Férié" });
    expect(apercu.exclus).toContainEqual({ jour: "2026-10-21", raison: "Vacances de la Toussaint" });
    expect(apercu.exclus).toContainEqual({ jour: "2027-05-07", raison: "Pont de l'Ascension" });
    // the Wednesday classes end before the pont de l'Ascension is still a day of class
    expect(apercu.joursAjoutes).toContain("2027-05-05");
    expect(await joursDe(garderie)).toBe(avant);

    expect(await enregistrerJours({ ...cible, agentId: adminId })).toEqual({ ajoutes: apercu.ajouts, retires: 0 });
    expect(await joursDe(garderie)).toBe(avant + apercu.ajouts);
    expect((await db().activite.findUniqueOrThrow({ where: { id: garderie.id } })).joursSemaine).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect((await apercuJours(cible)).ajouts).toBe(0);
    expect(await journalise("reservations.jours_generes")).toHaveLength(1);

    // back to lundi, mardi, jeudi, vendredi: the Wednesdays are previewed as removed, then removed
    const retour = { ...cible, joursSemaine: [1, 2, 4, 5] };
    const inverse = await apercuJours(retour);
    expect(inverse.joursRetires).toEqual(apercu.joursAjoutes);
    expect(inverse.joursAjoutes).toEqual([]);
    await enregistrerJours({ ...retour, agentId: adminId });
    expect(await joursDe(garderie)).toBe(avant);
  });

  it("for one unit at one lieu: the other units and lieux are left as they are", async () => {
    const [matin, soir] = garderie.unites as [number, number];
    const lieu = garderie.lieux[0]!;
    const cible = { activiteId: garderie.id, anneeId, joursSemaine: [1, 2, 3, 4, 5], uniteId: matin, lieuId: lieu };
    const apercu = await apercuJours(cible);
    expect(apercu.ajouts).toBe(apercu.joursAjoutes.length);
    await enregistrerJours(cible);
    expect(await joursDe(garderie, { uniteId: soir, date: dateDeJour("2026-09-09") })).toBe(0);
    expect(await joursDe(garderie, { uniteId: matin, lieuId: lieu, date: dateDeJour("2026-09-09") })).toBe(1);
    // the activity's weekdays are only the whole activity's
    expect((await db().activite.findUniqueOrThrow({ where: { id: garderie.id } })).joursSemaine).toEqual([1, 2, 4, 5]);
    await enregistrerJours({ ...cible, joursSemaine: [1, 2, 4, 5] });
    expect(await joursDe(garderie, { date: dateDeJour("2026-09-09") })).toBe(0);
  });

  it("refuses a generation without any weekday", async () => {
    expect((await refus(apercuJours({ activiteId: garderie.id, anneeId, joursSemaine: [] }))).message).toBe(
      "Cochez au moins un jour de la semaine.",
    );
  });
});

describe("a single day", () => {
  it("is opened for every unit and lieu or one unit, removed, and never while a child is booked on it", async () => {
    const mercredi = "2026-09-16";
    const avant = await joursDe(cantine);
    expect(await ajouterJour({ activiteId: cantine.id, date: mercredi, agentId: adminId })).toEqual({
      ajoutes: cantine.unites.length * cantine.lieux.length,
    });
    expect(await ajouterJour({ activiteId: cantine.id, date: mercredi })).toEqual({ ajoutes: 0 });
    expect(await retirerJour({ activiteId: cantine.id, date: mercredi, agentId: adminId })).toEqual({
      retires: cantine.unites.length * cantine.lieux.length,
    });
    expect(await joursDe(cantine)).toBe(avant);
    expect((await refus(retirerJour({ activiteId: cantine.id, date: mercredi }))).message).toBe(
      "Ce jour n'est pas un jour d'ouverture.",
    );

    // opened for one unit only, the parent's calendar shows that Wednesday and it can be booked
    await ajouterJour({ activiteId: cantine.id, date: mercredi, uniteId: cantine.unites[0] });
    const f = await familleInscrite("Mercredi", cantine.id);
    const cal = await calendrierReservations({
      portee: { usagerId: f.usager.id },
      enfantId: f.enfantId,
      inscriptionId: f.inscriptionId,
      now: AOUT,
    });
    expect(cal?.ouvert && cal.jours.find((j) => j.jour === mercredi)?.cases.map((c) => c.uniteId)).toEqual([
      cantine.unites[0],
    ]);
    const bilan = await enregistrerReservations({
      usagerId: f.usager.id,
      inscriptionId: f.inscriptionId,
      changements: [{ date: mercredi, uniteId: cantine.unites[0]!, reserver: true }],
      now: AOUT,
    });
    expect(bilan.reservees).toHaveLength(1);
    expect((await refus(retirerJour({ activiteId: cantine.id, date: mercredi }))).message).toBe(
      "1 réservation sur ce jour : annulez-les d'abord (ou déclarez une fermeture).",
    );
    expect(await journalise("reservations.jour_ajoute")).toHaveLength(1);
    expect(await journalise("reservations.jour_retire")).toHaveLength(1);
  });

  it("a closure of the commune cannot be opened", async () => {
    await fermer({ date: "2026-10-01", type: "GREVE", libelle: "Grève" });
    expect((await refus(ajouterJour({ activiteId: cantine.id, date: "2026-10-01" }))).message).toBe(
      "Ce jour est une fermeture de la commune (Grève) : il ne peut pas être ouvert.",
    );
    expect(await joursDe(cantine, { date: dateDeJour("2026-10-01") })).toBe(0);
  });
});
