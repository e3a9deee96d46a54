// Paramétrage des réservations on PostgreSQL, an activity's rules and the school year: délais saved and then
// applied to a parent's save, a unit's capacity with its waiting list (a larger one promotes it), and the school
// year's opening of bookings and read-only day. Each command journals its administrator (parametrage-fixtures.ts).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/parametrage-delais-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { dateDeJour, jourDeDate } from "@/lib/temps/jours";
import { modifierAnnee } from "@/lib/domain/calendrier/modifier-annee";
import { modifierDelais } from "@/lib/domain/calendrier/modifier-delais";
import { modifierRegles } from "@/lib/domain/reservation/modifier-regles";
import { AOUT, journalise, preparerParametrage, refus, type Activite } from "./parametrage-fixtures";
import { familleInscrite } from "./reservation-fixtures";

let cantine: Activite;
let garderie: Activite;
let anneeId: number;
let adminId: string;

beforeAll(async () => {
  ({ cantine, garderie, anneeId, adminId } = await preparerParametrage());
}, 120_000);

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
    expect(avant.message).toBe("Les réservations seront ouvertes à partir du 3 août 2026.");
    await modifierAnnee({ anneeId, ouvertureReservations: "2026-08-01", lectureSeuleLe: null });
  });
});
