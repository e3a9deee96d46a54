// Billing only what has happened, on PostgreSQL: a month is invoiced once it is over in Europe/Paris (the
// current or a future month refused with its reason, nothing written, nothing mailed); the simulation announces
// exactly what the emission writes (same families, same totals, same count), a régularisation of a month
// invoiced before included; emitting needs FACTURATION and the counts the agent confirmed; each anomaly found.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executerFacturation, facturerMois } from "@/lib/domain/facturation/executer";
import {
  changerHabilitationFacturation,
  exigerFacturation,
  HABILITATION_REQUISE,
} from "@/lib/domain/facturation/habilitation";
import { DONNEES_CHANGEES, lancerFacturation } from "@/lib/domain/facturation/lancer";
import { saisirQuotient } from "@/lib/domain/facturation/quotient";
import { simulerFacturation, type Simulation } from "@/lib/domain/facturation/simulation";
import { creerFoyers, type Foyer } from "@/prisma/demo-facturation";
import { agent, usagerActive } from "./demande-fixtures";
import { agentId as emetteurId, cantine, garderie, preparerFacturation, reserver } from "./facturation-fixtures";

let simpleAgentId: string;
let adminId: string;
/** 7 December 2026, 11:00 in Paris: December is the current month. */
const DECEMBRE = new Date("2026-12-07T10:00:00Z");
const NOVEMBRE = new Date("2026-11-02T08:00:00Z");

// The commune, activities, tariffs and the agent with FACTURATION (Irigoyen, the emitter): facturation-fixtures.ts.
beforeAll(async () => {
  await preparerFacturation();
  simpleAgentId = (await agent("Sallaberry")).id;
  adminId = (await agent("Larralde")).id;
}, 120_000);

/** What could have been written or mailed by an invoicing. */
const traces = async () => ({
  runs: await db().runFacturation.count(),
  factures: await db().facture.count(),
  reports: await db().reportFacturation.count(),
  mails: await db().outboxMail.count(),
});

const refus = (promesse: Promise<unknown>) =>
  promesse.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { message: error.message, champ: error.field } : error),
  );

describe("facturation à terme échu", () => {
  it("refuses the current and a future month, with the reason beside the month, before writing or mailing anything", async () => {
    const foyers = await creerFoyers({
      nombre: 1,
      enfantsParFoyer: 1,
      activiteIds: [cantine.id],
      nom: "Decembre",
      usagerIds: [(await usagerActive("Decembre")).id],
    });
    await reserver(foyers, [{ activiteId: cantine.id, uniteId: cantine.classique }], "2026-12-01", "2027-01-29");
    const avant = await traces();
    const decembre = {
      message: "Le mois de décembre 2026 n'est pas terminé : il pourra être facturé à partir du 1er janvier 2027.",
      champ: "mois",
    };
    const janvier = {
      message: "Le mois de janvier 2027 n'est pas terminé : il pourra être facturé à partir du 1er février 2027.",
      champ: "mois",
    };
    expect(await refus(facturerMois({ mois: "2026-12", now: DECEMBRE }))).toEqual(decembre);
    expect(await refus(simulerFacturation({ mois: "2026-12", now: DECEMBRE }))).toEqual(decembre);
    const confirme = { factures: 1, totalCentimes: 1000 };
    expect(await refus(lancerFacturation({ mois: "2026-12", agentId: emetteurId, now: DECEMBRE, confirme }))).toEqual(
      decembre,
    );
    expect(await refus(facturerMois({ mois: "2027-01", now: DECEMBRE }))).toEqual(janvier);
    expect(await refus(lancerFacturation({ mois: "2027-01", agentId: emetteurId, now: DECEMBRE, confirme }))).toEqual(
      janvier,
    );
    // the last day of the month, 23:30 in Paris (22:30 UTC): not over yet; half an hour later it is
    expect(await refus(simulerFacturation({ mois: "2026-11", now: new Date("2026-11-30T22:30:00Z") }))).toMatchObject({
      message: expect.stringContaining("1er décembre 2026"),
    });
    expect((await simulerFacturation({ mois: "2026-11", now: new Date("2026-11-30T23:30:00Z") })).mois).toBe(
      "2026-11-01",
    );
    expect(await traces()).toEqual(avant);
  });
});

