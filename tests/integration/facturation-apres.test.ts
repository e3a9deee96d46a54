// Facturation on PostgreSQL, after the invoice: the parent's scope (their household's invoices and PDFs only) and
// a mail without the amount nor the QF, the avoir, the attestation fiscale (garderie only, under six only). The
// seeded world in facturation-fixtures.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { attestationFiscale } from "@/lib/domain/facturation/attestation";
import { emettreAvoir } from "@/lib/domain/facturation/avoir";
import { pdfDeFacture } from "@/lib/domain/facturation/documents";
import { facturerMois } from "@/lib/domain/facturation/executer";
import { factureALire, facturesDeLUsager } from "@/lib/domain/facturation/queries";
import { saisirQuotient } from "@/lib/domain/facturation/quotient";
import { jourSemaine } from "@/lib/temps/jours";
import { creerFoyers, reserverJours } from "@/prisma/demo-facturation";
import { usagerActive } from "./demande-fixtures";
import { agentId, cantine, garderie, OCTOBRE, preparerFacturation, reserver } from "./facturation-fixtures";

beforeAll(preparerFacturation, 120_000);

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
