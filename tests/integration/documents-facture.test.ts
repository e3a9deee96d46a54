// What a parent reads of an invoice (issue 24), on its HTML page and its PDF: the lines per child with the days
// they bill, a régularisation with its day and reason, what payments and avoirs already deducted, what is left,
// and how to pay with the régie's IBAN/BIC and the reference for a virement; another family's invoice is not
// theirs to read. The attestation fiscale says « provisoire » until its year is over.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { detailFacture } from "@/lib/domain/facturation/detail";
import { pdfAttestation, pdfDeFacture } from "@/lib/domain/facturation/documents";
import { modifierParametres } from "@/lib/domain/facturation/parametres";
import { seedActivites } from "@/prisma/demo-activites";
import { seedCommune } from "@/prisma/seed";
import { texteDuPdf } from "../pdf-texte";
import { agent } from "./demande-fixtures";
import { facture, familleValidee } from "./paiement-fixtures";

const NOW = new Date("2026-12-07T09:00:00Z");
const jour = (j: string) => new Date(`${j}T00:00:00Z`);

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  const admin = await agent("Regie");
  await modifierParametres({
    agentId: admin.id,
    data: {
      regie: "Régie enfance",
      delaiPaiementJours: 30,
      seuilReport: "15",
      modesPaiement: "Par chèque, en espèces, CESU ou par virement.",
      iban: "FR7630001007941234567890185",
      bic: "BDFEFRPPCCT",
      seuilAlerte: "300",
    },
  });
}, 60_000);

