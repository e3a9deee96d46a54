// The month's debits (issue 29): a debit pre-notified at emission for a family with an active mandate, FRST on
// its first run then RCUR; who is left out and why (a revoked mandate, an invoice paid meanwhile); the run's
// payments paying the invoices; every pain.008 generated checked against the ISO 20022 schema, with its sums;
// a reject putting the invoice back to « à payer » and mailing the family (real SMTP sink), two in a row
// suspending the mandate; the bank's CSV with a bad line.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { sink } = await vi.hoisted(async () => {
  const { startMailSink } = await import("@/e2e/fixtures/mail-sink");
  const sink = await startMailSink({ port: 0 });
  // read once by lib/config.ts, before the app's modules load
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  return { sink };
});

import { db } from "@/lib/db";
import { enregistrerPaiement } from "@/lib/domain/paiement/enregistrer";
import { compteFamille } from "@/lib/domain/paiement/compte";
import { soldesDe } from "@/lib/domain/paiement/queries";
import { changerStatutMandat } from "@/lib/domain/prelevement/mandat";
import { fichierPain008 } from "@/lib/domain/prelevement/pain008-fichier";
import { prevoirPrelevements, prochainPrelevement } from "@/lib/domain/prelevement/prevoir";
import { rejeterPrelevement } from "@/lib/domain/prelevement/rejet";
import { importerRejets } from "@/lib/domain/prelevement/rejet-import";
import { lancerRun } from "@/lib/domain/prelevement/run";
import { apercuRun } from "@/lib/domain/prelevement/run-apercu";
import { emettreRecusDuRun } from "@/lib/domain/prelevement/run-recus";
import { drainOutbox } from "@/lib/mail/outbox";
import { seedCommune } from "@/prisma/seed";
import type { Tx } from "@/lib/db";
import { pain008Valide } from "../pain008-xsd";
import { agent } from "./demande-fixtures";
import { facture, familleValidee } from "./paiement-fixtures";
import { ICS_TEST, mandat, nouvelleVersion, parametresActifs } from "./prelevement-fixtures";

type Famille = Awaited<ReturnType<typeof familleValidee>>;
const IBAN_A = "FR1420041010050500013M02606";
const IBAN_B = "FR7610907000301234567890125";
let agentId: string;

beforeAll(async () => {
  await seedCommune();
  agentId = (await agent("Tresorier")).id;
  await parametresActifs("FICHIER_SEPA");
}, 60_000);

afterAll(async () => {
  await sink.close();
});

/** An invoice of `mois` (its first day, emitted that day) and its debit planned as the emission plans it. */
async function factureDuMois(familleId: string, totalCentimes: number, mois: string) {
  const [a, m] = mois.split("-").map(Number) as [number, number];
  const echeance = new Date(Date.UTC(a, m, 10)).toISOString().slice(0, 10);
  const f = await facture(familleId, totalCentimes, echeance);
  await db().$transaction((tx) => prevoirPrelevements(tx as Tx, [f.id], new Date(`${mois}-01T08:00:00Z`)));
  return f;
}

/** A run's file, checked against the schema (every test that makes one goes through here). */
async function fichier(runId: string) {
  const f = await fichierPain008(runId, { agentId });
  expect(f).not.toBeNull();
  return pain008Valide(f!.xml);
}

/** The invoice's due amount and state as the family account reads them. */
async function etat(familleId: string, numero: string, now: Date) {
  const compte = await compteFamille(familleId, now);
  return { facture: compte.factures.find((f) => f.numero === numero)!, solde: compte.soldeCentimes, compte };
}

