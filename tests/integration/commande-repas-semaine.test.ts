// The kitchen order of a week on PostgreSQL: for each day of the week, a lieu's week column is exactly the
// day's order (the frozen version once the cutoff passed, even after a later change not frozen yet; the
// provisional count before), the days without service are left out, the CSV's lieu filter keeps one lieu, and
// the reading is journaled once with the week.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/commande-semaine-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { commandesDuJour } from "@/lib/domain/commande-repas/queries";
import { commandesDeLaSemaine } from "@/lib/domain/commande-repas/semaine";
import { enregistrerReservations, reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import { ajouterJours, type Jour } from "@/lib/temps/jours";
import { agent } from "./demande-fixtures";
import { familleInscrite } from "./inscription-fixtures";
import { cantinePublique, familleAuRegime } from "./cantine-fixtures";

let cantine: { lieuId: number; classique: number; vegetarien: number };
const AOUT = new Date("2026-08-20T10:00:00Z");

beforeAll(async () => {
  cantine = await cantinePublique();
}, 120_000);

/** For each day of the week, the week's column of each lieu is the day query's order. */
async function semaineEgaleAuxJours(agentId: string, lundi: Jour) {
  const semaine = await commandesDeLaSemaine({ agentId, jour: ajouterJours(lundi, 2) });
  expect(semaine.lundi).toBe(lundi);
  let joursServis = 0;
  for (let i = 0; i < 7; i++) {
    const date = ajouterJours(lundi, i);
    const jour = await commandesDuJour({ agentId, date });
    const colonne = semaine.lieux.flatMap((l) => l.jours.filter((j) => j.date === date).map((j) => j.commande));
    expect(colonne, date).toEqual(jour);
    if (jour.length > 0) joursServis += 1;
  }
  expect(joursServis).toBeGreaterThan(0);
  return semaine;
}

describe("the week's kitchen order", () => {
  it(
    "is, day by day, the day's order: frozen, changed after the cutoff, or provisional",
    { timeout: 120_000 },
    async () => {
      const a = await familleAuRegime("Semaine");
      const b = await familleInscrite("Semainier");
      const jours = ["2026-09-14", "2026-09-15", "2026-09-17", "2026-09-21", "2026-09-22"];
      await enregistrerReservations({
        usagerId: a.usager.id,
        inscriptionId: a.inscriptionId,
        changements: jours.map((date) => ({ date, uniteId: cantine.classique, reserver: true })),
        now: AOUT,
      });
      await enregistrerReservations({
        usagerId: b.usager.id,
        inscriptionId: b.inscriptionId,
        changements: jours.slice(0, 3).map((date) => ({ date, uniteId: cantine.vegetarien, reserver: true })),
        now: AOUT,
      });
      // the week of 14 September freezes on Thursday 10 September at 12:00; the next one stays provisional
      const cloture = new Date("2026-09-10T10:05:00Z");
      expect(await figerCommandes(cloture)).toContainEqual({ lieuId: cantine.lieuId, date: "2026-09-15", version: 1 });
      // a change after the cutoff, not frozen yet: the day and the week both still show version 1
      const service = await agent("Cuisine");
      await reserverPourLaFamille({
        agent: { id: service.id, nom: "Maite Cuisine" },
        inscriptionId: b.inscriptionId,
        changements: [{ date: "2026-09-15", uniteId: cantine.vegetarien, reserver: false }],
        now: new Date("2026-09-11T07:00:00Z"),
      });

      const figee = await semaineEgaleAuxJours(service.id, "2026-09-14");
      const publique = figee.lieux.find((l) => l.lieuId === cantine.lieuId)!;
      const mardi = publique.jours.find((j) => j.date === "2026-09-15")!.commande;
      expect(mardi.version).toBe(1);
      expect(mardi.lignes.map((l) => [l.unite, l.nombre])).toEqual([
        ["Menu Classique", 1],
        ["Menu Végétarien", 1],
      ]);
      expect(mardi.lignes[0]).toMatchObject({ regimes: [["Sans porc", 1]], allergenes: [["Arachides", 1]], pai: 1 });
      // the days without service are not in the week
      expect(publique.jours.map((j) => j.date)).not.toContain("2026-09-19");

      const provisoire = await semaineEgaleAuxJours(service.id, "2026-09-21");
      const lundi21 = provisoire.lieux.find((l) => l.lieuId === cantine.lieuId)!.jours[0]!;
      expect(lundi21).toMatchObject({ date: "2026-09-21", commande: { version: null } });
      expect(lundi21.commande.lignes[0]!.nombre).toBe(1);

      // one lieu only (its CSV), and the reading journaled with the week, no diet
      const seule = await commandesDeLaSemaine({ agentId: service.id, jour: "2026-09-14", lieuId: cantine.lieuId });
      expect(seule.lieux.map((l) => l.lieuId)).toEqual([cantine.lieuId]);
      const lectures = await db().journalEntry.findMany({
        where: { event: "commande_repas.lecture", actorId: service.id },
      });
      expect(lectures.map((e) => e.details)).toContainEqual({
        debut: "2026-09-14",
        fin: "2026-09-20",
        lieuId: cantine.lieuId,
      });
      expect(JSON.stringify(lectures.map((e) => e.details))).not.toMatch(/porc|arachide/i);
    },
  );
});
