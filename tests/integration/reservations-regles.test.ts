// Gérer mes réservations on PostgreSQL, every rule checked again by the server whatever the browser sends: the
// deadlines, closures (the Ascension bridges never generated), the opening date, the household's own child and
// inscription and the activity's units, garde alternée (each household its own days of the shared child), and the
// agent's booking outside the deadlines, journaled and told to the family.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/reservations-regles-${Math.random().toString(36).slice(2)}`;
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
import { inscrire } from "@/prisma/demo-reservations";
import { ENFANT } from "./demande-fixtures";
import { familleDeposee } from "./reservation-fixtures";
import {
  AOUT,
  inscrite,
  preparerUnites,
  reservations,
  type Cantine,
  type Garderie,
} from "./reservations-serveur-fixtures";

let cantine: Cantine;
let garderie: Garderie;

beforeAll(async () => {
  ({ cantine, garderie } = await preparerUnites());
}, 120_000);

const famille = (nom: string, activiteId = cantine.id, enfants = [{ ...ENFANT, nom }]) =>
  familleDeposee(nom, activiteId, enfants);

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return (erreur as AppError).message;
};

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
    ).toBe("Les réservations seront ouvertes à partir du 1er août 2026.");
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
