// Facturation on PostgreSQL: rounding identical to round(numeric), bracket validation, a QF change mid-month,
// garde alternée, gap-free numbers under two runs at once, a re-run that changes nothing, the D1611-1 carry,
// the avoir, the attestation fiscale (garderie only, under six only) and the parent's scope.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { arrondirCentimes, Decimal } from "@/lib/argent/argent";
import { attestationFiscale } from "@/lib/domain/facturation/attestation";
import { emettreAvoir } from "@/lib/domain/facturation/avoir";
import { pdfDeFacture } from "@/lib/domain/facturation/documents";
import { facturerMois } from "@/lib/domain/facturation/executer";
import { factureALire, facturesDeLUsager } from "@/lib/domain/facturation/queries";
import { saisirQuotient } from "@/lib/domain/facturation/quotient";
import { enregistrerTarif, tarifDeLUnite } from "@/lib/domain/facturation/tarifs";
import { jourSemaine, semaineIso, type Jour } from "@/lib/temps/jours";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { creerFoyers, reserverJours, seedTarifs, type Foyer } from "@/prisma/demo-facturation";
import { agent, usagerActive } from "./demande-fixtures";

let cantine: { id: number; classique: number };
let garderie: { id: number; matin: number; soir: number };
let anneeId: number;
let agentId: string;
/** The invoices of September are issued on 1 October. */
const OCTOBRE = new Date("2026-10-01T08:00:00Z");

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  await seedTarifs();
  const activite = (code: string) =>
    db().activite.findUniqueOrThrow({ where: { code }, include: { unites: { orderBy: { ordre: "asc" } } } });
  const r = await activite("RESTAURATION_PUBLIQUE");
  cantine = { id: r.id, classique: r.unites[0]!.id };
  const g = await activite("GARDERIE_PUBLIQUE");
  garderie = { id: g.id, matin: g.unites[0]!.id, soir: g.unites[1]!.id };
  anneeId = (await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } })).id;
  agentId = (await agent("Irigoyen", { permissions: ["FACTURATION"] })).id;
}, 120_000);

/** Each child of the households books these units every opening day between two days. */
async function reserver(foyers: Foyer[], unites: { activiteId: number; uniteId: number }[], du: Jour, au: Jour) {
  await reserverJours(
    foyers.flatMap((f) =>
      f.enfants.flatMap((e) =>
        unites.map((u) => ({
          enfantId: e.enfantId,
          familleId: f.familleId,
          inscriptionId: e.inscriptions.get(u.activiteId)!,
          uniteId: u.uniteId,
          du,
          au,
        })),
      ),
    ),
  );
}

const lignesDe = (familleId: string, mois = "2026-09-01") =>
  db().ligneFacture.findMany({
    where: { facture: { familleId, periodeDebut: new Date(`${mois}T00:00:00Z`) } },
    orderBy: { ordre: "asc" },
  });

describe("money", () => {
  it("rounds each billed unit exactly as PostgreSQL's round(numeric): half away from zero", async () => {
    const valeurs = [
      "0.5",
      "1.5",
      "2.5",
      "-0.5",
      "-2.5",
      "415.5",
      "415.49",
      "415.51",
      "137.5",
      "137.4999",
      "0.4999",
      "99.995",
      "312.125",
      "1.005",
      "-1.005",
      "250.5",
      "1234567.5",
      "0",
      "42",
      // taux d'effort products: 0.385 % × QF 1 001 €, 0.4237 % × QF 873 €
      new Decimal("0.385").times(1001).toString(),
      new Decimal("0.4237").times(873).toString(),
    ];
    const lignes = await db().$queryRawUnsafe<{ v: string; r: string }[]>(
      `SELECT v::text AS v, round(v)::text AS r FROM unnest($1::numeric[]) AS v`,
      valeurs,
    );
    expect(lignes).toHaveLength(valeurs.length);
    for (const { v, r } of lignes) expect([v, arrondirCentimes(v)]).toEqual([v, Number(r)]);
  });

  it("a line is quantity × unit price exactly; the total is the sum of the lines", async () => {
    const [foyer] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [garderie.id], nom: "Larre" });
    await saisirQuotient({
      familleId: foyer!.familleId,
      agentId,
      data: { valeur: 800, du: "2026-09-01", source: "CAF" },
    });
    await reserver([foyer!], [{ activiteId: garderie.id, uniteId: garderie.matin }], "2026-09-01", "2026-09-30");
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    const [ligne] = await lignesDe(foyer!.familleId);
    // 1,375 € → 138 cents per morning, rounded once per unit, then × the number of mornings
    expect(ligne!.prixUnitaireCentimes).toBe(138);
    expect(ligne!.quantite).toBe(17);
    expect(ligne!.montantCentimes).toBe(17 * 138);
    const facture = await db().facture.findFirstOrThrow({ where: { familleId: foyer!.familleId } });
    expect(facture.totalCentimes).toBe(17 * 138);
    expect(facture.quotient).toBe(800);
  });
});

