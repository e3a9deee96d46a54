// « Malade ce matin » for several children in one command, on PostgreSQL: both children's days of today become
// ABSENCE_SIGNALEE under one demande each (as the single « Malade ce matin » makes them), a child with nothing
// booked today is told so without stopping the other, a child of another family refuses the whole command
// (nothing written), and the commune's hour applies.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { maladeCeMatinPourLaFamille } from "@/lib/domain/absence/malade-famille";
import { jourDeDate } from "@/lib/temps/jours";
import { preparerCommune, type Activites } from "./absence-fixtures";
import { familleDeDeux, reserverJours } from "./agenda-fixtures";

let act: Activites;
/** Thursday 10 September 2026, 08:30 in Paris (the commune's hour is 09:00) */
const JEUDI = new Date("2026-09-10T06:30:00Z");

beforeAll(async () => {
  act = await preparerCommune();
  await db().commune.update({ where: { id: 1 }, data: { heureLimiteMaladie: "09:00" } });
}, 120_000);

const etatsDuJour = async (enfantId: string) =>
  (await db().reservation.findMany({ where: { enfantId, date: new Date("2026-09-10T00:00:00Z") } })).map(
    (r) => `${jourDeDate(r.date)} ${r.statut}`,
  );

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return erreur as AppError;
};

describe("Malade ce matin for the family", () => {
  it("declares both children in one command, each as the single « Malade ce matin » does", async () => {
    const f = await familleDeDeux("Malades", act);
    for (const e of [f.lea, f.hugo])
      await reserverJours(f.usager.id, e.cantine, act.cantine.classique, "2026-09-10", "2026-09-11");
    await reserverJours(f.usager.id, f.lea.garderie, act.garderie.soir, "2026-09-10", "2026-09-10");

    const issues = await maladeCeMatinPourLaFamille({
      usagerId: f.usager.id,
      enfantIds: [f.lea.enfantId, f.hugo.enfantId],
      now: JEUDI,
    });
    expect(issues).toEqual([
      { enfantId: f.lea.enfantId, prenom: "Léa", numero: expect.any(Number), jours: 2 },
      { enfantId: f.hugo.enfantId, prenom: "Hugo", numero: expect.any(Number), jours: 1 },
    ]);
    expect(await etatsDuJour(f.lea.enfantId)).toEqual(["2026-09-10 ABSENCE_SIGNALEE", "2026-09-10 ABSENCE_SIGNALEE"]);
    expect(await etatsDuJour(f.hugo.enfantId)).toEqual(["2026-09-10 ABSENCE_SIGNALEE"]);
    // tomorrow untouched
    expect(await db().reservation.count({ where: { familleId: f.familleId, statut: "RESERVEE" } })).toBe(2);
    const absences = await db().absence.findMany({ where: { familleId: f.familleId }, include: { demande: true } });
    expect(absences.map((a) => [a.maladeCeMatin, a.motif, a.demande.statut, a.demande.type])).toEqual([
      [true, "MALADIE", "DEPOSEE", "ABSENCE"],
      [true, "MALADIE", "DEPOSEE", "ABSENCE"],
    ]);
    expect(await db().journalEntry.count({ where: { event: "absence.malade_ce_matin", actorId: f.usager.id } })).toBe(
      2,
    );
  });

  it("tells a child with nothing booked today without stopping the other", async () => {
    const f = await familleDeDeux("UnSeul", act);
    await reserverJours(f.usager.id, f.lea.cantine, act.cantine.classique, "2026-09-10", "2026-09-10");
    const issues = await maladeCeMatinPourLaFamille({
      usagerId: f.usager.id,
      enfantIds: [f.lea.enfantId, f.hugo.enfantId],
      now: JEUDI,
    });
    expect(issues[0]).toMatchObject({ prenom: "Léa", jours: 1 });
    expect(issues[1]).toEqual({
      enfantId: f.hugo.enfantId,
      prenom: "Hugo",
      refus: "Hugo n'a rien de réservé aujourd'hui : il n'y a rien à annuler.",
    });
    expect(await etatsDuJour(f.lea.enfantId)).toEqual(["2026-09-10 ABSENCE_SIGNALEE"]);
  });

  it("refuses a child of another family as not found, and writes nothing for its own children", async () => {
    const f = await familleDeDeux("Mienne", act);
    const autre = await familleDeDeux("Voisine", act);
    await reserverJours(f.usager.id, f.lea.cantine, act.cantine.classique, "2026-09-10", "2026-09-10");
    await reserverJours(autre.usager.id, autre.lea.cantine, act.cantine.classique, "2026-09-10", "2026-09-10");
    const erreur = await refus(
      maladeCeMatinPourLaFamille({
        usagerId: f.usager.id,
        enfantIds: [f.lea.enfantId, autre.lea.enfantId],
        now: JEUDI,
      }),
    );
    expect(erreur.code).toBe("introuvable");
    expect(await etatsDuJour(f.lea.enfantId)).toEqual(["2026-09-10 RESERVEE"]);
    expect(await etatsDuJour(autre.lea.enfantId)).toEqual(["2026-09-10 RESERVEE"]);
    expect(await db().absence.count({ where: { familleId: { in: [f.familleId, autre.familleId] } } })).toBe(0);
  });

  it("is refused from the commune's hour on, and without a child ticked", async () => {
    const f = await familleDeDeux("TropTard", act);
    await reserverJours(f.usager.id, f.lea.cantine, act.cantine.classique, "2026-09-10", "2026-09-10");
    const tard = await refus(
      maladeCeMatinPourLaFamille({
        usagerId: f.usager.id,
        enfantIds: [f.lea.enfantId],
        now: new Date("2026-09-10T07:00:00Z"),
      }),
    );
    expect(tard.code).toBe("trop_tard");
    const aucun = await refus(maladeCeMatinPourLaFamille({ usagerId: f.usager.id, enfantIds: [], now: JEUDI }));
    expect([aucun.code, aucun.field]).toEqual(["aucun_enfant", "enfants"]);
    expect(await etatsDuJour(f.lea.enfantId)).toEqual(["2026-09-10 RESERVEE"]);
  });
});
