// Paramétrage des réservations on PostgreSQL, the school holidays: the official calendar's file imported (zone A's
// rows reported, the other zones' kept, nothing duplicated; a malformed or foreign one refused with nothing
// written), and the commune's school zone changed (by an administrator only; its holidays, not zone A's, left out
// of the generation and shown to the parents). Each command journals its administrator (parametrage-fixtures.ts).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/parametrage-vacances-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { lireOctetsCalendrier } from "@/lib/domain/calendrier/generation";
import { dateDeJour, jourDeDate } from "@/lib/temps/jours";
import { apercuJours } from "@/lib/domain/calendrier/apercu-jours";
import { enregistrerJours } from "@/lib/domain/calendrier/enregistrer-jours";
import { importerCalendrierScolaire } from "@/lib/domain/calendrier/importer-calendrier-scolaire";
import { modifierZone } from "@/lib/domain/calendrier/modifier-zone";
import { zoneDeLaCommune } from "@/lib/domain/calendrier/zone";
import { calendrierReservations } from "@/lib/domain/reservation/queries";
import { agent } from "./demande-fixtures";
import { AOUT, joursDe, journalise, preparerParametrage, refus, type Activite } from "./parametrage-fixtures";
import { familleInscrite } from "./reservation-fixtures";

let garderie: Activite;
let anneeId: number;
let adminId: string;

beforeAll(async () => {
  ({ garderie, anneeId, adminId } = await preparerParametrage());
}, 120_000);