describe("tariffs", () => {
  it("refuses brackets with a gap or an overlap, in French beside the field, and keeps the grid as it was", async () => {
    const avant = await tarifDeLUnite(garderie.soir, anneeId);
    const trou = await enregistrerTarif({
      uniteId: garderie.soir,
      anneeId,
      agentId,
      saisie: { mode: "TRANCHES", qfMin0: "0", qfMax0: "700", prix0: "1,60", qfMin1: "750", qfMax1: "", prix1: "2" },
    });
    expect(trou).toEqual({
      ok: false,
      errors: { qfMin1: "Trou entre 700 € et 750 € : cette tranche doit commencer à 700 €." },
    });
    const chevauchement = await enregistrerTarif({
      uniteId: garderie.soir,
      anneeId,
      agentId,
      saisie: { mode: "TRANCHES", qfMin0: "0", qfMax0: "700", prix0: "1,60", qfMin1: "650", qfMax1: "", prix1: "2" },
    });
    expect(chevauchement).toEqual({
      ok: false,
      errors: { qfMin1: "Cette tranche chevauche la tranche qui commence à 0 €." },
    });
    expect(await tarifDeLUnite(garderie.soir, anneeId)).toEqual(avant);
  });

  it("saves a taux d'effort with its bounds, and brackets replaced as a whole", async () => {
    const unite = await db().unite.findFirstOrThrow({
      where: { activite: { code: "GARDERIE_PRIVEE" } },
      orderBy: { ordre: "desc" },
    });
    expect(
      await enregistrerTarif({
        uniteId: unite.id,
        anneeId,
        agentId,
        saisie: { mode: "TAUX_EFFORT", taux: "0,21", min: "0,90", max: "2,80" },
      }),
    ).toEqual({ ok: true });
    const tarif = await tarifDeLUnite(unite.id, anneeId);
    expect(tarif).toMatchObject({ mode: "TAUX_EFFORT", tranches: [] });
    expect(tarif!.tauxEffort!.toString()).toBe("0.21");
    expect(tarif!.maxCentimes!.toString()).toBe("280");
  });
});

