// « Service non assuré » on PostgreSQL: every booking of the day at that lieu and activity becomes NON_ASSURE
// (an absence too), exactly one mail per family even when two agents declare it at once, the parents' month
// view shows the day closed, and the undo the same day restores each booking as it was (not the next day).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/non-assure-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { declarerAbsence } from "@/lib/domain/absence/declarer";
import { calendrierReservations } from "@/lib/domain/reservation/queries";
import { annulerServiceNonAssure } from "@/lib/domain/service-non-assure/annuler";
import { declarerServiceNonAssure } from "@/lib/domain/service-non-assure/declarer";
import { jourDeDate } from "@/lib/temps/jours";
import { AOUT, familleInscrite, preparerCommune, reserver, type Activites } from "./absence-fixtures";
import { agent } from "./demande-fixtures";

let act: Activites;
beforeAll(async () => {
  act = await preparerCommune();
}, 120_000);

const statuts = async (enfantId: string, jour: string) =>
  (await db().reservation.findMany({ where: { enfantId, date: new Date(`${jour}T00:00:00Z`) } })).map((r) => r.statut);

describe("service non assuré", () => {
  it("cancels every booking of the day, mails each family once even when declared twice at once, and is undone the same day", async () => {
    const a = await familleInscrite("Greve", [act.cantine.id]);
    const b = await familleInscrite("Piquet", [act.cantine.id]);
    const c = await familleInscrite("Garderie", [act.garderie.id]);
    for (const f of [a, b]) await reserver(f, 0, act.cantine.classique, "2026-10-12", "2026-10-16");
    await reserver(c, 0, act.garderie.soir, "2026-10-15", "2026-10-15");
    // b declared an absence on the day: it is not billed either way, and comes back after the undo
    await declarerAbsence({
      usagerId: b.usager.id,
      enfantId: b.enfantId,
      debut: "2026-10-15",
      fin: "2026-10-15",
      motif: "AUTRE",
      now: new Date("2026-10-10T10:00:00Z"),
    });
    const { lieuId } = await db().inscription.findUniqueOrThrow({ where: { id: a.inscriptions[0]! } });
    const [un, deux] = [await agent("Larralde"), await agent("Bidart")];
    const now = new Date("2026-10-14T15:00:00Z");
    const declaration = {
      activiteId: act.cantine.id,
      lieuId,
      debut: "2026-10-15",
      fin: "2026-10-15",
      motif: "GREVE" as const,
      now,
    };

    const [r1, r2] = await Promise.all([
      declarerServiceNonAssure({ ...declaration, agentId: un.id }),
      declarerServiceNonAssure({ ...declaration, agentId: deux.id }),
    ]);
    expect(r1.id).toBe(r2.id);
    expect([r1.deja, r2.deja].sort()).toEqual([false, true]);
    expect(r1).toMatchObject({ reservations: 2, familles: 2 });
    expect(await db().serviceNonAssure.count({ where: { lieuId, debut: new Date("2026-10-15T00:00:00Z") } })).toBe(1);

    expect(await statuts(a.enfantId, "2026-10-15")).toEqual(["NON_ASSURE"]);
    expect(await statuts(b.enfantId, "2026-10-15")).toEqual(["NON_ASSURE"]);
    // the other days and the other activity are untouched
    expect(await statuts(a.enfantId, "2026-10-16")).toEqual(["RESERVEE"]);
    expect(await statuts(c.enfantId, "2026-10-15")).toEqual(["RESERVEE"]);

    // exactly one mail per family concerned, none to the garderie's family; nothing of health
    for (const f of [a, b]) {
      const mails = await db().outboxMail.findMany({
        where: { to: { contains: f.usager.courriel }, subject: { contains: "pas assuré" } },
      });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe("Le service de restauration du jeudi 15 octobre n'est pas assuré");
      expect(mails[0]!.text).toContain("en raison d'une grève");
      // the family's own child and day, never the menu (a vegetarian menu says something of the dossier santé)
      expect(mails[0]!.text).toMatch(/Henri : restauration \(.+\), jeu\. 15 oct\./);
      expect(mails[0]!.text).not.toContain("Menu");
    }
    expect(
      await db().outboxMail.count({ where: { to: { contains: c.usager.courriel }, subject: { contains: "assuré" } } }),
    ).toBe(0);
    expect(await db().journalEntry.count({ where: { event: "service_non_assure.declare" } })).toBe(1);

    // the parents' month view shows the day closed, with why
    const calendrier = await calendrierReservations({
      portee: { usagerId: a.usager.id },
      enfantId: a.enfantId,
      inscriptionId: a.inscriptions[0]!,
      now: AOUT,
      mois: "2026-10",
    });
    if (!calendrier?.ouvert) throw new Error("calendrier fermé");
    expect(calendrier.jours.find((j) => j.jour === "2026-10-15")).toMatchObject({
      ferme: true,
      info: "Service non assuré (grève) : non facturé",
    });

    // not the next day
    const lendemain = await declarerServiceNonAssure({
      ...declaration,
      debut: "2026-10-16",
      fin: "2026-10-16",
      agentId: un.id,
    });
    const erreur = await annulerServiceNonAssure({
      agentId: un.id,
      id: lendemain.id,
      now: new Date("2026-10-15T08:00:00Z"),
    }).catch((e: unknown) => e);
    expect(erreur).toBeInstanceOf(AppError);
    expect((erreur as AppError).code).toBe("delai");

    // undone the same day (twice at once: one restores, the other is told)
    const undo = await Promise.allSettled([
      annulerServiceNonAssure({ agentId: un.id, id: r1.id, now: new Date("2026-10-14T20:00:00Z") }),
      annulerServiceNonAssure({ agentId: deux.id, id: r1.id, now: new Date("2026-10-14T20:00:00Z") }),
    ]);
    expect(undo.filter((u) => u.status === "fulfilled")).toHaveLength(1);
    expect(await statuts(a.enfantId, "2026-10-15")).toEqual(["RESERVEE"]);
    expect(await statuts(b.enfantId, "2026-10-15")).toEqual(["ABSENCE_SIGNALEE"]);
    expect(
      await db().outboxMail.count({
        where: { to: { contains: a.usager.courriel }, subject: { contains: "finalement assuré" } },
      }),
    ).toBe(1);
    const apres = await db().serviceNonAssure.findUniqueOrThrow({ where: { id: r1.id } });
    expect(apres.cle).toBeNull();
    expect(jourDeDate(apres.debut)).toBe("2026-10-15");

    // declared again after the undo: a new declaration, and the families are told again
    const encore = await declarerServiceNonAssure({
      ...declaration,
      agentId: un.id,
      now: new Date("2026-10-14T21:00:00Z"),
    });
    expect(encore).toMatchObject({ deja: false, reservations: 2 });
  });

  it("refuses a lieu of another activity and an end before its start", async () => {
    const lieuGarderie = await db().lieu.findFirstOrThrow({ where: { activiteId: act.garderie.id } });
    const agentId = (await agent()).id;
    const base = { agentId, activiteId: act.cantine.id, motif: "SORTIE" as const, now: new Date() };
    await expect(
      declarerServiceNonAssure({ ...base, lieuId: lieuGarderie.id, debut: "2026-10-15", fin: "2026-10-15" }),
    ).rejects.toMatchObject({ code: "lieu" });
    await expect(
      declarerServiceNonAssure({ ...base, lieuId: lieuGarderie.id, debut: "2026-10-16", fin: "2026-10-15" }),
    ).rejects.toMatchObject({ code: "dates", field: "fin" });
  });
});
