// Nothing after the run is lost (issue 24): each change to a day of an invoiced month, through the real commands,
// lands once on the family's next invoice (day, reason, signed amount); a second run adds nothing. A negative total
// becomes an avoir de régularisation, and so do a family's pending credits when an agent chooses.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { declarerAbsence } from "@/lib/domain/absence/declarer";
import { emettreAvoir } from "@/lib/domain/facturation/avoir";
import { emettreAvoirDeRegularisation, regularisationsEnAttente } from "@/lib/domain/facturation/avoir-regularisation";
import { facturerMois } from "@/lib/domain/facturation/executer";
import { saisirQuotient } from "@/lib/domain/facturation/quotient";
import { enregistrerTarif } from "@/lib/domain/facturation/tarifs";
import { pointer } from "@/lib/domain/pointage/pointer";
import { reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import { declarerServiceNonAssure } from "@/lib/domain/service-non-assure/declarer";
import { jourDeDate } from "@/lib/temps/jours";
import { seedTarifs } from "@/prisma/demo-facturation";
import { agent } from "./demande-fixtures";
import { familleInscrite, preparerCommune, reserver, type Activites } from "./absence-fixtures";

let act: Activites;
let anneeId: number;
let facturation: { id: string; nom: string };
// September invoiced on 1 October, October on 2 November, November on 1 December; the days change APRES,
// between the first two. No QF given: the highest bracket, 4,15 € a meal (+ 1 € « présent sans réservation »).
const le = (jour: string) => new Date(`${jour}T08:00:00Z`);
const [OCTOBRE, NOVEMBRE, DECEMBRE] = [le("2026-10-01"), le("2026-11-02"), le("2026-12-01")] as const;
const APRES = new Date("2026-10-05T10:00:00Z");
const PDF = { bytes: new TextEncoder().encode("%PDF-1.4\n%certificat\n"), mime: "application/pdf", nom: "c.pdf" };
const [REPAS, MAJORATION] = [415, 100];

beforeAll(async () => {
  act = await preparerCommune();
  await seedTarifs();
  anneeId = (await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } })).id;
  const a = await agent("Facturation", { permissions: ["FACTURATION"] });
  facturation = { id: a.id, nom: "Agent FACTURATION" };
  // the canteen's grid as seeded, with the supplement of a day « présent sans réservation »
  const majoree = await enregistrerTarif({
    uniteId: act.cantine.classique,
    anneeId,
    agentId: a.id,
    saisie: {
      mode: "TRANCHES",
      ...{ qfMin0: "0", qfMax0: "600", prix0: "2,10", qfMin1: "600", qfMax1: "900", prix1: "2,85" },
      ...{ qfMin2: "900", qfMax2: "1300", prix2: "3,45", qfMin3: "1300", qfMax3: "", prix3: "4,15" },
      majoration: "1,00",
    },
  });
  expect(majoree).toEqual({ ok: true });
}, 120_000);

type Famille = Awaited<ReturnType<typeof familleInscrite>>;

/** A child at the canteen every opening day of these September days and (by default) all of October. */
async function famille(nom: string, du = "2026-09-01", au = "2026-09-28", { octobre = true } = {}) {
  const f = await familleInscrite(nom, [act.cantine.id]);
  await reserver(f, 0, act.cantine.classique, du, au);
  if (octobre) await reserver(f, 0, act.cantine.classique, "2026-10-01", "2026-10-31");
  return f;
}

/** Every régularisation line billed to the family, in order. */
const regularisations = async (familleId: string) =>
  (
    await db().ligneFacture.findMany({
      where: { facture: { familleId }, regularisation: { not: null } },
      include: { facture: { select: { numero: true, periodeDebut: true } } },
      orderBy: [{ facture: { numero: "asc" } }, { ordre: "asc" }],
    })
  ).map((l) => ({
    facture: jourDeDate(l.facture.periodeDebut),
    jours: l.jours.map(jourDeDate),
    regularisation: l.regularisation,
    quantite: l.quantite,
    prix: l.prixUnitaireCentimes,
    montant: l.montantCentimes,
    libelle: l.libelle,
  }));

const court = (lignes: { jours: string[]; regularisation: string | null; montant: number }[]) =>
  lignes.map(({ jours, regularisation, montant }) => ({ jours, regularisation, montant }));

/**
 * September invoiced, then the change, then October invoiced: what October's invoice regularised. Then October
 * run again and November: nothing more.
 */
async function apres(f: Famille, changer: () => Promise<unknown>) {
  await facturerMois({ mois: "2026-09", now: OCTOBRE });
  await changer();
  await facturerMois({ mois: "2026-10", now: NOVEMBRE });
  const lignes = await regularisations(f.familleId);
  await facturerMois({ mois: "2026-10", now: NOVEMBRE });
  await facturerMois({ mois: "2026-11", now: DECEMBRE });
  expect(await regularisations(f.familleId)).toEqual(lignes);
  return lignes;
}

