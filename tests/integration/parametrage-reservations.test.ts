// Paramétrage des réservations on PostgreSQL: a generation previewed day by day and then saved as previewed, a
// single day opened and removed, the official calendar's file imported (and a malformed one refused with
// nothing written), the commune's school zone changed (its holidays, not zone A's, left out; by an
// administrator only), délais saved and then applied to a parent's save, capacities with their waiting list, the
// school year's dates, and bookings validated by an agent. Each command journals its administrator. (A non-ADMIN
// agent's refusal is the server actions' wrapper: tests/http/acces.test.ts and e2e/parametrage-reservations.)
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/parametrage-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { saisirCleEnfance } from "@/lib/domain/famille/rattacher";
import { lireOctetsCalendrier } from "@/lib/domain/calendrier/generation";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { dateDeJour, jourDeDate, jourSemaine } from "@/lib/temps/jours";
import { ajouterJour } from "@/lib/domain/calendrier/ajouter-jour";
import { apercuJours } from "@/lib/domain/calendrier/apercu-jours";
import { enregistrerJours } from "@/lib/domain/calendrier/enregistrer-jours";
import { fermer } from "@/lib/domain/calendrier/fermer";
import { importerCalendrierScolaire } from "@/lib/domain/calendrier/importer-calendrier-scolaire";
import { modifierAnnee } from "@/lib/domain/calendrier/modifier-annee";
import { modifierDelais } from "@/lib/domain/calendrier/modifier-delais";
import { modifierRegles } from "@/lib/domain/reservation/modifier-regles";
import { modifierZone } from "@/lib/domain/calendrier/modifier-zone";
import { retirerJour } from "@/lib/domain/calendrier/retirer-jour";
import { zoneDeLaCommune } from "@/lib/domain/calendrier/zone";
import { calendrierReservations } from "@/lib/domain/reservation/queries";
import { deciderReservations, reservationsAValider } from "@/lib/domain/reservation/validation";
import { champAllergie, champHabitude } from "@/lib/domain/sante/schemas";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { agent, CO_REPRESENTANT_BIDART, usagerActive } from "./demande-fixtures";
import { dossierSanteValide } from "./inscription-fixtures";
import { familleInscrite } from "./reservation-fixtures";

type Activite = { id: number; unites: number[]; lieux: number[] };
let cantine: Activite;
let garderie: Activite;
let anneeId: number;
let adminId: string;

/** In August, before any cutoff of September. */
const AOUT = new Date("2026-08-20T10:00:00Z");

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const activite = async (code: string): Promise<Activite> => {
    const a = await db().activite.findUniqueOrThrow({
      where: { code },
      include: { unites: { orderBy: { ordre: "asc" } }, lieux: { orderBy: { ordre: "asc" } } },
    });
    return { id: a.id, unites: a.unites.map((u) => u.id), lieux: a.lieux.map((l) => l.id) };
  };
  cantine = await activite("RESTAURATION_PUBLIQUE");
  garderie = await activite("GARDERIE_PUBLIQUE");
  anneeId = (await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } })).id;
  adminId = (await agent("Admin")).id;
  await db().agent.update({ where: { id: adminId }, data: { role: "ADMIN" } });
}, 120_000);

const joursDe = async (activite: Activite, where: object = {}) =>
  db().jourOuverture.count({ where: { unite: { activiteId: activite.id }, ...where } });
const journalise = (event: string) => db().journalEntry.findMany({ where: { event, actorId: adminId } });

async function refus(promesse: Promise<unknown>): Promise<AppError> {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return erreur as AppError;
}

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