describe("the month's invoicing", () => {
  it("a QF change mid-month is billed on the right days; without a QF the highest bracket, said on the invoice", async () => {
    const [avecQf, sansQf] = await creerFoyers({
      nombre: 2,
      enfantsParFoyer: 1,
      activiteIds: [cantine.id],
      nom: "Irigoyen",
    });
    await saisirQuotient({
      familleId: avecQf!.familleId,
      agentId,
      data: { valeur: 500, du: "2026-01-01", source: "CAF" },
    });
    await saisirQuotient({
      familleId: avecQf!.familleId,
      agentId,
      data: { valeur: 1000, du: "2026-09-16", source: "AGENT" },
    });
    await reserver(
      [avecQf!, sansQf!],
      [{ activiteId: cantine.id, uniteId: cantine.classique }],
      "2026-09-01",
      "2026-09-30",
    );
    await facturerMois({ mois: "2026-09", now: OCTOBRE });

    // 1–15 September: 9 days (Tue 1, Thu 3, Fri 4, Mon 7, Tue 8, Thu 10, Fri 11, Mon 14, Tue 15) at 2,10 €;
    // from the 16th: 8 days at 3,45 €
    expect(
      (await lignesDe(avecQf!.familleId)).map((l) => [
        l.quantite,
        l.prixUnitaireCentimes,
        l.montantCentimes,
        l.quotient,
      ]),
    ).toEqual([
      [9, 210, 1890, 500],
      [8, 345, 2760, 1000],
    ]);
    const facture = await db().facture.findFirstOrThrow({ where: { familleId: avecQf!.familleId } });
    expect([facture.totalCentimes, facture.quotient, facture.qfNonCommunique]).toEqual([4650, 1000, false]);

    expect((await lignesDe(sansQf!.familleId)).map((l) => [l.quantite, l.prixUnitaireCentimes])).toEqual([[17, 415]]);
    const sans = await db().facture.findFirstOrThrow({ where: { familleId: sansQf!.familleId } });
    expect([sans.quotient, sans.qfNonCommunique]).toEqual([null, true]);
  });

  it("garde alternée: each household gets its own invoice, for the days it booked", async () => {
    const [mere] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "Sorhaindo" });
    const enfantId = mere!.enfants[0]!.enfantId;
    const [pere] = await creerFoyers({
      nombre: 1,
      enfantsParFoyer: 0,
      activiteIds: [cantine.id],
      nom: "Sorhaindo père",
      enfantsPartages: [enfantId],
    });
    const paire = (j: Jour) => semaineIso(j) % 2 === 0;
    await reserverJours([
      {
        enfantId,
        familleId: mere!.familleId,
        inscriptionId: mere!.enfants[0]!.inscriptions.get(cantine.id)!,
        uniteId: cantine.classique,
        du: "2026-09-01",
        au: "2026-09-30",
        filtre: paire,
      },
      {
        enfantId,
        familleId: pere!.familleId,
        inscriptionId: pere!.enfants[0]!.inscriptions.get(cantine.id)!,
        uniteId: cantine.classique,
        du: "2026-09-01",
        au: "2026-09-30",
        filtre: (j) => !paire(j),
      },
    ]);
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    const [lm, lp] = [await lignesDe(mere!.familleId), await lignesDe(pere!.familleId)];
    // weeks 36 and 38 (even: 1–4 and 14–18 September… ) for the mother, 37 and 39–40 for the father
    const joursPairs = await db().reservation.count({ where: { familleId: mere!.familleId } });
    const joursImpairs = await db().reservation.count({ where: { familleId: pere!.familleId } });
    expect(joursPairs + joursImpairs).toBe(17);
    expect(lm.map((l) => [l.enfantId, l.quantite])).toEqual([[enfantId, joursPairs]]);
    expect(lp.map((l) => [l.enfantId, l.quantite])).toEqual([[enfantId, joursImpairs]]);
    expect(await db().facture.count({ where: { familleId: { in: [mere!.familleId, pere!.familleId] } } })).toBe(2);
  });

  it("two runs at once: one invoice per family, numbers gap-free; a re-run then changes nothing", async () => {
    const foyers = await creerFoyers({
      nombre: 40,
      enfantsParFoyer: 2,
      activiteIds: [cantine.id, garderie.id],
      nom: "Concurrent",
    });
    await reserver(
      foyers,
      [
        { activiteId: cantine.id, uniteId: cantine.classique },
        { activiteId: garderie.id, uniteId: garderie.soir },
      ],
      "2026-10-01",
      "2026-10-31",
    );
    const NOVEMBRE = new Date("2026-11-02T08:00:00Z");
    const runs = await Promise.all([
      facturerMois({ mois: "2026-10", now: NOVEMBRE }),
      facturerMois({ mois: "2026-10", now: NOVEMBRE }),
    ]);
    expect(runs.map((r) => r.statut)).toEqual(["TERMINE", "TERMINE"]);
    expect(runs[0]!.factures + runs[1]!.factures).toBe(40);
    const factures = await db().facture.findMany({ where: { annee: 2026, serie: "FA" }, orderBy: { sequence: "asc" } });
    // every 2026 invoice of every test so far: 1, 2, 3 … without a hole
    expect(factures.map((f) => f.sequence)).toEqual(factures.map((_, i) => i + 1));
    expect(new Set(factures.map((f) => f.numero)).size).toBe(factures.length);
    const octobre = factures.filter((f) => f.periodeDebut.toISOString().startsWith("2026-10"));
    expect(octobre).toHaveLength(40);
    expect(new Set(octobre.map((f) => f.familleId)).size).toBe(40);
    expect(octobre[0]!.numero).toMatch(/^FA-2026-\d{6}$/);
    expect(octobre[0]!.echeanceLe.toISOString().slice(0, 10)).toBe("2026-12-02");

    const avant = {
      factures: await db().facture.count(),
      lignes: await db().ligneFacture.count(),
      mails: await db().outboxMail.count(),
      compteur: await db().compteurNumero.findMany(),
    };
    const encore = await facturerMois({ mois: "2026-10", now: new Date("2026-11-05T08:00:00Z") });
    expect([encore.statut, encore.familles, encore.traitees, encore.factures]).toEqual(["TERMINE", 40, 40, 0]);
    expect({
      factures: await db().facture.count(),
      lignes: await db().ligneFacture.count(),
      mails: await db().outboxMail.count(),
      compteur: await db().compteurNumero.findMany(),
    }).toEqual(avant);
    // each line is exact and each invoice the sum of its lines, in the database itself
    const [ecarts] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Facture" f
      WHERE f."totalCentimes" <> (SELECT coalesce(sum("montantCentimes"), 0) FROM "LigneFacture" l WHERE l."factureId" = f.id)`;
    expect(ecarts!.n).toBe(0);
  });

  it("a household with nothing billed gets no invoice; under 15 € the month is carried to the next invoice", async () => {
    const [rien, petit] = await creerFoyers({
      nombre: 2,
      enfantsParFoyer: 1,
      activiteIds: [garderie.id],
      nom: "Petit",
    });
    // 4 mornings in November (2, 3, 5 and 6, after the Toussaint) at 1,65 € (no QF): 6,60 €, under the threshold
    await reserverJours([
      {
        enfantId: petit!.enfants[0]!.enfantId,
        familleId: petit!.familleId,
        inscriptionId: petit!.enfants[0]!.inscriptions.get(garderie.id)!,
        uniteId: garderie.matin,
        du: "2026-11-01",
        au: "2026-11-06",
      },
    ]);
    const novembre = await facturerMois({ mois: "2026-11", now: new Date("2026-12-01T08:00:00Z") });
    expect([novembre.factures, novembre.reportees]).toEqual([0, 1]);
    expect(await db().facture.count({ where: { familleId: { in: [rien!.familleId, petit!.familleId] } } })).toBe(0);
    const report = await db().reportFacturation.findFirstOrThrow({ where: { familleId: petit!.familleId } });
    expect(report.montantCentimes).toBe(4 * 165);

    // December: the whole month of mornings and evenings, plus November's carried days
    await reserverJours([
      {
        enfantId: petit!.enfants[0]!.enfantId,
        familleId: petit!.familleId,
        inscriptionId: petit!.enfants[0]!.inscriptions.get(garderie.id)!,
        uniteId: garderie.soir,
        du: "2026-12-01",
        au: "2026-12-31",
      },
    ]);
    await facturerMois({ mois: "2026-12", now: new Date("2027-01-04T08:00:00Z") });
    const facture = await db().facture.findFirstOrThrow({
      where: { familleId: petit!.familleId },
      include: { lignes: { orderBy: { ordre: "asc" } } },
    });
    expect(facture.numero).toBe("FA-2027-000001");
    expect(facture.lignes.map((l) => [l.mois.toISOString().slice(0, 7), l.libelle, l.quantite])).toEqual([
      ["2026-11", "Garderie — Matin", 4],
      ["2026-12", "Garderie — Soir", 11],
    ]);
    expect(facture.totalCentimes).toBe(4 * 165 + 11 * 245);
    expect((await db().reportFacturation.findUniqueOrThrow({ where: { id: report.id } })).factureId).toBe(facture.id);
  });

  it("refuses to bill a unit without a tariff, saying which, and writes nothing", async () => {
    const unite = await db().unite.findFirstOrThrow({ where: { activite: { code: "RESTAURATION_PRIVEE" } } });
    const activite = await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PRIVEE" } });
    await db().tarif.deleteMany({ where: { uniteId: unite.id } });
    const [f] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [activite.id], nom: "Sans tarif" });
    await reserverJours([
      {
        enfantId: f!.enfants[0]!.enfantId,
        familleId: f!.familleId,
        inscriptionId: f!.enfants[0]!.inscriptions.get(activite.id)!,
        uniteId: unite.id,
        du: "2027-01-04",
        au: "2027-01-29",
      },
    ]);
    const run = await facturerMois({ mois: "2027-01", now: new Date("2027-02-01T08:00:00Z") });
    expect(run.statut).toBe("ECHEC");
    expect(run.erreur).toContain(
      "Aucun tarif pour : Inscription à la restauration (école privée). — Menu Classique (2026-2027)",
    );
    expect(await db().facture.count({ where: { periodeDebut: new Date("2027-01-01T00:00:00Z") } })).toBe(0);
  });
});

describe("which days are billed", () => {
  it("booked days, unjustified absences and a child present without booking (with the supplement); never a justified absence, a day not run nor a cancelled one", async () => {
    const [foyer] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "Etats" });
    const enfantId = foyer!.enfants[0]!.enfantId;
    await reserver([foyer!], [{ activiteId: cantine.id, uniteId: cantine.classique }], "2027-03-01", "2027-03-31");
    const jours = await db().reservation.findMany({
      where: { enfantId },
      orderBy: { date: "asc" },
      include: { jour: true },
    });
    expect(jours.length).toBeGreaterThan(8);
    const etats = [
      "ABSENCE_INJUSTIFIEE",
      "ABSENCE_JUSTIFIEE",
      "NON_ASSURE",
      "ANNULEE",
      "ABSENCE_SIGNALEE",
      "ATTENTE",
    ] as const;
    for (const [i, statut] of etats.entries()) {
      await db().reservation.update({ where: { id: jours[i]!.id }, data: { statut } });
    }
    // the cancelled day, the child came all the same
    await db().pointage.create({
      data: {
        enfantId,
        uniteId: cantine.classique,
        lieuId: jours[3]!.jour.lieuId,
        date: jours[3]!.date,
        etat: "PRESENT_SANS_RESERVATION",
        parAgentId: agentId,
        marqueLe: new Date("2027-03-04T11:30:00Z"),
      },
    });
    const tarif = await db().tarif.findFirstOrThrow({ where: { uniteId: cantine.classique, anneeId } });
    await db().tarif.update({ where: { id: tarif.id }, data: { majorationCentimes: 100 } });
    try {
      await facturerMois({ mois: "2027-03", now: new Date("2027-04-01T08:00:00Z") });
    } finally {
      await db().tarif.update({ where: { id: tarif.id }, data: { majorationCentimes: tarif.majorationCentimes } });
    }
    const lignes = (await lignesDe(foyer!.familleId, "2027-03-01")).sort(
      (a, b) => a.prixUnitaireCentimes - b.prixUnitaireCentimes,
    );
    // the booked days left and the unjustified absence at the price; the day without booking 1 € more
    expect(lignes.map((l) => l.quantite)).toEqual([jours.length - etats.length + 1, 1]);
    expect(lignes[1]!.prixUnitaireCentimes - lignes[0]!.prixUnitaireCentimes).toBe(100);
  });
});

describe("after the invoice", () => {
  it("the parent reads only their household's invoices; the mail says neither the amount nor the QF", async () => {
    const parent = await usagerActive("Haran");
    const autre = await usagerActive("Autre");
    const [foyer] = await creerFoyers({
      nombre: 1,
      enfantsParFoyer: 1,
      activiteIds: [cantine.id],
      nom: "Haran",
      usagerIds: [parent.id],
    });
    await saisirQuotient({
      familleId: foyer!.familleId,
      agentId,
      data: { valeur: 720, du: "2026-09-01", source: "CAF" },
    });
    await reserver([foyer!], [{ activiteId: cantine.id, uniteId: cantine.classique }], "2026-09-01", "2026-09-30");
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    const [facture] = await facturesDeLUsager(parent.id, "2026-10-02");
    expect(facture).toMatchObject({ totalCentimes: 17 * 285, payeCentimes: 0, etat: "A_PAYER" });
    expect((await facturesDeLUsager(parent.id, "2026-11-02"))[0]!.etat).toBe("EN_RETARD");
    expect(await facturesDeLUsager(autre.id, "2026-10-02")).toEqual([]);
    expect(await factureALire({ usagerId: autre.id }, facture!.numero, "2026-10-02")).toBeNull();
    expect(await pdfDeFacture({ usagerId: autre.id }, facture!.numero, OCTOBRE)).toBeNull();
    const pdf = await pdfDeFacture({ usagerId: parent.id }, facture!.numero, OCTOBRE);
    expect(Buffer.from(pdf!.bytes.slice(0, 5)).toString()).toBe("%PDF-");

    const mail = await db().outboxMail.findFirstOrThrow({ where: { to: parent.courriel } });
    expect(mail.subject).toBe("Votre facture de septembre 2026 est disponible");
    expect(mail.text).toContain(facture!.numero);
    expect(mail.text).toContain("/factures");
    for (const interdit of ["48,45", "2,85", "720", "€"]) expect(mail.text + mail.html).not.toContain(interdit);
  });

  it("an avoir is numbered in its own series, points at the invoice, never edits it, and only once", async () => {
    const facture = await db().facture.findFirstOrThrow({ where: { avoir: null }, include: { lignes: true } });
    const avoir = await emettreAvoir({ numero: facture.numero, motif: "Erreur de pointage", agentId, now: OCTOBRE });
    expect(avoir).toMatchObject({
      numero: "AV-2026-000001",
      factureId: facture.id,
      montantCentimes: facture.totalCentimes,
    });
    expect(await db().facture.findUniqueOrThrow({ where: { id: facture.id }, include: { lignes: true } })).toEqual(
      facture,
    );
    const deux = await emettreAvoir({ numero: facture.numero, motif: "Encore", agentId, now: OCTOBRE }).catch(
      (e: unknown) => e,
    );
    expect(deux).toBeInstanceOf(AppError);
    expect((await factureALire({ agent: true }, facture.numero, "2026-10-02"))!.etat).toBe("ANNULEE");
    expect(await emettreAvoir({ numero: "FA-1999-000001", motif: "Aucune", agentId, now: OCTOBRE })).toBeNull();
  });

  it("the attestation fiscale counts garderie only (never meals), for children under six on 1 January, as paid", async () => {
    const [foyer] = await creerFoyers({
      nombre: 1,
      enfantsParFoyer: 1,
      activiteIds: [cantine.id, garderie.id],
      nom: "Jeune",
      naissance: "2021-03-01",
    });
    const [grand] = await creerFoyers({
      nombre: 1,
      enfantsParFoyer: 1,
      activiteIds: [cantine.id, garderie.id],
      nom: "Grand",
      naissance: "2019-12-31",
    });
    // the older child joins the young one's household (a sibling born before 1 January 2021: six or more in 2027)
    const aine = grand!.enfants[0]!;
    await db().familleEnfant.create({ data: { familleId: foyer!.familleId, enfantId: aine.enfantId } });
    await db().inscription.updateMany({ where: { enfantId: aine.enfantId }, data: { familleId: foyer!.familleId } });
    const enfants = [...foyer!.enfants, aine];
    const unites = [
      { activiteId: cantine.id, uniteId: cantine.classique },
      { activiteId: garderie.id, uniteId: garderie.matin },
    ];
    await reserverJours(
      enfants.flatMap((e) =>
        unites.map((u) => ({
          enfantId: e.enfantId,
          familleId: foyer!.familleId,
          inscriptionId: e.inscriptions.get(u.activiteId)!,
          uniteId: u.uniteId,
          du: "2027-02-01",
          au: "2027-02-28",
        })),
      ),
    );
    await facturerMois({ mois: "2027-02", now: new Date("2027-03-01T08:00:00Z") });
    const facture = await db().facture.findFirstOrThrow({
      where: { familleId: foyer!.familleId },
      include: { lignes: true },
    });
    const paiement = await db().paiement.create({
      data: {
        familleId: foyer!.familleId,
        montantCentimes: facture.totalCentimes,
        mode: "CHEQUE",
        date: new Date("2027-03-10T00:00:00Z"),
      },
    });
    await db().affectationPaiement.create({
      data: { paiementId: paiement.id, factureId: facture.id, montantCentimes: facture.totalCentimes },
    });

    const attestation = await attestationFiscale(foyer!.familleId, 2027);
    const garderieJeune = facture.lignes.filter(
      (l) => l.enfantId === foyer!.enfants[0]!.enfantId && l.activiteId === garderie.id,
    );
    expect(garderieJeune).toHaveLength(1);
    expect(attestation!.enfants.map((e) => [e.id, e.montantCentimes])).toEqual([
      [foyer!.enfants[0]!.enfantId, garderieJeune[0]!.montantCentimes],
    ]);
    expect(attestation!.totalCentimes).toBe(garderieJeune[0]!.montantCentimes);
    // nothing paid in 2026 for it
    expect((await attestationFiscale(foyer!.familleId, 2026))!.totalCentimes).toBe(0);
    // the weekdays of February 2027 are the ones billed
    expect(jourSemaine("2027-02-01")).toBe(1);
  });
});