const lieuDe = async (f: Famille) =>
  (await db().inscription.findUniqueOrThrow({ where: { id: f.inscriptions[0]! } })).lieuId;

async function justifierAbsence(f: Famille, debut: string, fin: string) {
  const { numero } = await declarerAbsence({
    usagerId: f.usager.id,
    enfantId: f.enfantId,
    debut,
    fin,
    motif: "MALADIE",
    justificatif: PDF,
    now: APRES,
  });
  const demande = await db().demande.findUniqueOrThrow({ where: { numero } });
  await deciderDemande({ demarches: DEMARCHES, agent: f.instructeur, demandeId: demande.id, decision: "accepter" });
}

describe("régularisations on the next invoice", () => {
  it("every invoice line carries its days, in order, as many as its quantity", async () => {
    const f = await famille("Jours", "2026-09-21", "2026-09-25", { octobre: false });
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    const [ligne] = await db().ligneFacture.findMany({ where: { facture: { familleId: f.familleId } } });
    expect(ligne!.jours.map(jourDeDate)).toEqual(["2026-09-21", "2026-09-22", "2026-09-24", "2026-09-25"]);
    // the canteen is closed on Wednesdays
    expect([ligne!.quantite, ligne!.regularisation]).toEqual([4, null]);
  });

  it("an absence justified after the invoice: the day credited back", async () => {
    const f = await famille("Absente");
    const lignes = await apres(f, () => justifierAbsence(f, "2026-09-28", "2026-09-28"));
    expect(lignes).toEqual([
      {
        facture: "2026-10-01",
        jours: ["2026-09-28"],
        regularisation: "Absence justifiée",
        quantite: 1,
        prix: -REPAS,
        montant: -REPAS,
        libelle: "Régularisation — Restauration — Menu Classique : lun. 28 sept. 2026 — Absence justifiée",
      },
    ]);
  });

  it("a late pointage « présent sans réservation »: the day billed with the supplement", async () => {
    const f = await famille("Pointee");
    const lieuId = await lieuDe(f);
    const lignes = await apres(f, () =>
      pointer({
        agentId: facturation.id,
        enfantId: f.enfantId,
        uniteId: act.cantine.classique,
        lieuId,
        date: "2026-09-29",
        etat: "PRESENT_SANS_RESERVATION",
        now: APRES,
      }),
    );
    expect(court(lignes)).toEqual([
      { jours: ["2026-09-29"], regularisation: "Présence sans réservation", montant: REPAS + MAJORATION },
    ]);
  });

  it("an agent's booking after the invoice: the day billed", async () => {
    const f = await famille("Ajoutee");
    const lignes = await apres(f, () =>
      reserverPourLaFamille({
        agent: facturation,
        inscriptionId: f.inscriptions[0]!,
        changements: [{ date: "2026-09-29", uniteId: act.cantine.classique, reserver: true }],
        now: APRES,
      }),
    );
    expect(court(lignes)).toEqual([
      { jours: ["2026-09-29"], regularisation: "Modification par la commune", montant: REPAS },
    ]);
  });

  it("an agent's cancellation after the invoice: the day credited back", async () => {
    const f = await famille("Annulee");
    const lignes = await apres(f, () =>
      reserverPourLaFamille({
        agent: facturation,
        inscriptionId: f.inscriptions[0]!,
        changements: [{ date: "2026-09-25", uniteId: act.cantine.classique, reserver: false }],
        now: APRES,
      }),
    );
    expect(court(lignes)).toEqual([
      { jours: ["2026-09-25"], regularisation: "Modification par la commune", montant: -REPAS },
    ]);
  });

  it("a household never invoiced, an agent booking its days after the run: an invoice of régularisations only", async () => {
    const f = await familleInscrite("Oubliee", [act.cantine.id]);
    const lignes = await apres(f, () =>
      reserverPourLaFamille({
        agent: facturation,
        inscriptionId: f.inscriptions[0]!,
        changements: ["2026-09-21", "2026-09-22", "2026-09-24", "2026-09-25"].map((date) => ({
          date,
          uniteId: act.cantine.classique,
          reserver: true,
        })),
        now: APRES,
      }),
    );
    expect(lignes.map(({ facture, jours, montant }) => ({ facture, jours, montant }))).toEqual(
      ["2026-09-21", "2026-09-22", "2026-09-24", "2026-09-25"].map((jour) => ({
        facture: "2026-10-01",
        jours: [jour],
        montant: REPAS,
      })),
    );
  });

  it("a service non assuré declared afterwards: the day credited back", async () => {
    // the 29th is no other family's booked day but the agent's booking above (done with before this test)
    const f = await famille("Greve", "2026-09-01", "2026-09-29");
    const lieuId = await lieuDe(f);
    const lignes = await apres(f, () =>
      declarerServiceNonAssure({
        agentId: facturation.id,
        activiteId: act.cantine.id,
        lieuId,
        debut: "2026-09-29",
        fin: "2026-09-29",
        motif: "GREVE",
        now: APRES,
      }),
    );
    expect(court(lignes)).toEqual([{ jours: ["2026-09-29"], regularisation: "Service non assuré", montant: -REPAS }]);
  });

  it("a QF correction: only the difference, day by day", async () => {
    const f = await famille("Quotient", "2026-09-21", "2026-09-25");
    const lignes = await apres(f, () =>
      saisirQuotient({
        familleId: f.familleId,
        agentId: facturation.id,
        data: { valeur: 800, du: "2026-09-01", source: "CAF" },
      }),
    );
    // 4,15 € billed, 2,85 € owed at QF 800
    expect(court(lignes)).toEqual(
      ["2026-09-21", "2026-09-22", "2026-09-24", "2026-09-25"].map((jour) => ({
        jours: [jour],
        regularisation: "Correction du tarif ou du quotient familial",
        montant: 285 - REPAS,
      })),
    );
  });

  it("a tariff correction: only the difference, day by day", async () => {
    const f = await familleInscrite("Tarif", [act.garderie.id]);
    await reserver(f, 0, act.garderie.soir, "2026-09-14", "2026-09-25");
    await reserver(f, 0, act.garderie.soir, "2026-10-01", "2026-10-31");
    const lignes = await apres(f, () =>
      enregistrerTarif({
        uniteId: act.garderie.soir,
        anneeId,
        agentId: facturation.id,
        saisie: {
          mode: "TRANCHES",
          ...{ qfMin0: "0", qfMax0: "700", prix0: "1,60", qfMin1: "700", qfMax1: "1100", prix1: "2,05" },
          ...{ qfMin2: "1100", qfMax2: "", prix2: "2,60" },
        },
      }),
    );
    const [septembre] = await db().ligneFacture.findMany({
      where: { facture: { familleId: f.familleId, periodeDebut: new Date("2026-09-01T00:00:00Z") } },
    });
    expect(septembre!.prixUnitaireCentimes).toBe(245);
    // 2,45 € billed, 2,60 € since the correction: each day of September's line, once
    expect(court(lignes)).toEqual(
      septembre!.jours.map(jourDeDate).map((jour) => ({
        jours: [jour],
        regularisation: "Correction du tarif ou du quotient familial",
        montant: 15,
      })),
    );
  });

  it("a cancelled invoice: its days billed again on the next one", async () => {
    const f = await famille("Rebillee", "2026-09-21", "2026-09-25");
    const lignes = await apres(f, async () => {
      const septembre = await db().facture.findFirstOrThrow({ where: { familleId: f.familleId } });
      await emettreAvoir({ numero: septembre.numero, motif: "Adresse erronée", agentId: facturation.id, now: APRES });
      return septembre.numero;
    });
    const septembre = await db().facture.findFirstOrThrow({
      where: { familleId: f.familleId, periodeDebut: new Date("2026-09-01T00:00:00Z") },
    });
    expect(court(lignes)).toEqual(
      ["2026-09-21", "2026-09-22", "2026-09-24", "2026-09-25"].map((jour) => ({
        jours: [jour],
        regularisation: `Facture ${septembre.numero} annulée`,
        montant: REPAS,
      })),
    );
  });

  it("a régularisation of a month carried under the threshold waits, then lands once with the carried month", async () => {
    const f = await famille("Reportee", "2026-09-01", "2026-09-28", { octobre: false });
    await reserver(f, 0, act.cantine.classique, "2026-10-01", "2026-10-02");
    await reserver(f, 0, act.cantine.classique, "2026-11-01", "2026-11-30");
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    await reserverPourLaFamille({
      agent: facturation,
      inscriptionId: f.inscriptions[0]!,
      changements: [{ date: "2026-09-29", uniteId: act.cantine.classique, reserver: true }],
      now: APRES,
    });
    // October: 8,30 € + 4,15 € under the 15 € threshold: carried, nothing invoiced
    await facturerMois({ mois: "2026-10", now: NOVEMBRE });
    const report = await db().reportFacturation.findUniqueOrThrow({
      where: { familleId_mois: { familleId: f.familleId, mois: new Date("2026-10-01T00:00:00Z") } },
    });
    expect([report.montantCentimes, report.factureId]).toEqual([2 * REPAS, null]);
    expect(await regularisations(f.familleId)).toEqual([]);
    await facturerMois({ mois: "2026-11", now: DECEMBRE });
    await facturerMois({ mois: "2026-11", now: DECEMBRE });
    await facturerMois({ mois: "2026-12", now: new Date("2027-01-04T08:00:00Z") });
    expect(
      (await regularisations(f.familleId)).map(({ facture, jours, regularisation, montant }) => ({
        facture,
        jours,
        regularisation,
        montant,
      })),
    ).toEqual([
      { facture: "2026-11-01", jours: ["2026-09-29"], regularisation: "Modification par la commune", montant: REPAS },
    ]);
    const novembre = await db().facture.findUniqueOrThrow({
      where: { familleId_periodeDebut: { familleId: f.familleId, periodeDebut: new Date("2026-11-01T00:00:00Z") } },
      include: { lignes: true },
    });
    expect((await db().reportFacturation.findUniqueOrThrow({ where: { id: report.id } })).factureId).toBe(novembre.id);
    // the carried October days are on November's invoice once, with their days
    expect(
      novembre.lignes.filter((l) => jourDeDate(l.mois) === "2026-10-01").map((l) => l.jours.map(jourDeDate)),
    ).toEqual([["2026-10-01", "2026-10-02"]]);
  });
});