describe("the month's debit run", () => {
  it("pre-notifies the debit at emission, presents it FRST, then RCUR the next month, in valid pain.008 files", async () => {
    const f = await familleValidee("Etchart");
    await mandat(f.familleId, f.usager.id, IBAN_A);
    const novembre = await factureDuMois(f.familleId, 4845, "2026-11");
    // emitted on 1 November, 14 days of notice: the first 10th after 15 November
    expect(await prochainPrelevement(novembre.id)).toMatchObject({
      statut: "PREVU",
      sequence: "FRST",
      montantCentimes: 4845,
    });
    expect((await prochainPrelevement(novembre.id))!.datePrelevement.toISOString().slice(0, 10)).toBe("2026-12-10");

    const now = new Date("2026-12-01T09:00:00Z");
    const apercu = await db().$transaction((tx) => apercuRun(tx as Tx, "2026-11-01", now));
    expect(apercu.debits.filter((d) => d.familleId === f.familleId)).toEqual([
      expect.objectContaining({
        numero: novembre.numero,
        sequence: "FRST",
        montantCentimes: 4845,
        datePrelevement: "2026-12-10",
      }),
    ]);
    const run = await lancerRun({ agentId, mois: "2026-11", now });
    // the reçus: the job the run queued
    expect(await emettreRecusDuRun(run.id)).toBeGreaterThanOrEqual(1);
    const p = await db().prelevement.findFirstOrThrow({
      where: { factureId: novembre.id },
      include: { paiement: true },
    });
    expect(p).toMatchObject({ statut: "PRESENTE", runId: run.id, sequence: "FRST" });
    expect(p.paiement).toMatchObject({ mode: "PRELEVEMENT", montantCentimes: 4845, reference: p.endToEndId });
    expect(p.paiement!.date.toISOString().slice(0, 10)).toBe("2026-12-10");
    expect(p.paiement!.recuNumero).toMatch(/^RE-2026-\d{6}$/);
    expect((await etat(f.familleId, novembre.numero, now)).facture).toMatchObject({ etat: "PAYEE", resteCentimes: 0 });
    const m = await db().mandatSepa.findFirstOrThrow({ where: { familleId: f.familleId } });
    expect(m.dernierPrelevement!.toISOString().slice(0, 10)).toBe("2026-12-10");

    const xml = await fichier(run.id);
    const lot = xml.lots.find((l) => l.debits.some((d) => d.endToEndId === p.endToEndId))!;
    expect(lot).toMatchObject({ sequence: "FRST", date: "2026-12-10", ics: ICS_TEST });
    expect(lot.debits.find((d) => d.endToEndId === p.endToEndId)).toMatchObject({
      montant: "48.45",
      rum: m.rum,
      signeLe: "2026-10-05",
      amendement: "false",
      nom: "Claire Etchart",
      iban: IBAN_A,
      bic: null,
      libelle: `Facture ${novembre.numero}`,
    });

    // December: the same mandate has a debit presented, so RCUR; a new account since: an amendment
    await nouvelleVersion(m.id, f.usager.id, IBAN_B, 2, new Date("2026-12-15T10:00:00Z"));
    const decembre = await factureDuMois(f.familleId, 3000, "2026-12");
    expect(await prochainPrelevement(decembre.id)).toMatchObject({ sequence: "RCUR" });
    const janvier = new Date("2027-01-02T09:00:00Z");
    const second = await lancerRun({ agentId, mois: "2026-12", now: janvier });
    const xml2 = await fichier(second.id);
    const debit = xml2.lots
      .flatMap((l) => l.debits.map((d) => ({ ...d, sequence: l.sequence })))
      .find((d) => d.libelle === `Facture ${decembre.numero}`)!;
    expect(debit).toMatchObject({
      sequence: "RCUR",
      montant: "30.00",
      iban: IBAN_B,
      amendement: "true",
      bic: "CCBPFRPPXXX",
    });
  });

  it("leaves out a revoked mandate and an invoice paid meanwhile, with their reasons, and sums exactly", async () => {
    const [revoquee, payee, a, b] = (await Promise.all(
      ["Irigoin", "Harriet", "Mendiboure", "Sorhaindo"].map((n) => familleValidee(n)),
    )) as [Famille, Famille, Famille, Famille];
    const mandats = await Promise.all(
      [revoquee, payee, a, b].map((f, i) => mandat(f.familleId, f.usager.id, i % 2 ? IBAN_A : IBAN_B)),
    );
    const [fr, fp, fa, fb] = await Promise.all([
      factureDuMois(revoquee.familleId, 2500, "2027-01"),
      factureDuMois(payee.familleId, 2600, "2027-01"),
      factureDuMois(a.familleId, 1999, "2027-01"),
      factureDuMois(b.familleId, 12_001, "2027-01"),
    ]);
    const now = new Date("2027-02-01T09:00:00Z");
    await db().$transaction((tx) =>
      changerStatutMandat(tx as Tx, {
        mandatId: mandats[0]!.id,
        vers: "REVOQUE",
        motif: "Révocation par le parent",
        acteur: "USAGER",
        acteurId: revoquee.usager.id,
        now,
      }),
    );
    await enregistrerPaiement({
      agentId,
      pour: { facture: fp.numero },
      mode: "CHEQUE",
      montantCentimes: 2600,
      date: "2027-01-20",
      reference: "881122",
      now,
    });
    const apercu = await db().$transaction((tx) => apercuRun(tx as Tx, "2027-01-01", now));
    expect(apercu.exclus).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ numero: fr.numero, motif: "Mandat révoqué" }),
        expect.objectContaining({ numero: fp.numero, motif: "Facture déjà payée" }),
      ]),
    );
    expect(apercu.debits.map((d) => d.numero).sort()).toEqual([fa.numero, fb.numero].sort());
    expect(apercu.totalCentimes).toBe(1999 + 12_001);

    const run = await lancerRun({ agentId, mois: "2027-01", now });
    expect(run).toMatchObject({ nombre: 2, montantCentimes: 14_000 });
    expect(await db().prelevement.findFirstOrThrow({ where: { factureId: fp.id } })).toMatchObject({
      statut: "ANNULE",
    });
    expect(await db().prelevement.findFirstOrThrow({ where: { factureId: fr.id } })).toMatchObject({
      statut: "ANNULE",
    });
    const xml = await fichier(run.id);
    expect(xml.nbOfTxs).toBe(2);
    expect(xml.ctrlSum).toBe("140.00");
    expect(xml.lots.map((l) => [l.sequence, l.nbOfTxs, l.ctrlSum])).toEqual([["FRST", 2, "140.00"]]);
    expect(xml.lots[0]!.debits.map((d) => d.montant).sort()).toEqual(["120.01", "19.99"]);
    // nothing left to present for the month
    await expect(lancerRun({ agentId, mois: "2027-01", now })).rejects.toThrow("Aucun prélèvement");
  });
});

