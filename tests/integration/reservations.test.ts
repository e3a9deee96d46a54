// Gérer mes réservations on PostgreSQL: every rule checked again by the server whatever the browser sends
// (deadlines, closures, exclusive units, the household's own child and inscription, the period), two identical
// saves at once, capacity under 50 concurrent saves with a waiting list, garde alternée, the agent's booking
// outside the deadlines, and a replayed save that changes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/reservations-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { demandePourAgent } from "@/lib/domain/demande/queries-console";
import {
  enregistrerReservations,
  reserverPourLaFamille,
  RAISONS,
  type Changement,
} from "@/lib/domain/reservation/enregistrer";
import { apercuJours } from "@/lib/domain/calendrier/apercu-jours";
import { enregistrerJours } from "@/lib/domain/calendrier/enregistrer-jours";
import { fermer } from "@/lib/domain/calendrier/fermer";
import { dateDeJour, jourDeDate } from "@/lib/temps/jours";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { inscrire, seedReservations } from "@/prisma/demo-reservations";
import { ENFANT } from "./demande-fixtures";
import { familleDeposee, familleInscrite } from "./reservation-fixtures";

let cantine: { id: number; classique: number; vegetarien: number };
let garderie: { id: number; matin: number; soir: number };

/** In August, before any cutoff of September. */
const AOUT = new Date("2026-08-20T10:00:00Z");

// lib/db.ts reads it at its first call: the 50 concurrent saves below each get a connection instead of queuing for
// one of the default five (and giving up after maxWait on a busy machine)
process.env.DATABASE_POOL_SIZE = "20";

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const activite = async (code: string) =>
    db().activite.findUniqueOrThrow({ where: { code }, include: { unites: { orderBy: { ordre: "asc" } } } });
  const r = await activite("RESTAURATION_PUBLIQUE");
  cantine = { id: r.id, classique: r.unites[0]!.id, vegetarien: r.unites[1]!.id };
  const g = await activite("GARDERIE_PUBLIQUE");
  garderie = { id: g.id, matin: g.unites[0]!.id, soir: g.unites[1]!.id };
}, 120_000);

const famille = (nom: string, activiteId = cantine.id, enfants = [{ ...ENFANT, nom }]) =>
  familleDeposee(nom, activiteId, enfants);
const inscrite = (nom: string, activiteId = cantine.id) => familleInscrite(nom, activiteId);

/**
 * n children of one household, each with its accepted inscription: the first through the démarche, the others
 * copied straight into the database (the démarche is not what the capacity test is about, and 50 of them
 * would take minutes).
 */
async function fratrie(premier: Awaited<ReturnType<typeof inscrite>>, n: number) {
  const modele = await db().inscription.findUniqueOrThrow({
    where: { id: premier.inscriptionId },
    include: { demande: true, enfant: true },
  });
  const enfants = [premier];
  for (let i = 1; i < n; i++) {
    const { sexe, nom, dateNaissance } = modele.enfant;
    const { id: enfantId } = await db().enfant.create({
      data: { sexe, nom, prenoms: `Enfant ${i}`, dateNaissance, cleRapprochement: `${nom}|enfant ${i}` },
    });
    await db().familleEnfant.create({ data: { familleId: premier.familleId, enfantId } });
    const { type, statut, usagerId, familleId, donnees } = modele.demande;
    const { id: demandeId } = await db().demande.create({
      data: { type, statut, usagerId, familleId, enfantId, donnees: { ...(donnees as object), enfantId } },
    });
    const { inscriptionId } = await db()
      .inscription.create({
        data: {
          enfantId,
          demandeId,
          familleId: modele.familleId,
          activiteId: modele.activiteId,
          anneeId: modele.anneeId,
          lieuId: modele.lieuId,
          groupeId: modele.groupeId,
          uniteId: modele.uniteId,
          permissions: modele.permissions!,
          habilitations: modele.habilitations!,
        },
      })
      .then((ins) => ({ inscriptionId: ins.id }));
    enfants.push({ ...premier, enfantId, inscriptionId });
  }
  return enfants;
}