describe("the official school calendar's file", () => {
  const octets = (texte: string) => new TextEncoder().encode(texte);

  it("imports the CSV export's zone A holidays, once, journaled", async () => {
    const csv = [
      "Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire",
      "Vacances de la Toussaint;-;2027-10-23T00:00:00+02:00;2027-11-08T00:00:00+01:00;Bordeaux;Zone A;2027-2028",
      "Vacances de la Toussaint;-;2027-10-23T00:00:00+02:00;2027-11-08T00:00:00+01:00;Lyon;Zone A;2027-2028",
      "Vacances de Noël;-;2027-12-18T00:00:00+01:00;2028-01-03T00:00:00+01:00;Bordeaux;Zone A;2027-2028",
      "Vacances de Noël;-;2027-12-18T00:00:00+01:00;2028-01-03T00:00:00+01:00;Lille;Zone B;2027-2028",
    ].join("\n");
    const lu = lireOctetsCalendrier(octets(csv));
    expect(lu.ok).toBe(true);
    const resultat = await importerCalendrierScolaire({ donnees: lu.ok ? lu.lignes : [], agentId: adminId });
    // zone B's row is kept too (a later change of zone needs no new import), zone A's are what is reported
    expect(resultat).toEqual({ importees: 2, autresZones: 1, ignorees: 0, annees: ["2027-2028"] });
    const toussaint = await db().vacancesScolaires.findFirstOrThrow({
      where: { zone: "Zone A", anneeScolaire: "2027-2028", description: "Vacances de la Toussaint" },
    });
    expect([jourDeDate(toussaint.debut), jourDeDate(toussaint.fin)]).toEqual(["2027-10-23", "2027-11-08"]);
    // imported again: the same rows, nothing duplicated
    await importerCalendrierScolaire({ donnees: lu.ok ? lu.lignes : [] });
    expect(await db().vacancesScolaires.count({ where: { zone: "Zone A", anneeScolaire: "2027-2028" } })).toBe(2);
    expect(await db().vacancesScolaires.count({ where: { anneeScolaire: "2027-2028" } })).toBe(3);
    expect(await journalise("reservations.calendrier_importe")).toHaveLength(1);
  });

  it("refuses a malformed or foreign file with a French message, and writes nothing", async () => {
    const avant = await db().vacancesScolaires.count();
    expect(lireOctetsCalendrier(octets('[{"description": "Vacances'))).toEqual({
      ok: false,
      message: "Le fichier JSON est mal formé : il ne peut pas être lu.",
    });
    expect(lireOctetsCalendrier(octets("nom;prénom\nDupont;Jean"))).toEqual({
      ok: false,
      message:
        "Ce fichier n'est pas un export du calendrier scolaire (fr-en-calendrier-scolaire) au format JSON ou CSV.",
    });
    expect(lireOctetsCalendrier(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({
      ok: false,
      message: "Ce fichier n'est pas un fichier texte : choisissez l'export JSON ou CSV.",
    });
    expect(lireOctetsCalendrier(new Uint8Array())).toEqual({ ok: false, message: "Le fichier est vide." });
    // a readable file without a single row of the commune's zone (A): refused as a whole
    const zoneB = lireOctetsCalendrier(
      octets(
        JSON.stringify({
          results: [
            {
              description: "Vacances d'Hiver",
              population: "-",
              start_date: "2028-02-12T23:00:00+00:00",
              end_date: "2028-02-28T23:00:00+00:00",
              location: "Lille",
              zones: "Zone B",
              annee_scolaire: "2027-2028",
            },
          ],
        }),
      ),
    );
    const erreur = await refus(importerCalendrierScolaire({ donnees: zoneB.ok ? zoneB.lignes : null }));
    expect(erreur.message).toBe(
      "Ce fichier ne contient aucune période de vacances de la zone de la commune (Zone A) : rien n'a été importé.",
    );
    expect(erreur.field).toBe("fichier");
    expect(await db().vacancesScolaires.count()).toBe(avant);
  });
});

describe("the commune's school zone", () => {
  /** Rows of the dataset's JSON export for 2026-2027 (Paris midnights as UTC instants, once per académie). */
  const ligne = (zones: string, location: string, description: string, debut: string, fin: string) => ({
    description,
    population: "-",
    start_date: `${debut}T22:00:00+00:00`,
    end_date: `${fin}T23:00:00+00:00`,
    location,
    zones,
    annee_scolaire: "2026-2027",
  });
  // the Toussaint is the same in every metropolitan zone; the winter holidays are not: zone A's run from
  // 13 February to 1 March 2027, zone C's from 6 to 22 February
  const zoneC = [
    ligne("Zone C", "Paris", "Vacances de la Toussaint", "2026-10-16", "2026-11-01"),
    ligne("Zone C", "Toulouse", "Vacances de la Toussaint", "2026-10-16", "2026-11-01"),
    ligne("Zone C", "Paris", "Vacances d'Hiver", "2027-02-05", "2027-02-21"),
    ligne("Zone B", "Lille", "Vacances d'Hiver", "2027-02-19", "2027-03-07"),
  ];
  const garderieDe = (date: string) => joursDe(garderie, { date: dateDeJour(date) });
  const cible = () => ({ activiteId: garderie.id, anneeId });

  it("is changed by an administrator only, journaled; a commune in Zone C gets zone C's holidays left out, not zone A's", async () => {
    expect(await zoneDeLaCommune()).toBe("Zone A");
    const zoneA = await apercuJours(cible());
    expect(zoneA.exclus).toContainEqual({ jour: "2026-10-19", raison: "Vacances de la Toussaint" });
    expect(zoneA.exclus).toContainEqual({ jour: "2027-02-22", raison: "Vacances d'Hiver" });
    expect(zoneA.ouverts).toContain("2027-02-08");
    const ouvertsLe8 = await garderieDe("2027-02-08");
    expect(ouvertsLe8).toBeGreaterThan(0);

    // another role is refused, nothing changes
    const simpleAgent = await agent("Etcheverry");
    const refusee = await refus(modifierZone({ zone: "Zone C", agentId: simpleAgent.id }));
    expect(refusee.message).toBe("Seul un administrateur peut changer la zone de vacances scolaires.");
    expect(await zoneDeLaCommune()).toBe("Zone A");

    try {
      expect(await modifierZone({ zone: "Zone C", agentId: adminId })).toEqual({ modifiee: true });
      expect(await zoneDeLaCommune()).toBe("Zone C");
      const journal = await journalise("reservations.zone");
      expect(journal.map((j) => j.details)).toEqual([{ avant: "Zone A", apres: "Zone C" }]);
      expect(await db().journalEntry.count({ where: { event: "reservations.zone", actorId: simpleAgent.id } })).toBe(0);
      // the same zone again: nothing written, nothing journaled
      expect(await modifierZone({ zone: "Zone C", agentId: adminId })).toEqual({ modifiee: false });
      expect(await journalise("reservations.zone")).toHaveLength(1);

      // zone C's calendar not imported yet: none of zone A's holidays are left out
      const sansCalendrier = await apercuJours(cible());
      expect(sansCalendrier.exclus.filter((e) => e.raison.startsWith("Vacances"))).toEqual([]);
      expect(sansCalendrier.ouverts).toContain("2026-10-19");

      // the file imported: zone C's holidays (zone B's kept aside)
      expect(await importerCalendrierScolaire({ donnees: zoneC, agentId: adminId })).toEqual({
        importees: 2,
        autresZones: 1,
        ignorees: 0,
        annees: ["2026-2027"],
      });
      const apercu = await apercuJours(cible());
      expect(apercu.exclus).toContainEqual({ jour: "2026-10-19", raison: "Vacances de la Toussaint" });
      expect(apercu.exclus).toContainEqual({ jour: "2027-02-08", raison: "Vacances d'Hiver" });
      expect(apercu.ouverts).toContain("2027-02-22");
      expect(apercu.joursRetires).toContain("2027-02-08");
      expect(apercu.joursAjoutes).toContain("2027-02-22");

      // changing the zone did not rewrite the saved days: the administrator regenerates them
      expect(await garderieDe("2027-02-08")).toBe(ouvertsLe8);
      expect(await garderieDe("2027-02-22")).toBe(0);
      await enregistrerJours({ ...cible(), agentId: adminId });
      expect(await garderieDe("2027-02-08")).toBe(0);
      expect(await garderieDe("2027-02-22")).toBe(ouvertsLe8);

      // and the parents' month view says why, from zone C's rows
      const f = await familleInscrite("Zone", garderie.id);
      // (it shows one month at a time)
      const jour = async (j: string) => {
        const cal = await calendrierReservations({
          portee: { usagerId: f.usager.id },
          enfantId: f.enfantId,
          inscriptionId: f.inscriptionId,
          now: AOUT,
          mois: j.slice(0, 7),
        });
        return cal?.ouvert ? cal.jours.find((c) => c.jour === j) : undefined;
      };
      expect(await jour("2026-10-19")).toMatchObject({ ferme: true, info: "Vacances de la Toussaint" });
      expect(await jour("2027-02-08")).toMatchObject({ ferme: true, info: "Vacances d'Hiver" });
      expect(await jour("2027-02-22")).toMatchObject({ ferme: false });
    } finally {
      // back to the demo's zone A and its opening days, for the other tests
      await modifierZone({ zone: "Zone A", agentId: adminId });
      await enregistrerJours(cible());
    }
    expect(await garderieDe("2027-02-08")).toBe(ouvertsLe8);
  });
});