describe("rejects", () => {
  it("puts the invoice back to « à payer », mails the family, and two in a row suspend the mandate", async () => {
    const f = await familleValidee("Garat");
    const m = await mandat(f.familleId, f.usager.id, IBAN_A);
    const fevrier = await factureDuMois(f.familleId, 5210, "2027-02");
    const run = await lancerRun({ agentId, mois: "2027-02", now: new Date("2027-03-01T09:00:00Z") });
    await fichier(run.id);
    const p = await db().prelevement.findFirstOrThrow({ where: { factureId: fevrier.id } });
    const apres = new Date("2027-03-12T09:00:00Z");

    await sink.clear();
    expect(await rejeterPrelevement({ agentId, reference: p.endToEndId, code: "am04", now: apres })).toMatchObject({
      suspendu: false,
    });
    expect(await db().prelevement.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      statut: "REJETE",
      codeRejet: "AM04",
      motifRejet: "Le solde du compte était insuffisant.",
    });
    const { facture: rejetee, solde, compte } = await etat(f.familleId, fevrier.numero, apres);
    expect(rejetee).toMatchObject({ resteCentimes: 5210, payeCentimes: 0 });
    expect(rejetee.etat).not.toBe("PAYEE");
    expect(solde).toBe(5210);
    // the console's balances too: the rejected payment paid nothing
    expect((await soldesDe([f.familleId])).get(f.familleId)).toMatchObject({ payeCentimes: 0, soldeCentimes: 5210 });
    expect(compte.mouvements.find((x) => x.genre === "paiement")).toMatchObject({ rejeteLe: expect.any(Date) });
    expect((await db().mandatSepa.findUniqueOrThrow({ where: { id: m.id } })).rejetsConsecutifs).toBe(1);

    await drainOutbox();
    const mail = await sink.waitFor({
      to: f.usager.courriel,
      subject: `Prélèvement rejeté : facture ${fevrier.numero}`,
    });
    expect(mail.text).toContain("Le solde du compte était insuffisant.");
    expect(mail.text).toContain(`/factures/${fevrier.numero}/payer`);
    expect(mail.text).toContain("52,10");
    for (const partie of [IBAN_A, IBAN_A.slice(-4)]) expect(mail.text + mail.html).not.toContain(partie);
    // the same reject twice is refused
    await expect(rejeterPrelevement({ agentId, reference: p.endToEndId, code: "AM04", now: apres })).rejects.toThrow(
      "déjà rejeté",
    );

    // March's debit rejected too: two in a row, the settings' count, suspend the mandate
    const mars = await factureDuMois(f.familleId, 3100, "2027-03");
    await lancerRun({ agentId, mois: "2027-03", now: new Date("2027-04-01T09:00:00Z") });
    const r = await rejeterPrelevement({
      agentId,
      reference: m.rum,
      code: "MS02",
      now: new Date("2027-04-14T09:00:00Z"),
    });
    expect(r.suspendu).toBe(true);
    const suspendu = await db().mandatSepa.findUniqueOrThrow({ where: { id: m.id }, include: { historique: true } });
    expect(suspendu).toMatchObject({ statut: "SUSPENDU", rejetsConsecutifs: 2 });
    expect(suspendu.historique.map((h) => h.vers)).toContain("SUSPENDU");
    expect((await etat(f.familleId, mars.numero, new Date("2027-04-14T09:00:00Z"))).facture.resteCentimes).toBe(3100);
    // a suspended mandate's family is left out of the next run, with the reason
    await factureDuMois(f.familleId, 2000, "2027-04");
    const apercu = await db().$transaction((tx) => apercuRun(tx as Tx, "2027-04-01", new Date("2027-05-01T09:00:00Z")));
    expect(apercu.exclus.find((e) => e.familleId === f.familleId)?.motif).toBe("Mandat suspendu (rejets successifs)");
  });

  it("imports the bank's CSV: the good lines apply, each bad one listed with its line number", async () => {
    const [a, b] = await Promise.all([familleValidee("Oyhenart"), familleValidee("Larralde")]);
    const ma = await mandat(a.familleId, a.usager.id, IBAN_A);
    await mandat(b.familleId, b.usager.id, IBAN_B);
    const fa = await factureDuMois(a.familleId, 4000, "2027-05");
    const fb = await factureDuMois(b.familleId, 4100, "2027-05");
    await lancerRun({ agentId, mois: "2027-05", now: new Date("2027-06-01T09:00:00Z") });
    const pb = await db().prelevement.findFirstOrThrow({ where: { factureId: fb.id } });
    const csv = [
      "Référence;Code;Date",
      `${ma.rum};AC04;12/06/2027`,
      `INCONNUE-123;AM04;12/06/2027`,
      `${pb.endToEndId};XX;12/06/2027`,
      "",
    ].join("\r\n");
    const resultat = await importerRejets({ agentId, csv, now: new Date("2027-06-13T09:00:00Z") });
    expect(resultat.appliques).toBe(1);
    expect(resultat.erreurs).toEqual([
      { ligne: 3, message: "Aucun prélèvement présenté n'a cette référence." },
      { ligne: 4, message: "Code de rejet invalide : « XX »." },
    ]);
    const pa = await db().prelevement.findFirstOrThrow({ where: { factureId: fa.id } });
    expect(pa).toMatchObject({ statut: "REJETE", codeRejet: "AC04", motifRejet: "Le compte bancaire est clôturé." });
    expect(pa.rejeteLe!.toISOString().slice(0, 10)).toBe("2027-06-12");
    expect(await db().prelevement.findUniqueOrThrow({ where: { id: pb.id } })).toMatchObject({ statut: "PRESENTE" });
  });
});