const reservations = (enfantId: string) =>
  db().reservation.findMany({ where: { enfantId }, orderBy: [{ date: "asc" }, { uniteId: "asc" }] });

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return (erreur as AppError).message;
};

describe("one save, one transaction, one row per child, unit and day", () => {
  it("two identical saves at once give one row each day; the same save again changes nothing and mails nothing", async () => {
    const f = await inscrite("Etcheverry");
    const jours = (
      await db().jourOuverture.findMany({
        where: { uniteId: cantine.classique, date: { gte: dateDeJour("2026-09-07"), lte: dateDeJour("2026-10-16") } },
        orderBy: { date: "asc" },
      })
    ).map((j) => jourDeDate(j.date));
    // six weeks of lundi, mardi, jeudi, vendredi
    expect(jours.length).toBe(24);
    const changements: Changement[] = jours.map((date) => ({ date, uniteId: cantine.classique, reserver: true }));
    const enregistrer = () =>
      enregistrerReservations({ usagerId: f.usager.id, inscriptionId: f.inscriptionId, changements, now: AOUT });

    const [a, b] = await Promise.all([enregistrer(), enregistrer()]);
    expect(a.reservees.length + b.reservees.length).toBe(24);
    expect(a.refus).toEqual([]);
    expect(b.refus).toEqual([]);
    const lignes = await reservations(f.enfantId);
    expect(lignes).toHaveLength(24);
    expect(lignes.every((r) => r.statut === "RESERVEE" && r.familleId === f.familleId)).toBe(true);

    const mails = await db().outboxMail.count({
      where: { to: f.usager.courriel, subject: { startsWith: "Vos réservations" } },
    });
    expect(mails).toBe(1);
    const replay = await enregistrer();
    expect(replay).toEqual({ reservees: [], enAttente: [], aValider: [], annulees: [], refus: [] });
    expect(await reservations(f.enfantId)).toEqual(lignes);
    expect(
      await db().outboxMail.count({ where: { to: f.usager.courriel, subject: { startsWith: "Vos réservations" } } }),
    ).toBe(1);

    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: f.usager.courriel, subject: { startsWith: "Vos réservations" } },
    });
    expect(mail.text).toContain("Jours réservés (24)");
    expect(mail.text).toContain("lundi 7 septembre 2026 : Menu Classique");
  });

  it("refuses Menu Classique and Menu Végétarien on the same day, and swaps one for the other in one save", async () => {
    const f = await inscrite("Bidart");
    const save = (changements: Changement[]) =>
      enregistrerReservations({ usagerId: f.usager.id, inscriptionId: f.inscriptionId, changements, now: AOUT });
    const ensemble = await save([
      { date: "2026-09-07", uniteId: cantine.classique, reserver: true },
      { date: "2026-09-07", uniteId: cantine.vegetarien, reserver: true },
    ]);
    expect(ensemble.reservees).toHaveLength(1);
    expect(ensemble.refus).toEqual([
      {
        date: "2026-09-07",
        uniteId: cantine.vegetarien,
        reserver: true,
        raison: "Menu Classique et Menu Végétarien ne peuvent pas être réservés le même jour.",
      },
    ]);
    const ensuite = await save([{ date: "2026-09-07", uniteId: cantine.vegetarien, reserver: true }]);
    expect(ensuite.refus.map((r) => r.raison)).toEqual([RAISONS.incompatible("Menu Classique", "Menu Végétarien")]);

    const echange = await save([
      { date: "2026-09-07", uniteId: cantine.classique, reserver: false },
      { date: "2026-09-07", uniteId: cantine.vegetarien, reserver: true },
    ]);
    expect(echange.refus).toEqual([]);
    expect((await reservations(f.enfantId)).map((r) => [r.uniteId, r.statut])).toEqual([
      [cantine.classique, "ANNULEE"],
      [cantine.vegetarien, "RESERVEE"],
    ]);
  });

  it("garderie Matin and Soir are independent", async () => {
    const f = await inscrite("Garat", garderie.id);
    const bilan = await enregistrerReservations({
      usagerId: f.usager.id,
      inscriptionId: f.inscriptionId,
      changements: [
        { date: "2026-09-08", uniteId: garderie.matin, reserver: true },
        { date: "2026-09-08", uniteId: garderie.soir, reserver: true },
      ],
      now: AOUT,
    });
    expect(bilan.reservees).toHaveLength(2);
  });
});