describe("simulation, then emission", () => {
  let claire: Foyer;
  let sansQf: Foyer;
  let unJour: Foyer;
  let grosse: Foyer;
  let octobre: Simulation;
  const premier = async (args: Parameters<typeof creerFoyers>[0]) => (await creerFoyers(args))[0]!;

  beforeAll(async () => {
    claire = await premier({
      nombre: 1,
      enfantsParFoyer: 1,
      activiteIds: [cantine.id, garderie.id],
      nom: "Claire",
      usagerIds: [(await usagerActive("Claire")).id],
    });
    sansQf = await premier({ nombre: 1, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "SansQf" });
    unJour = await premier({ nombre: 1, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "UnJour" });
    grosse = await premier({
      nombre: 1,
      enfantsParFoyer: 2,
      activiteIds: [cantine.id, garderie.id],
      nom: "Grosse",
      usagerIds: [(await usagerActive("Grosse")).id],
    });
    for (const f of [claire, grosse])
      await saisirQuotient({
        familleId: f.familleId,
        agentId: emetteurId,
        data: { valeur: 800, du: "2026-09-01", source: "CAF" },
      });
    await reserver([claire], [{ activiteId: cantine.id, uniteId: cantine.classique }], "2026-09-01", "2026-10-31");
    await reserver([sansQf], [{ activiteId: cantine.id, uniteId: cantine.classique }], "2026-10-01", "2026-10-31");
    await reserver([unJour], [{ activiteId: cantine.id, uniteId: cantine.classique }], "2026-10-05", "2026-10-05");
    await reserver(
      [grosse],
      [
        { activiteId: cantine.id, uniteId: cantine.classique },
        { activiteId: garderie.id, uniteId: garderie.matin },
        { activiteId: garderie.id, uniteId: garderie.soir },
      ],
      "2026-10-01",
      "2026-10-31",
    );
    // September is invoiced, then Claire's QF for September is corrected upwards: her September days cost more
    // now, a régularisation her October invoice carries
    expect((await facturerMois({ mois: "2026-09", now: new Date("2026-10-01T08:00:00Z") })).statut).toBe("TERMINE");
    await saisirQuotient({
      familleId: claire.familleId,
      agentId: emetteurId,
      data: { valeur: 1200, du: "2026-09-01", source: "CAF" },
    });
    await db().parametresFacturation.upsert({
      where: { id: 1 },
      create: { id: 1, seuilAlerteCentimes: 10_000 },
      update: { seuilAlerteCentimes: 10_000 },
    });
  }, 120_000);

  const famille = (s: Simulation, f: Foyer) => s.familles.find((x) => x.familleId === f.familleId);
  const types = (s: Simulation, f: Foyer) =>
    famille(s, f)
      ?.anomalies.map((a) => a.type)
      .sort();

  it("finds each anomaly: no QF, a representant without courriel, days without an invoice, a total above the alert", async () => {
    const avant = await traces();
    octobre = await simulerFacturation({ mois: "2026-10", now: NOVEMBRE });
    expect(await traces()).toEqual(avant);

    // no QF: billed at the highest bracket; and nobody to mail, the representant has no space
    expect(types(octobre, sansQf)).toEqual(["SANS_COURRIEL", "SANS_QF"]);
    expect(famille(octobre, sansQf)!.anomalies.find((a) => a.type === "SANS_COURRIEL")!.detail).toBe(
      "Sans courriel, aucun envoi possible : Claire SANSQF 1.",
    );
    expect(famille(octobre, sansQf)!.issue).toBe("FACTURE");
    // one day, under the D1611-1 threshold: carried, no invoice
    expect(famille(octobre, unJour)).toMatchObject({ issue: "REPORT", jours: 1 });
    expect(types(octobre, unJour)).toEqual(["SANS_FACTURE", "SANS_QF"]);
    expect(famille(octobre, unJour)!.anomalies.find((a) => a.type === "SANS_FACTURE")!.detail).toBe(
      "Sous le seuil de 15,00 € : reporté sur la prochaine facture.",
    );
    // two children, three units a day: above the 100 € alert
    expect(famille(octobre, grosse)!.totalCentimes).toBeGreaterThan(10_000);
    expect(types(octobre, grosse)).toEqual(["AU_DESSUS_SEUIL"]);
    expect(famille(octobre, claire)!.totalCentimes).toBeLessThanOrEqual(10_000);
    expect(types(octobre, claire)).toEqual([]);
    expect(octobre.anomalies).toEqual({ SANS_QF: 2, SANS_COURRIEL: 1, SANS_FACTURE: 1, AU_DESSUS_SEUIL: 1 });
    expect(octobre).toMatchObject({ factures: 3, reportees: 1, seuilAlerteCentimes: 10_000 });
  });

  it("emits exactly what it simulated: same families, same totals, same count, the régularisation included", async () => {
    const regularisations = famille(octobre, claire)!.lignes.filter((l) => l.regularisation !== null);
    expect(regularisations.length).toBeGreaterThan(0);
    expect(regularisations.every((l) => l.montantCentimes > 0 && l.jours.length === 1)).toBe(true);
    expect(regularisations.every((l) => l.jours[0]!.startsWith("2026-09"))).toBe(true);

    const run = await lancerFacturation({ mois: "2026-10", agentId: emetteurId, now: NOVEMBRE, confirme: octobre });
    await executerFacturation({ runId: run.id });
    const fin = await db().runFacturation.findUniqueOrThrow({ where: { id: run.id } });
    expect(fin).toMatchObject({ statut: "TERMINE", factures: octobre.factures, reportees: octobre.reportees });

    const factures = await db().facture.findMany({
      where: { periodeDebut: new Date("2026-10-01T00:00:00Z") },
      include: { lignes: { orderBy: { ordre: "asc" } } },
    });
    const simulees = octobre.familles.filter((f) => f.issue === "FACTURE");
    expect(new Map(factures.map((f) => [f.familleId, f.totalCentimes]))).toEqual(
      new Map(simulees.map((f) => [f.familleId, f.totalCentimes])),
    );
    expect(factures.reduce((s, f) => s + f.totalCentimes, 0)).toBe(octobre.totalCentimes);
    for (const f of factures) {
      const simulee = simulees.find((s) => s.familleId === f.familleId)!;
      expect(f.lignes.map((l) => [l.libelle, l.quantite, l.montantCentimes, l.regularisation])).toEqual(
        simulee.lignes.map((l) => [l.libelle, l.quantite, l.montantCentimes, l.regularisation]),
      );
    }
    const reports = await db().reportFacturation.findMany({ where: { mois: new Date("2026-10-01T00:00:00Z") } });
    expect(reports.map((r) => r.familleId)).toEqual([unJour.familleId]);

    // emitted: simulated again, the month has nothing left to bill
    const apres = await simulerFacturation({ mois: "2026-10", now: NOVEMBRE });
    expect(apres).toMatchObject({ factures: 0, totalCentimes: 0, familles: [] });
  });
});

