// The console's day on PostgreSQL (lib/domain/console/tableau-de-bord.ts), for a seeded Thursday: three
// families booked through the parent's command, a « malade ce matin » and an absence declared that day, today's
// marks (one present, one absent without an absence declared) and one two days before, invoices past due and
// not yet due, a family's declaration waiting. Each number of the dashboard equals what was created.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/console-journee-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { declarerAbsence, maladeCeMatin } from "@/lib/domain/absence/declarer";
import { pointer } from "@/lib/domain/pointage/pointer";
import { journeeConsole, JOURS_GRAPHIQUE } from "@/lib/domain/console/tableau-de-bord";
import { ajouterJours, instantParis, jourDeDate } from "@/lib/temps/jours";
import { familleInscrite, preparerCommune, reserver, type Activites } from "./absence-fixtures";
import { agent, declarerFamille, ENFANT, usagerActive } from "./demande-fixtures";
import { facture } from "./paiement-fixtures";

const JEUDI = "2026-09-17";
const MATIN = instantParis(JEUDI, "08:30");
let act: Activites;

beforeAll(async () => {
  act = await preparerCommune();
  await db().commune.update({ where: { id: 1 }, data: { heureLimiteMaladie: "09:00", delaiJustificatifHeures: 48 } });
}, 120_000);

describe("the console's day", () => {
  it(
    "counts today's bookings and marks per lieu and unit, the absences, the invoices, the demandes and the chart",
    { timeout: 300_000 },
    async () => {
      const a = await familleInscrite("Aguerre", [act.cantine.id, act.garderie.id]);
      const b = await familleInscrite("Bidart", [act.cantine.id]);
      const c = await familleInscrite("Curutchet", [act.cantine.id]);
      const du = ajouterJours(JEUDI, -JOURS_GRAPHIQUE);
      const au = ajouterJours(JEUDI, JOURS_GRAPHIQUE);
      for (const f of [a, b, c]) await reserver(f, 0, act.cantine.classique, du, au);
      await reserver(a, 1, act.garderie.matin, du, au);

      // that Thursday morning: Curutchet is ill (today's meal no longer expected), Bidart will miss the 24th
      await maladeCeMatin({ usagerId: c.usager.id, enfantId: c.enfantId, now: MATIN });
      await declarerAbsence({
        usagerId: b.usager.id,
        enfantId: b.enfantId,
        debut: "2026-09-24",
        fin: "2026-09-24",
        motif: "RENDEZ_VOUS_MEDICAL",
        now: MATIN,
      });
      // at the canteen: Aguerre present, Bidart absent with nothing declared; on Tuesday Aguerre was absent too
      const cantine = await db().jourOuverture.findFirstOrThrow({
        where: { uniteId: act.cantine.classique, date: new Date(`${JEUDI}T00:00:00Z`) },
      });
      const agentId = (await agent()).id;
      const marquer = (enfantId: string, date: string, etat: "PRESENT" | "ABSENT") =>
        pointer({ agentId, enfantId, uniteId: act.cantine.classique, lieuId: cantine.lieuId, date, etat, now: MATIN });
      await marquer(a.enfantId, JEUDI, "PRESENT");
      await marquer(b.enfantId, JEUDI, "ABSENT");
      await marquer(a.enfantId, "2026-09-15", "ABSENT");

      // two invoices past due, one due next month
      await facture(a.familleId, 4_250, "2026-09-10");
      await facture(b.familleId, 1_730, "2026-09-16");
      await facture(c.familleId, 9_999, "2026-10-15");
      // a family's declaration waits in the queue
      const usager = await usagerActive("Duhalde");
      const demandeId = await declarerFamille(usager, [{ ...ENFANT, nom: "Duhalde" }]);
      await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });

      const journee = await journeeConsole(JEUDI);

      const ligne = (uniteId: number) => journee.jour.find((l) => l.uniteId === uniteId && l.lieuId === cantine.lieuId);
      expect(ligne(act.cantine.classique)).toMatchObject({ reserves: 2, presents: 1, absents: 1, nonPointes: 0 });
      const garderie = journee.jour.filter((l) => l.uniteId === act.garderie.matin);
      expect(garderie.map((l) => [l.reserves, l.presents, l.absents, l.nonPointes])).toEqual([[1, 0, 0, 1]]);
      expect(journee.jour.reduce((s, l) => s + l.reserves, 0)).toBe(3);

      expect(journee.absencesDeclarees.map((x) => [x.enfant, x.debut, x.maladeCeMatin, x.justificatifRecu])).toEqual(
        expect.arrayContaining([
          ["Henri CURUTCHET", JEUDI, true, false],
          ["Henri BIDART", "2026-09-24", false, false],
        ]),
      );
      expect(journee.absencesDeclarees).toHaveLength(2);
      expect(journee.aSuivre.map((x) => [x.familleId, x.date])).toEqual([
        [b.familleId, JEUDI],
        [a.familleId, "2026-09-15"],
      ]);
      expect(journee.impayees).toEqual({ nombre: 2, resteCentimes: 4_250 + 1_730 });
      expect(journee.demandes).toEqual(
        expect.arrayContaining([
          { type: "AJOUT_FAMILLE", nombre: 1 },
          { type: "ABSENCE", nombre: 2 },
        ]),
      );

      // the chart: every opening day around today, the meals and places booked (RESERVEE) as created
      const ouverts = await db().jourOuverture.findMany({
        where: {
          uniteId: act.cantine.classique,
          date: { gte: new Date(`${du}T00:00:00Z`), lte: new Date(`${au}T00:00:00Z`) },
        },
        select: { date: true },
      });
      const jours = ouverts.map((o) => jourDeDate(o.date)).sort();
      const attendu = jours.map((jour) => ({
        jour,
        repas: 3 - (jour === JEUDI || jour === "2026-09-24" ? 1 : 0),
        garderie: 1,
      }));
      expect(journee.graphique.filter((j) => j.repas + j.garderie > 0)).toEqual(attendu);
      expect(journee.graphique.map((j) => j.jour)).toContain(JEUDI);
    },
  );
});