describe("capacity under concurrency", () => {
  it("50 concurrent saves on a day of 10 places: 10 booked, 40 on the waiting list; a cancellation promotes the oldest", async () => {
    const jour = "2026-11-05";
    await db().jourOuverture.updateMany({
      where: { uniteId: cantine.classique, date: dateDeJour(jour) },
      data: { capacite: 10 },
    });
    const familles = await fratrie(await inscrite("Capacite"), 50);
    const bilans = await Promise.all(
      familles.map((f) =>
        enregistrerReservations({
          usagerId: f.usager.id,
          inscriptionId: f.inscriptionId,
          changements: [{ date: jour, uniteId: cantine.classique, reserver: true }],
          now: AOUT,
        }),
      ),
    );
    expect(bilans.filter((b) => b.reservees.length === 1)).toHaveLength(10);
    expect(bilans.filter((b) => b.enAttente.length === 1)).toHaveLength(40);
    const compte = (statut: "RESERVEE" | "ATTENTE") =>
      db().reservation.count({ where: { uniteId: cantine.classique, date: dateDeJour(jour), statut } });
    expect(await compte("RESERVEE")).toBe(10);
    expect(await compte("ATTENTE")).toBe(40);

    const premier = familles[bilans.findIndex((b) => b.reservees.length === 1)]!;
    const oldest = await db().reservation.findFirstOrThrow({
      where: { uniteId: cantine.classique, date: dateDeJour(jour), statut: "ATTENTE" },
      orderBy: [{ creeeLe: "asc" }, { id: "asc" }],
    });
    await enregistrerReservations({
      usagerId: premier.usager.id,
      inscriptionId: premier.inscriptionId,
      changements: [{ date: jour, uniteId: cantine.classique, reserver: false }],
      now: AOUT,
    });
    expect(await compte("RESERVEE")).toBe(10);
    expect(await compte("ATTENTE")).toBe(39);
    expect((await db().reservation.findUniqueOrThrow({ where: { id: oldest.id } })).statut).toBe("RESERVEE");
  }, 120_000);
});