/** A November invoice of 3 canteen days and one régularisation (an absence justified in October), half paid. */
async function factureDeNovembre(nom: string) {
  const f = await familleValidee(nom);
  const fa = await facture(f.familleId, 5 * 285 - 285, "2026-12-31");
  const unite = await db().unite.findFirstOrThrow({
    where: { activite: { code: "RESTAURATION_PUBLIQUE" } },
    include: { activite: true },
  });
  const ligne = { factureId: fa.id, enfantId: f.enfantId, activiteId: unite.activiteId, uniteId: unite.id };
  await db().ligneFacture.createMany({
    data: [
      {
        ...ligne,
        enfantNom: `Maialen ${nom.toUpperCase()}`,
        libelle: "Restauration — Repas",
        mois: jour("2026-11-01"),
        quantite: 5,
        prixUnitaireCentimes: 285,
        montantCentimes: 1425,
        jours: ["2026-11-02", "2026-11-03", "2026-11-05", "2026-11-09", "2026-11-10"].map(jour),
        ordre: 0,
      },
      {
        ...ligne,
        enfantNom: `Maialen ${nom.toUpperCase()}`,
        libelle: "Restauration — Repas",
        mois: jour("2026-10-01"),
        quantite: 1,
        prixUnitaireCentimes: -285,
        montantCentimes: -285,
        jours: [jour("2026-10-15")],
        regularisation: "Absence justifiée",
        ordre: 1,
      },
    ],
  });
  const paiement = await db().paiement.create({
    data: {
      familleId: f.familleId,
      montantCentimes: 500,
      mode: "CHEQUE",
      date: jour("2026-12-02"),
      reference: `chq-${nom}`,
      recuNumero: `RE-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
    },
  });
  await db().affectationPaiement.create({ data: { paiementId: paiement.id, factureId: fa.id, montantCentimes: 500 } });
  return { ...f, facture: fa, paiement };
}

describe("an invoice as a parent reads it", () => {
  it("groups the lines by child with their days, the régularisation with its day and reason, and what is left", async () => {
    const f = await factureDeNovembre("Urrugne");
    const detail = await detailFacture({ usagerId: f.usager.id }, f.facture.numero, NOW);
    expect(detail).not.toBeNull();
    expect(detail!.enfants).toHaveLength(1);
    const [mois, regul] = detail!.enfants[0]!.lignes;
    expect(mois).toMatchObject({
      libelle: "Restauration — Repas",
      quantite: 5,
      montantCentimes: 1425,
      regularisation: null,
      jours: ["2026-11-02", "2026-11-03", "2026-11-05", "2026-11-09", "2026-11-10"],
      joursEnClair: "lun. 2, mar. 3, jeu. 5, lun. 9, mar. 10 nov.",
    });
    expect(regul).toMatchObject({
      montantCentimes: -285,
      regularisation: "Absence justifiée",
      joursEnClair: "jeu. 15 oct.",
    });
    expect(detail!.totalCentimes).toBe(1140);
    expect(detail!.deductions).toEqual([
      {
        libelle: `Paiement — Chèque (reçu ${f.paiement.recuNumero})`,
        date: "2026-12-02",
        montantCentimes: 500,
        recu: f.paiement.recuNumero,
      },
    ]);
    expect(detail!.resteCentimes).toBe(640);
    expect(detail!.etat).toBe("A_PAYER");
    expect(detail!.reglement).toMatchObject({
      iban: "FR7630001007941234567890185",
      bic: "BDFEFRPPCCT",
      reference: f.facture.numero,
    });
    // the agents read it too; another family's parent gets nothing, as for a number that does not exist
    expect(await detailFacture({ agent: true }, f.facture.numero, NOW)).not.toBeNull();
    const autre = await familleValidee("Guethary");
    expect(await detailFacture({ usagerId: autre.usager.id }, f.facture.numero, NOW)).toBeNull();
    expect(await pdfDeFacture({ usagerId: autre.usager.id }, f.facture.numero, NOW)).toBeNull();
  });

  it("prints the days, the régularisation, the deduction, the due date and the virement's IBAN, BIC and reference", async () => {
    const f = await factureDeNovembre("Ciboure");
    const pdf = await pdfDeFacture({ usagerId: f.usager.id }, f.facture.numero, NOW);
    const texte = (await texteDuPdf(pdf!.bytes)).join("\n");
    expect(texte).toContain("Jours : lun. 2, mar. 3, jeu. 5, lun. 9, mar. 10 nov.");
    expect(texte).toContain("Régularisation — Restauration — Repas");
    expect(texte).toContain("jeu. 15 oct. : Absence justifiée");
    expect(texte).toContain(`Déjà déduit : Paiement — Chèque (reçu ${f.paiement.recuNumero}) du 02/12/2026`);
    expect(texte).toMatch(/Reste à payer\n6,40 €/);
    expect(texte).toContain("À régler avant le 31/12/2026.");
    expect(texte).toContain("IBAN : FR76 3000 1007 9412 3456 7890 185 — BIC : BDFEFRPPCCT");
    expect(texte).toContain(`Référence à indiquer : ${f.facture.numero}`);
  });
});

describe("the attestation fiscale", () => {
  it("is « provisoire » while its year is not over, final from 1 January", async () => {
    const f = await factureDeNovembre("Sibourne");
    const enDecembre = await pdfAttestation(f.familleId, 2026, NOW);
    const provisoire = (await texteDuPdf(enDecembre!.bytes)).join("\n");
    expect(provisoire).toContain("Attestation de frais de garde — année 2026 (provisoire)");
    expect(provisoire).toContain("Attestation provisoire : l'année 2026 n'est pas terminée");
    // 31 December at 23:30 in Paris is still 2026; 1 January at 00:30 in Paris is 2027
    const dernierSoir = await pdfAttestation(f.familleId, 2026, new Date("2026-12-31T22:30:00Z"));
    expect((await texteDuPdf(dernierSoir!.bytes)).join("\n")).toContain("(provisoire)");
    const enJanvier = await pdfAttestation(f.familleId, 2026, new Date("2026-12-31T23:30:00Z"));
    const definitive = (await texteDuPdf(enJanvier!.bytes)).join("\n");
    expect(definitive).toContain("Attestation de frais de garde — année 2026");
    expect(definitive).not.toContain("provisoire");
  });
});