describe("avoirs de régularisation", () => {
  it("a negative total is no invoice: an avoir de régularisation, spent on the open invoice", async () => {
    const f = await famille("Negative", "2026-09-21", "2026-09-25", { octobre: false });
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    await justifierAbsence(f, "2026-09-21", "2026-09-25");
    await facturerMois({ mois: "2026-10", now: NOVEMBRE });
    await facturerMois({ mois: "2026-10", now: NOVEMBRE });
    await facturerMois({ mois: "2026-11", now: DECEMBRE });
    const factures = await db().facture.findMany({ where: { familleId: f.familleId } });
    expect(factures.map((x) => jourDeDate(x.periodeDebut))).toEqual(["2026-09-01"]);
    const avoirs = await db().avoir.findMany({
      where: { familleId: f.familleId },
      include: { lignes: { orderBy: { ordre: "asc" } }, affectations: true },
    });
    expect(avoirs).toHaveLength(1);
    const [avoir] = avoirs;
    expect(avoir!.numero).toMatch(/^AV-2026-\d{6}$/);
    expect([avoir!.factureId, avoir!.montantCentimes]).toEqual([null, 4 * REPAS]);
    expect(avoir!.lignes.map((l) => [l.jours.map(jourDeDate), l.regularisation, l.montantCentimes])).toEqual(
      ["2026-09-21", "2026-09-22", "2026-09-24", "2026-09-25"].map((j) => [[j], "Absence justifiée", -REPAS]),
    );
    expect(avoir!.affectations.map((a) => [a.factureId, a.montantCentimes])).toEqual([[factures[0]!.id, 4 * REPAS]]);
  });

  it("the agent's avoir de régularisation: the pending credits at once, then nothing left for the next invoice", async () => {
    const f = await famille("Choisie");
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    await justifierAbsence(f, "2026-09-28", "2026-09-28");
    const attente = await regularisationsEnAttente(f.familleId, APRES);
    expect(attente.map((l) => [l.jours, l.regularisation, l.montantCentimes])).toEqual([
      [["2026-09-28"], "Absence justifiée", -REPAS],
    ]);
    const sans = await agent("SansHabilitation");
    await expect(
      emettreAvoirDeRegularisation({ familleId: f.familleId, agentId: sans.id, now: APRES }),
    ).rejects.toThrow(/habilitation Facturation/);
    const avoir = await emettreAvoirDeRegularisation({ familleId: f.familleId, agentId: facturation.id, now: APRES });
    expect(avoir.montantCentimes).toBe(REPAS);
    expect(await regularisationsEnAttente(f.familleId, APRES)).toEqual([]);
    await expect(
      emettreAvoirDeRegularisation({ familleId: f.familleId, agentId: facturation.id, now: APRES }),
    ).rejects.toThrow(/aucune régularisation/);
    const septembre = await db().facture.findFirstOrThrow({ where: { familleId: f.familleId } });
    const ecrit = await db().avoir.findUniqueOrThrow({
      where: { numero: avoir.numero },
      include: { lignes: true, affectations: true },
    });
    expect(ecrit.lignes.map((l) => [l.jours.map(jourDeDate), l.montantCentimes])).toEqual([[["2026-09-28"], -REPAS]]);
    expect(ecrit.affectations.map((a) => [a.factureId, a.montantCentimes])).toEqual([[septembre.id, REPAS]]);
    expect(await db().journalEntry.count({ where: { event: "facturation.avoir_regularisation" } })).toBe(1);
    await facturerMois({ mois: "2026-10", now: NOVEMBRE });
    expect(
      await db().facture.count({ where: { familleId: f.familleId, periodeDebut: new Date("2026-10-01T00:00:00Z") } }),
    ).toBe(1);
    expect(await regularisations(f.familleId)).toEqual([]);
  });
});