describe("deadlines, closures and the period, on the server", () => {
  it("cancels before the cutoff, refuses after it with the reason; refuses closures", async () => {
    const f = await inscrite("Delai");
    const save = (changements: Changement[], now: Date) =>
      enregistrerReservations({ usagerId: f.usager.id, inscriptionId: f.inscriptionId, changements, now });
    // Monday 14 September: "jeudi de la semaine précédente à 12:00" is Thursday 10 September, 10:00 UTC
    await save([{ date: "2026-09-14", uniteId: cantine.classique, reserver: true }], AOUT);
    await save([{ date: "2026-09-15", uniteId: cantine.classique, reserver: true }], AOUT);
    const annuler = (date: string) => [{ date, uniteId: cantine.classique, reserver: false }];
    expect((await save(annuler("2026-09-14"), new Date("2026-09-10T10:00:00Z"))).annulees).toHaveLength(1);
    const apres = await save(annuler("2026-09-15"), new Date("2026-09-10T10:01:00Z"));
    expect(apres.refus.map((r) => r.raison)).toEqual([
      "Le délai d'annulation est dépassé (modifiable jusqu'au jeudi 10 septembre à 12:00).",
    ]);
    const tard = await save(
      [{ date: "2026-09-17", uniteId: cantine.classique, reserver: true }],
      new Date("2026-09-10T10:01:00Z"),
    );
    expect(tard.refus.map((r) => r.raison)).toEqual([
      "Le délai de réservation est dépassé (modifiable jusqu'au jeudi 10 septembre à 12:00).",
    ]);

    // the pont de l'Ascension 2027, a public holiday, a Wednesday, the holidays, a strike declared later
    await fermer({ date: "2026-09-24", type: "GREVE", libelle: "Grève" });
    const fermes = await save(
      ["2027-05-07", "2026-11-11", "2026-09-09", "2026-10-20", "2026-09-24"].map((date) => ({
        date,
        uniteId: cantine.classique,
        reserver: true,
      })),
      AOUT,
    );
    expect(fermes.refus.map((r) => r.raison)).toEqual(Array(5).fill(RAISONS.fermeture));
    expect(await db().reservation.count({ where: { enfantId: f.enfantId, statut: "RESERVEE" } })).toBe(1);
  });

  it("never generates an opening day on the Fridays of the Ascension bridge (30/05/2025, 15/05/2026)", async () => {
    for (const [libelle, debut, fin] of [
      ["2024-2025", "2024-09-02", "2025-07-04"],
      ["2025-2026", "2025-09-01", "2026-07-03"],
    ] as const) {
      const autre = await db().anneeScolaire.create({
        data: {
          libelle,
          dateDebut: dateDeJour(debut),
          dateFin: dateDeJour(fin),
          ouvertureReservations: dateDeJour(`${debut.slice(0, 4)}-08-01`),
        },
      });
      // previewed first: nothing written yet, every day of both units to create
      const apercu = await apercuJours({ activiteId: cantine.id, anneeId: autre.id });
      expect(apercu.ajouts).toBe(apercu.ouverts.length * 2);
      expect(apercu.exclus).toContainEqual({
        jour: libelle === "2024-2025" ? "2025-05-30" : "2026-05-15",
        raison: "Pont de l'Ascension",
      });
      await enregistrerJours({ activiteId: cantine.id, anneeId: autre.id });
      expect((await apercuJours({ activiteId: cantine.id, anneeId: autre.id })).ajouts).toBe(0);
    }
    const dates = async (de: string, a: string) =>
      (
        await db().jourOuverture.findMany({
          where: { uniteId: cantine.classique, date: { gte: dateDeJour(de), lte: dateDeJour(a) } },
          orderBy: { date: "asc" },
        })
      ).map((j) => jourDeDate(j.date));
    // Ascension Thursday and the bridge Friday are closed, the Monday and Tuesday before are open
    expect(await dates("2025-05-26", "2025-06-03")).toEqual(["2025-05-26", "2025-05-27", "2025-06-02", "2025-06-03"]);
    expect(await dates("2026-05-11", "2026-05-19")).toEqual(["2026-05-11", "2026-05-12", "2026-05-18", "2026-05-19"]);
  });

  it("before the opening date: refused with the year's date; another family: not found", async () => {
    const f = await inscrite("Ouverture");
    expect(
      await refus(
        enregistrerReservations({
          usagerId: f.usager.id,
          inscriptionId: f.inscriptionId,
          changements: [{ date: "2026-09-07", uniteId: cantine.classique, reserver: true }],
          now: new Date("2026-07-31T21:59:00Z"),
        }),
      ),
    ).toBe("Ouverture des réservations le 1er août 2026.");
    const intrus = await inscrite("Intrus");
    expect(
      await refus(
        enregistrerReservations({
          usagerId: intrus.usager.id,
          inscriptionId: f.inscriptionId,
          changements: [{ date: "2026-09-07", uniteId: cantine.classique, reserver: true }],
          now: AOUT,
        }),
      ),
    ).toBe("Ces réservations sont introuvables.");
    // a unit of another activity is not this calendar's
    expect(
      await refus(
        enregistrerReservations({
          usagerId: f.usager.id,
          inscriptionId: f.inscriptionId,
          changements: [{ date: "2026-09-07", uniteId: garderie.matin, reserver: true }],
          now: AOUT,
        }),
      ),
    ).toBe("Ces réservations sont introuvables.");
  });
});