describe("délais", () => {
  it("are saved and then decide a parent's save (J-2 ouvrés across 11 November)", async () => {
    const f = await familleInscrite("Delais", garderie.id);
    await modifierDelais({
      activiteId: garderie.id,
      reservation: { type: "J_MOINS", n: 2, ouvres: true, heure: "18:00" },
      annulation: { type: "JAMAIS" },
      agentId: adminId,
    });
    const jeudi = "2026-11-12";
    const reserver = (now: Date) =>
      enregistrerReservations({
        usagerId: f.usager.id,
        inscriptionId: f.inscriptionId,
        changements: [{ date: jeudi, uniteId: garderie.unites[0]!, reserver: true }],
        now,
      });
    // Thursday 12 November: two working days before, skipping the 11th, is Monday 9 at 18:00 (17:00 UTC)
    const tard = await reserver(new Date("2026-11-09T17:01:00Z"));
    expect(tard.refus.map((r) => r.raison)).toEqual([
      "Le délai de réservation est dépassé (modifiable jusqu'au lundi 9 novembre à 18:00).",
    ]);
    expect((await reserver(new Date("2026-11-09T17:00:00Z"))).reservees).toHaveLength(1);
    const annuler = await enregistrerReservations({
      usagerId: f.usager.id,
      inscriptionId: f.inscriptionId,
      changements: [{ date: jeudi, uniteId: garderie.unites[0]!, reserver: false }],
      now: AOUT,
    });
    expect(annuler.refus.map((r) => r.raison)).toEqual([
      "Ce jour ne peut pas être annulé depuis le portail : contactez le service Enfance.",
    ]);
    expect(
      (
        await refus(
          modifierDelais({ activiteId: garderie.id, reservation: { type: "JAMAIS" }, annulation: { type: "JAMAIS" } }),
        )
      ).field,
    ).toBe("reservation-type");
    const [entree] = await journalise("reservations.delais");
    expect(entree?.details).toMatchObject({ activiteId: garderie.id, annulation: { type: "JAMAIS" } });
    await modifierDelais({
      activiteId: garderie.id,
      reservation: { type: "J_MOINS", n: 1, ouvres: false, heure: "18:00" },
      annulation: { type: "J_MOINS", n: 1, ouvres: false, heure: "18:00" },
    });
  });
});

describe("capacity and the school year", () => {
  it("a unit's capacity sends the overflow to the waiting list, and a larger one promotes it", async () => {
    const jour = "2026-09-21";
    const soir = garderie.unites[1]!;
    await modifierRegles({
      activiteId: garderie.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: soir, capacite: 1 }],
      agentId: adminId,
      now: AOUT,
    });
    expect((await db().unite.findUniqueOrThrow({ where: { id: soir } })).capacite).toBe(1);
    const familles = [await familleInscrite("Placeun", garderie.id), await familleInscrite("Placedeux", garderie.id)];
    const bilans = [];
    for (const f of familles) {
      bilans.push(
        await enregistrerReservations({
          usagerId: f.usager.id,
          inscriptionId: f.inscriptionId,
          changements: [{ date: jour, uniteId: soir, reserver: true }],
          now: AOUT,
        }),
      );
    }
    expect(bilans.map((b) => [b.reservees.length, b.enAttente.length])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    const statuts = async () =>
      (
        await db().reservation.findMany({
          where: { uniteId: soir, date: dateDeJour(jour) },
          orderBy: { creeeLe: "asc" },
        })
      ).map((r) => r.statut);
    expect(await statuts()).toEqual(["RESERVEE", "ATTENTE"]);
    await modifierRegles({
      activiteId: garderie.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: soir, capacite: 2 }],
      now: AOUT,
    });
    expect(await statuts()).toEqual(["RESERVEE", "RESERVEE"]);
    await modifierRegles({
      activiteId: garderie.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: soir, capacite: null }],
      now: AOUT,
    });
    expect(await db().jourOuverture.count({ where: { uniteId: soir, capacite: { not: null } } })).toBe(0);
    expect(await journalise("reservations.regles")).toHaveLength(1);
    // a unit of another activity is refused, nothing written
    expect(
      (
        await refus(
          modifierRegles({
            activiteId: garderie.id,
            validation: "AGENT",
            capacites: [{ uniteId: cantine.unites[0]!, capacite: 3 }],
          }),
        )
      ).message,
    ).toBe("Cette unité n'est pas de cette activité.");
    expect((await db().activite.findUniqueOrThrow({ where: { id: garderie.id } })).validation).toBe("AUTOMATIQUE");
  });

  it("the opening of bookings and the read-only day", async () => {
    expect(
      (await refus(modifierAnnee({ anneeId, ouvertureReservations: "2026-08-01", lectureSeuleLe: "2026-07-01" })))
        .field,
    ).toBe("lectureSeuleLe");
    await modifierAnnee({
      anneeId,
      ouvertureReservations: "2026-08-03",
      lectureSeuleLe: "2027-06-30",
      agentId: adminId,
    });
    const annee = await db().anneeScolaire.findUniqueOrThrow({ where: { id: anneeId } });
    expect([jourDeDate(annee.ouvertureReservations), annee.lectureSeuleLe && jourDeDate(annee.lectureSeuleLe)]).toEqual(
      ["2026-08-03", "2027-06-30"],
    );
    const f = await familleInscrite("Ouverture", cantine.id);
    const avant = await refus(
      enregistrerReservations({
        usagerId: f.usager.id,
        inscriptionId: f.inscriptionId,
        changements: [{ date: "2026-09-14", uniteId: cantine.unites[0]!, reserver: true }],
        now: new Date("2026-08-02T21:59:00Z"),
      }),
    );
    expect(avant.message).toBe("Ouverture des réservations le 3 août 2026.");
    await modifierAnnee({ anneeId, ouvertureReservations: "2026-08-01", lectureSeuleLe: null });
  });
});