describe("who emits, and what they confirmed", () => {
  it("refuses an agent without FACTURATION, and one whose FACTURATION an administrator withdrew (journaled)", async () => {
    const [foyer] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [garderie.id], nom: "Novembre" });
    await reserver([foyer!], [{ activiteId: garderie.id, uniteId: garderie.soir }], "2026-11-02", "2026-11-30");
    const simulation = await simulerFacturation({ mois: "2026-11", now: DECEMBRE });
    expect(simulation.factures).toBe(1);
    const avant = await traces();
    const refuse = { message: HABILITATION_REQUISE, champ: undefined };
    expect(
      await refus(lancerFacturation({ mois: "2026-11", agentId: simpleAgentId, now: DECEMBRE, confirme: simulation })),
    ).toEqual(refuse);

    const admin = { id: adminId };
    await changerHabilitationFacturation({ admin, agentId: simpleAgentId, accorde: true });
    await expect(exigerFacturation({ id: simpleAgentId })).resolves.toBeUndefined();
    await changerHabilitationFacturation({ admin, agentId: simpleAgentId, accorde: false });
    expect(
      await refus(lancerFacturation({ mois: "2026-11", agentId: simpleAgentId, now: DECEMBRE, confirme: simulation })),
    ).toEqual(refuse);
    expect(await traces()).toEqual(avant);
    const journal = await db().journalEntry.findMany({
      where: { actorId: adminId, event: { startsWith: "agent.habilitation_facturation" } },
      orderBy: { createdAt: "asc" },
      select: { event: true, details: true },
    });
    expect(journal).toEqual([
      { event: "agent.habilitation_facturation_accordee", details: { agentId: simpleAgentId } },
      { event: "agent.habilitation_facturation_retiree", details: { agentId: simpleAgentId } },
    ]);
  });

  it("refuses the counts of a simulation the data changed since, then emits with the new ones", async () => {
    const lue = await simulerFacturation({ mois: "2026-11", now: DECEMBRE });
    // a booking arrives between the simulation and the click
    const [tardif] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "Tardif" });
    await reserver([tardif!], [{ activiteId: cantine.id, uniteId: cantine.classique }], "2026-11-02", "2026-11-30");
    const avant = await traces();
    expect(
      await refus(lancerFacturation({ mois: "2026-11", agentId: emetteurId, now: DECEMBRE, confirme: lue })),
    ).toEqual({ message: DONNEES_CHANGEES, champ: undefined });
    expect(await traces()).toEqual(avant);

    const relue = await simulerFacturation({ mois: "2026-11", now: DECEMBRE });
    expect(relue.factures).toBe(lue.factures + 1);
    const run = await lancerFacturation({ mois: "2026-11", agentId: emetteurId, now: DECEMBRE, confirme: relue });
    await executerFacturation({ runId: run.id });
    const factures = await db().facture.findMany({ where: { runId: run.id } });
    expect(factures).toHaveLength(relue.factures);
    expect(factures.reduce((s, f) => s + f.totalCentimes, 0)).toBe(relue.totalCentimes);
  });
});