describe("garde alternée and the agents", () => {
  it("each household books its own days of the shared child; a day booked by the other cannot be booked twice", async () => {
    const ELOI = { ...ENFANT, nom: "Etchart-Bidart", prenoms: "Éloi", dateNaissance: "2018-03-04" };
    const premiere = await famille("Alterneun", cantine.id, [ELOI]);
    await deciderDemande({
      demarches: DEMARCHES,
      agent: premiere.instructeur,
      demandeId: premiere.demandeId,
      decision: "accepter",
    });
    const seconde = await famille("Alternedeux", cantine.id, [ELOI]);
    const vue = (await demandePourAgent(
      (await db().demande.findUniqueOrThrow({ where: { id: seconde.demandeId } })).numero!,
      DEMARCHES,
    ))!;
    const [{ enfantRef, connus }] = vue.rapprochements as [(typeof vue.rapprochements)[number]];
    await deciderDemande({
      demarches: DEMARCHES,
      agent: seconde.instructeur,
      demandeId: seconde.demandeId,
      decision: "accepter",
      rattachements: { [enfantRef]: connus[0]!.id },
    });
    const enfantId = connus[0]!.id;
    const a = await inscrire({
      usagerId: premiere.usager.id,
      enfantId,
      activiteId: cantine.id,
      agent: premiere.instructeur,
    });
    // the second household enrols the same child for the same year: its own inscription
    const b = await inscrire({
      usagerId: seconde.usager.id,
      enfantId,
      activiteId: cantine.id,
      agent: seconde.instructeur,
    });
    expect(a).not.toBe(b);

    const semaineA = await enregistrerReservations({
      usagerId: premiere.usager.id,
      inscriptionId: a,
      changements: [
        { date: "2026-09-07", uniteId: cantine.classique, reserver: true },
        { date: "2026-09-08", uniteId: cantine.classique, reserver: true },
      ],
      now: AOUT,
    });
    expect(semaineA.reservees).toHaveLength(2);
    const semaineB = await enregistrerReservations({
      usagerId: seconde.usager.id,
      inscriptionId: b,
      changements: [
        { date: "2026-09-08", uniteId: cantine.classique, reserver: true },
        { date: "2026-09-08", uniteId: cantine.vegetarien, reserver: true },
        { date: "2026-09-07", uniteId: cantine.classique, reserver: false },
        { date: "2026-09-11", uniteId: cantine.classique, reserver: true },
      ],
      now: AOUT,
    });
    expect(semaineB.reservees).toEqual([{ date: "2026-09-11", uniteId: cantine.classique, reserver: true }]);
    expect(semaineB.refus.map((r) => r.raison).sort()).toEqual(
      [RAISONS.autreFoyer, RAISONS.autreFoyer, RAISONS.incompatible("Menu Classique", "Menu Végétarien")].sort(),
    );
    const lignes = await reservations(enfantId);
    expect(lignes.map((r) => [jourDeDate(r.date), r.inscriptionId])).toEqual([
      ["2026-09-07", a],
      ["2026-09-08", a],
      ["2026-09-11", b],
    ]);
  });

  it("an agent books and cancels after the cutoff for a family: journaled, the family told", async () => {
    const f = await inscrite("Agent");
    const tard = new Date("2026-09-20T10:00:00Z");
    const bilan = await reserverPourLaFamille({
      agent: { id: f.instructeur.id, nom: "Maite Irigoyen" },
      inscriptionId: f.inscriptionId,
      changements: [{ date: "2026-09-21", uniteId: cantine.classique, reserver: true }],
      now: tard,
    });
    expect(bilan.reservees).toHaveLength(1);
    const ligne = (await reservations(f.enfantId))[0]!;
    expect(ligne.parAgentId).toBe(f.instructeur.id);
    expect(await db().journalEntry.count({ where: { event: "reservations.agent", actorId: f.instructeur.id } })).toBe(
      1,
    );
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: f.usager.courriel, subject: { startsWith: "Vos réservations" } },
    });
    expect(mail.text).toContain("Le service Enfance a modifié les réservations");
    // the parent, at the same moment, may not
    const parent = await enregistrerReservations({
      usagerId: f.usager.id,
      inscriptionId: f.inscriptionId,
      changements: [{ date: "2026-09-21", uniteId: cantine.classique, reserver: false }],
      now: tard,
    });
    expect(parent.refus).toHaveLength(1);
  });
});
