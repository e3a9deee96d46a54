// The family booking view's read on PostgreSQL (lib/domain/reservation/famille-vue.ts): only the caller's
// households' children, only the units each inscription subscribes (in the grid and in the year's days the draft
// works on), and the month a week (?semaine=) is shown in.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/famille-vue-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { decoderAnnee } from "@/lib/domain/reservation/annee-compacte";
import { vueFamille } from "@/lib/domain/reservation/famille-vue";
import { AOUT, inscrite, preparerUnites, type Cantine } from "./reservations-serveur-fixtures";

let cantine: Cantine;

beforeAll(async () => {
  ({ cantine } = await preparerUnites());
}, 120_000);

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
});
