// The family booking view's read on PostgreSQL (lib/domain/reservation/famille-vue.ts): only the caller's
// households' children, only the units each inscription subscribes (in the grid and in the year's days the draft
// works on), and the month a week (?semaine=) is shown in; every inscription's month the per-child calendar's own,
// from one read of each table for the whole family.
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/famille-vue-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { decoderAnnee } from "@/lib/domain/reservation/annee-compacte";
import { vueFamille } from "@/lib/domain/reservation/famille-vue";
import {
  calendrierReservations,
  calendriersDesInscriptions,
  SELECT_CALENDRIER,
} from "@/lib/domain/reservation/queries";
import { inscrire } from "@/prisma/demo-reservations";
import { AOUT, inscrite, preparerUnites, type Cantine, type Garderie } from "./reservations-serveur-fixtures";

let cantine: Cantine;
let garderie: Garderie;

beforeAll(async () => {
  ({ cantine, garderie } = await preparerUnites());
}, 120_000);

/** The SQL statements `lire` sends (every query of the pg driver under Prisma's adapter). */
async function instructions(lire: () => Promise<unknown>): Promise<number> {
  const query = pg.Client.prototype.query;
  let n = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    n += 1;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await lire();
  } finally {
    pg.Client.prototype.query = query;
  }
  return n;
}

describe("the family booking view's read", () => {
  it("shows the caller's children only, with the units their inscription subscribes", async () => {
    const a = await inscrite("Famillevuea");
    const b = await inscrite("Famillevueb");
    await db().inscription.update({ where: { id: a.inscriptionId }, data: { unitesSouscrites: [cantine.classique] } });

    const vue = await vueFamille({ usagerId: a.usager.id, now: AOUT, semaine: "2026-09-09" });
    expect(vue.enfants.map((e) => e.enfantId)).toEqual([a.enfantId]);
    const [inscription] = vue.enfants[0]!.inscriptions;
    expect(inscription!.inscriptionId).toBe(a.inscriptionId);
    expect(inscription!.unites.map((u) => u.id)).toEqual([cantine.classique]);
    const unitesDuBrouillon = new Set([...decoderAnnee(inscription!.annuel).values()].flat().map((c) => c.uniteId));
    expect([...unitesDuBrouillon]).toEqual([cantine.classique]);
    // a Wednesday asked: its week's Monday, in the month of its Thursday
    expect(vue.semaine).toBe("2026-09-07");
    expect(vue.mois).toBe("2026-09");
    expect(vue.semaines.map((s) => s.lundi)).toContain("2026-09-07");
    expect(inscription!.jours["2026-09-07"]?.ferme).toBe(false);

    // the other household sees its own child, with every unit (an empty list subscribes them all)
    const autre = await vueFamille({ usagerId: b.usager.id, now: AOUT, mois: "2026-09" });
    expect(autre.enfants.map((e) => e.enfantId)).toEqual([b.enfantId]);
    expect(autre.enfants[0]!.inscriptions[0]!.unites.map((u) => u.id)).toEqual([cantine.classique, cantine.vegetarien]);
  });

  it("before the school year, opens on its first month; a week across two months is shown in its Thursday's", async () => {
    const a = await inscrite("Famillevuec");
    expect((await vueFamille({ usagerId: a.usager.id, now: AOUT })).mois).toBe("2026-09");
    expect((await vueFamille({ usagerId: a.usager.id, now: AOUT, semaine: "2026-09-28" })).mois).toBe("2026-10");
    expect((await vueFamille({ usagerId: a.usager.id, now: AOUT, semaine: "pas-un-jour" })).semaine).toBeNull();
  });

  it("reads the family's inscriptions at once, each month as the per-child calendar says it", async () => {
    const a = await inscrite("Famillevued");
    const garderieId = await inscrire({
      usagerId: a.usager.id,
      enfantId: a.enfantId,
      activiteId: garderie.id,
      agent: a.instructeur,
    });
    const seule = await inscrite("Famillevuee");
    const { lieuId } = await db().inscription.findUniqueOrThrow({ where: { id: a.inscriptionId } });
    // a closure of the garderie only, and a service non assuré at the cantine only: each calendar has its own
    await db().fermeture.create({
      data: {
        date: new Date("2026-09-15T00:00:00Z"),
        type: "EXCEPTIONNEL",
        libelle: "Sortie",
        activiteId: garderie.id,
      },
    });
    await db().serviceNonAssure.create({
      data: {
        activiteId: cantine.id,
        lieuId,
        debut: new Date("2026-09-17T00:00:00Z"),
        fin: new Date("2026-09-17T00:00:00Z"),
        motif: "GREVE",
      },
    });

    const inscriptions = await db().inscription.findMany({
      where: { id: { in: [a.inscriptionId, garderieId] } },
      orderBy: { activite: { ordre: "asc" } },
      select: SELECT_CALENDRIER,
    });
    const ensemble = await calendriersDesInscriptions(inscriptions, { agent: false, now: AOUT, mois: "2026-09" });
    for (const [rang, i] of inscriptions.entries()) {
      const portee = { usagerId: a.usager.id };
      const seul = await calendrierReservations({
        portee,
        enfantId: a.enfantId,
        inscriptionId: i.id,
        now: AOUT,
        mois: "2026-09",
      });
      expect(ensemble[rang]).toEqual(seul);
    }
    const jour = (activiteId: number, j: string) => {
      const c = ensemble[inscriptions.findIndex((i) => i.activite.id === activiteId)]!;
      return c.ouvert ? c.jours.find((d) => d.jour === j) : undefined;
    };
    expect(jour(garderie.id, "2026-09-15")).toMatchObject({ ferme: true, info: "Sortie" });
    expect(jour(cantine.id, "2026-09-15")?.ferme).toBe(false);
    expect(jour(cantine.id, "2026-09-17")).toMatchObject({
      ferme: true,
      info: expect.stringMatching(/^Service non assuré/),
    });
    expect(jour(garderie.id, "2026-09-17")?.ferme).toBe(false);

    // two inscriptions cost the statements one does: one read per table for the whole family
    const vue = await vueFamille({ usagerId: a.usager.id, now: AOUT, mois: "2026-09" });
    expect(vue.enfants[0]!.inscriptions).toHaveLength(2);
    expect(await instructions(() => vueFamille({ usagerId: a.usager.id, now: AOUT, mois: "2026-09" }))).toBe(
      await instructions(() => vueFamille({ usagerId: seule.usager.id, now: AOUT, mois: "2026-09" })),
    );
  });
});
