// A « service non assuré » declared over several activities and lieux at once, on PostgreSQL: the preview's
// numbers (« N réservations annulées, M familles prévenues ») are what the command then does; the canteen and
// the garderie in one declaration make one row per (activité, lieu) sharing a declarationId and ONE mail per
// family listing each of its children's days; the undo of any row undoes the whole declaration.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/non-assure-multi-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { annulerServiceNonAssure } from "@/lib/domain/service-non-assure/annuler";
import { apercuServiceNonAssure } from "@/lib/domain/service-non-assure/cibles";
import { declarerServiceNonAssure } from "@/lib/domain/service-non-assure/declarer";
import { familleInscrite, preparerCommune, reserver, type Activites } from "./absence-fixtures";
import { agent } from "./demande-fixtures";

let act: Activites;
beforeAll(async () => {
  act = await preparerCommune();
}, 120_000);

const statuts = async (enfantId: string, jour: string) =>
  (await db().reservation.findMany({ where: { enfantId, date: new Date(`${jour}T00:00:00Z`) } }))
    .map((r) => r.statut)
    .sort();

describe("a declaration over several activities and lieux", () => {
  it("does what its preview said, mails each family once, and is undone as a whole", async () => {
    // a: canteen and garderie; b: canteen; c: garderie only
    const a = await familleInscrite("Deuxservices", [act.cantine.id, act.garderie.id]);
    const b = await familleInscrite("Cantine", [act.cantine.id]);
    const c = await familleInscrite("Soir", [act.garderie.id]);
    await reserver(a, 0, act.cantine.classique, "2026-11-09", "2026-11-10");
    await reserver(a, 1, act.garderie.soir, "2026-11-09", "2026-11-10");
    await reserver(b, 0, act.cantine.classique, "2026-11-10", "2026-11-10");
    await reserver(c, 0, act.garderie.soir, "2026-11-09", "2026-11-09");
    const lieu = async (f: typeof a, i: number) =>
      (await db().inscription.findUniqueOrThrow({ where: { id: f.inscriptions[i]! } })).lieuId;
    const services = [
      { activiteId: act.cantine.id, lieuId: await lieu(a, 0) },
      { activiteId: act.garderie.id, lieuId: await lieu(a, 1) },
    ];
    const periode = { debut: "2026-11-09", fin: "2026-11-10" };

    const apercu = await apercuServiceNonAssure({ services, ...periode });
    expect(apercu).toMatchObject({ reservations: 2 + 2 + 1 + 1, familles: 3 });

    const larralde = await agent("Larralde");
    const bilan = await declarerServiceNonAssure({
      agentId: larralde.id,
      services,
      ...periode,
      motif: "GREVE",
      now: new Date("2026-11-05T15:00:00Z"),
    });
    // the preview's numbers are the command's
    expect(bilan).toMatchObject({ reservations: apercu.reservations, familles: apercu.familles, deja: false });
    const lignes = await db().serviceNonAssure.findMany({ where: { declarationId: bilan.declarationId } });
    expect(lignes.map((l) => l.activiteId).sort()).toEqual([act.cantine.id, act.garderie.id].sort());
    expect(await statuts(a.enfantId, "2026-11-09")).toEqual(["NON_ASSURE", "NON_ASSURE"]);
    expect(await statuts(c.enfantId, "2026-11-09")).toEqual(["NON_ASSURE"]);

    // ONE mail per family, listing its child's days per service
    const mails = await db().outboxMail.findMany({ where: { subject: { contains: "pas assuré" } } });
    expect(mails).toHaveLength(apercu.familles);
    const deA = mails.filter((m) => m.to.includes(a.usager.courriel));
    expect(deA).toHaveLength(1);
    expect(deA[0]!.subject).toBe(
      "Le service de restauration et de garderie du lundi 9 novembre au mardi 10 novembre n'est pas assuré",
    );
    expect(deA[0]!.text).toMatch(/Henri : restauration \(.+\), lun\. 9, mar\. 10 nov\./);
    expect(deA[0]!.text).toMatch(/Henri : garderie \(.+\), lun\. 9, mar\. 10 nov\./);
    expect(mails.find((m) => m.to.includes(c.usager.courriel))!.subject).toBe(
      "Le service de garderie du lundi 9 novembre au mardi 10 novembre n'est pas assuré",
    );
    const entree = await db().journalEntry.findFirstOrThrow({ where: { event: "service_non_assure.declare" } });
    expect(entree.details).toMatchObject({
      declarationId: bilan.declarationId,
      activiteIds: [act.cantine.id, act.garderie.id].sort((x, y) => x - y),
      debut: "2026-11-09",
      fin: "2026-11-10",
      reservations: 6,
      familles: 3,
    });

    // the same declaration again (a double click): answered with it, no new mail; a part of it: refused
    const encore = await declarerServiceNonAssure({
      agentId: larralde.id,
      services: [...services].reverse(),
      ...periode,
      motif: "GREVE",
      now: new Date("2026-11-05T15:01:00Z"),
    });
    expect(encore).toMatchObject({ id: bilan.id, deja: true, reservations: 6, familles: 3 });
    await expect(
      declarerServiceNonAssure({
        agentId: larralde.id,
        services: [...services, { activiteId: act.cantine.id, lieuId: (await lieu(b, 0)) + 1000 }],
        ...periode,
        motif: "GREVE",
        now: new Date("2026-11-05T15:02:00Z"),
      }),
    ).rejects.toMatchObject({ code: "lieu" });
    expect(await db().outboxMail.count({ where: { subject: { contains: "pas assuré" } } })).toBe(3);

    // the undo of the garderie's row undoes the whole declaration: everything back, one mail per family
    const garderie = lignes.find((l) => l.activiteId === act.garderie.id)!;
    const { restaurees } = await annulerServiceNonAssure({
      agentId: larralde.id,
      id: garderie.id,
      now: new Date("2026-11-05T18:00:00Z"),
    });
    expect(restaurees).toBe(6);
    expect(await statuts(a.enfantId, "2026-11-09")).toEqual(["RESERVEE", "RESERVEE"]);
    expect(await statuts(b.enfantId, "2026-11-10")).toEqual(["RESERVEE"]);
    expect(await db().serviceNonAssure.count({ where: { declarationId: bilan.declarationId, annuleLe: null } })).toBe(
      0,
    );
    expect(await db().outboxMail.count({ where: { subject: { contains: "finalement assuré" } } })).toBe(3);
    // nothing left to cancel: the preview says so
    expect(await apercuServiceNonAssure({ services, ...periode })).toMatchObject({ reservations: 6, familles: 3 });
  });
});