describe("validation by an agent", () => {
  it("a parent's request waits, shows as such, and is validated (within capacity) or refused from the console's list", async () => {
    await modifierRegles({ activiteId: cantine.id, validation: "AGENT", capacites: [], agentId: adminId, now: AOUT });
    const [classique] = cantine.unites as [number];
    const f = await familleInscrite("Valider", cantine.id);
    const demander = (date: string, reserver = true) =>
      enregistrerReservations({
        usagerId: f.usager.id,
        inscriptionId: f.inscriptionId,
        changements: [{ date, uniteId: classique, reserver }],
        now: AOUT,
      });
    const bilan = await demander("2026-09-28");
    expect(bilan).toMatchObject({ reservees: [], aValider: [{ date: "2026-09-28", uniteId: classique }] });
    await demander("2026-09-29");
    const etat = async (date: string) => {
      const cal = await calendrierReservations({
        portee: { usagerId: f.usager.id },
        enfantId: f.enfantId,
        inscriptionId: f.inscriptionId,
        now: AOUT,
      });
      return cal?.ouvert ? cal.jours.find((j) => j.jour === date)?.cases.find((c) => c.uniteId === classique) : null;
    };
    expect(await etat("2026-09-28")).toEqual({ uniteId: classique, etat: "A_VALIDER", modifiable: true });
    // the mail says it waits for the service
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: f.usager.courriel },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.text).toContain("Jours en attente de validation par le service (1)");

    const liste = await reservationsAValider();
    const miennes = liste.filter((l) => l.enfant.startsWith("Henri VALIDER"));
    expect(miennes.map((l) => l.jour)).toEqual(["2026-09-28", "2026-09-29"]);
    const instructeur = await agent("Instructeur");
    expect(await deciderReservations({ agentId: instructeur.id, ids: [miennes[0]!.id], decision: "valider" })).toEqual({
      reservees: 1,
      enAttente: 0,
      refusees: 0,
    });
    expect(await deciderReservations({ agentId: instructeur.id, ids: [miennes[1]!.id], decision: "refuser" })).toEqual({
      reservees: 0,
      enAttente: 0,
      refusees: 1,
    });
    expect(
      (await refus(deciderReservations({ agentId: instructeur.id, ids: [miennes[1]!.id], decision: "valider" })))
        .message,
    ).toBe("Ces demandes ont déjà été traitées.");
    expect(await etat("2026-09-28")).toMatchObject({ etat: "RESERVEE" });
    expect(await etat("2026-09-29")).toMatchObject({ etat: "REFUSEE", modifiable: true });
    expect(
      await db().journalEntry.count({ where: { event: "reservations.validation", actorId: instructeur.id } }),
    ).toBe(2);

    // asked again after a refusal: waits again; a request withdrawn frees nothing and is always allowed
    expect((await demander("2026-09-29")).aValider).toHaveLength(1);
    expect((await demander("2026-09-29", false)).annulees).toHaveLength(1);
    await modifierRegles({ activiteId: cantine.id, validation: "AUTOMATIQUE", capacites: [], now: AOUT });
    expect((await demander("2026-10-02")).reservees).toHaveLength(1);
  });

  it("validated within the day's capacity: the overflow goes to the waiting list", async () => {
    const [, vegetarien] = cantine.unites as [number, number];
    await modifierRegles({
      activiteId: cantine.id,
      validation: "AGENT",
      capacites: [{ uniteId: vegetarien, capacite: 1 }],
      now: AOUT,
    });
    const jour = "2026-10-05";
    const ids: string[] = [];
    for (const nom of ["Capaun", "Capadeux"]) {
      const f = await familleInscrite(nom, cantine.id);
      const bilan = await enregistrerReservations({
        usagerId: f.usager.id,
        inscriptionId: f.inscriptionId,
        changements: [{ date: jour, uniteId: vegetarien, reserver: true }],
        now: AOUT,
      });
      expect(bilan.aValider).toHaveLength(1);
      const r = await db().reservation.findFirstOrThrow({ where: { enfantId: f.enfantId, uniteId: vegetarien } });
      ids.push(r.id);
    }
    expect(await deciderReservations({ agentId: adminId, ids, decision: "valider" })).toEqual({
      reservees: 1,
      enAttente: 1,
      refusees: 0,
    });
    await modifierRegles({
      activiteId: cantine.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: vegetarien, capacite: null }],
      now: AOUT,
    });
    // the larger capacity (none) promoted the waiting one
    expect((await db().reservation.findMany({ where: { id: { in: ids } } })).map((r) => r.statut).sort()).toEqual([
      "RESERVEE",
      "RESERVEE",
    ]);
  });

  it(
    "the family is told of each decision: one mail per representant with a space and per child, no health data",
    { timeout: 120_000 },
    async () => {
      const [classique, vegetarien] = cantine.unites as [number, number];
      await modifierRegles({
        activiteId: cantine.id,
        validation: "AGENT",
        capacites: [{ uniteId: vegetarien, capacite: 1 }],
        now: AOUT,
      });
      const f = await familleInscrite("Prevenir", cantine.id, { coRepresentant: CO_REPRESENTANT_BIDART });
      // the co-représentant's own space, linked by the family's clé enfance
      const mikel = await db().usager.update({
        where: { id: (await usagerActive("Bidart")).id },
        data: { civilite: "MONSIEUR", prenoms: "Mikel", dateNaissance: new Date("1985-02-03T00:00:00Z") },
      });
      const { cleEnfance } = await db().famille.findUniqueOrThrow({ where: { id: f.familleId } });
      expect((await saisirCleEnfance({ usager: mikel, saisie: cleEnfance, ip: "192.0.2.81" })).kind).toBe("rattache");
      await dossierSanteValide(f.usager.id, f.enfantId, {
        [champHabitude("SANS_PORC")]: "on",
        [champAllergie("ARACHIDES")]: "on",
      });
      const autre = await familleInscrite("Premiere", cantine.id);
      const demander = (g: typeof f, date: string, uniteId: number) =>
        enregistrerReservations({
          usagerId: g.usager.id,
          inscriptionId: g.inscriptionId,
          changements: [{ date, uniteId, reserver: true }],
          now: AOUT,
        });
      await demander(autre, "2026-10-12", vegetarien);
      await demander(f, "2026-10-12", vegetarien);
      await demander(f, "2026-10-13", classique);
      await demander(f, "2026-10-15", classique);
      const demandeDe = async (enfantId: string, date: string) =>
        (await db().reservation.findFirstOrThrow({ where: { enfantId, date: dateDeJour(date), statut: "A_VALIDER" } }))
          .id;
      const SUJET = "Vos demandes de réservation pour Henri";
      const recus = (to: string) =>
        db().outboxMail.findMany({ where: { to, subject: SUJET }, orderBy: { createdAt: "asc" } });
      const envoyes = () => db().outboxMail.count({ where: { subject: SUJET } });

      // the other family's request takes the day's only vegetarian place: its titulaire alone is told
      let avant = await envoyes();
      const premiere = await demandeDe(autre.enfantId, "2026-10-12");
      await deciderReservations({ agentId: adminId, ids: [premiere], decision: "valider" });
      expect(await envoyes()).toBe(avant + 1);
      expect(await recus(autre.usager.courriel)).toHaveLength(1);

      // validated: one day booked, the full one on the waiting list; then one refused. Both spaces told each time
      const validees = [await demandeDe(f.enfantId, "2026-10-12"), await demandeDe(f.enfantId, "2026-10-13")];
      const refusee = await demandeDe(f.enfantId, "2026-10-15");
      avant = await envoyes();
      expect(await deciderReservations({ agentId: adminId, ids: validees, decision: "valider" })).toEqual({
        reservees: 1,
        enAttente: 1,
        refusees: 0,
      });
      expect(await deciderReservations({ agentId: adminId, ids: [refusee], decision: "refuser" })).toEqual({
        reservees: 0,
        enAttente: 0,
        refusees: 1,
      });
      expect(await envoyes()).toBe(avant + 4);
      // decided again: already done, nothing more is sent
      const deja = await refus(
        deciderReservations({ agentId: adminId, ids: [...validees, refusee], decision: "refuser" }),
      );
      expect(deja.message).toBe("Ces demandes ont déjà été traitées.");
      expect(await envoyes()).toBe(avant + 4);

      for (const [courriel, salutation] of [
        [f.usager.courriel, "Mme PREVENIR"],
        [mikel.courriel, "M. BIDART"],
      ] as const) {
        const mails = await recus(courriel);
        expect(mails).toHaveLength(2);
        const [validation, refusal] = mails as [(typeof mails)[0], (typeof mails)[0]];
        expect(validation.text).toContain(`Bonjour ${salutation}`);
        expect(validation.text).toContain("Le service a traité vos demandes de réservation pour Henri");
        expect(validation.text).toContain("Jours réservés (1)\n\nmardi 13 octobre 2026 : Menu Classique");
        expect(validation.text).toContain("Jours en liste d'attente (1)\n\nlundi 12 octobre 2026 : Menu Végétarien");
        expect(validation.text).not.toContain("refusé");
        expect(validation.text).toContain(`/famille/enfants/${f.enfantId}/reservations?inscription=${f.inscriptionId}`);
        expect(refusal.text).toContain("Jours refusés (1)\n\njeudi 15 octobre 2026 : Menu Classique");
        expect(refusal.text).not.toContain("Jours réservés");
        // nothing of the dossier santé (allergies, régime), in either part
        for (const part of mails.flatMap((m) => [m.text, m.html])) {
          expect(part).not.toMatch(/arachide|sans porc/i);
        }
      }
      await modifierRegles({
        activiteId: cantine.id,
        validation: "AUTOMATIQUE",
        capacites: [{ uniteId: vegetarien, capacite: null }],
        now: AOUT,
      });
    },
  );
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
