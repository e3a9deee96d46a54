// An invoice's body as a parent reads it, rendered to HTML: each line with its days, a régularisation with its day
// and reason, the deductions with a link to their reçu, what is left, and the virement's IBAN, BIC and reference.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentPayer, LignesFacture, TotauxFacture } from "@/components/facturation/DetailFacture";
import type { DetailFacture } from "@/lib/domain/facturation/detail";

const facture: DetailFacture = {
  id: "f1",
  numero: "FA-2026-000123",
  familleId: "fam",
  cleEnfance: "ABCD-EFGH",
  periodeDebut: "2026-11-01",
  emiseLe: "01/12/2026",
  echeanceLe: "31/12/2026",
  destinataire: "Claire ETCHART",
  adresse: "65 Route de Saint Pierre d'Irube\n64990 Villefranque",
  quotient: "Quotient familial : 850 €",
  enfants: [
    {
      nom: "Henri ETCHART",
      lignes: [
        {
          id: "l1",
          libelle: "Restauration — Repas",
          mois: "2026-11-01",
          jours: ["2026-11-02", "2026-11-03", "2026-11-05"],
          joursEnClair: "lun. 2, mar. 3, jeu. 5 nov.",
          quantite: 3,
          prixUnitaireCentimes: 285,
          montantCentimes: 855,
          regularisation: null,
        },
        {
          id: "l2",
          libelle: "Restauration — Repas",
          mois: "2026-10-01",
          jours: ["2026-10-15"],
          joursEnClair: "jeu. 15 oct.",
          quantite: 1,
          prixUnitaireCentimes: -285,
          montantCentimes: -285,
          regularisation: "Absence justifiée",
        },
      ],
    },
  ],
  totalCentimes: 570,
  deductions: [
    {
      libelle: "Paiement — Chèque (reçu RE-2026-000042)",
      date: "2026-12-02",
      montantCentimes: 200,
      recu: "RE-2026-000042",
    },
    { libelle: "Avoir N° AV-2026-000003", date: "2026-12-03", montantCentimes: 100, recu: null },
  ],
  deduitCentimes: 300,
  resteCentimes: 270,
  avoir: null,
  prelevement: null,
  etat: "A_PAYER",
  reglement: {
    regie: "Régie enfance",
    modesPaiement: "Par chèque, en espèces ou par virement.",
    iban: "FR7630001007941234567890185",
    bic: "BDFEFRPPCCT",
    reference: "FA-2026-000123",
  },
};

const texte = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("an invoice's detail", () => {
  it("names each line's days and a régularisation's day and reason", () => {
    const html = renderToStaticMarkup(createElement(LignesFacture, { facture }));
    expect(texte(html)).toContain("Restauration — Repas (novembre 2026)");
    expect(texte(html)).toContain("Jours : lun. 2, mar. 3, jeu. 5 nov.");
    expect(texte(html)).toContain("Régularisation — Restauration — Repas");
    expect(texte(html)).toContain("jeu. 15 oct. : Absence justifiée");
    expect(html).not.toContain("<table");
  });

  it("lists what was deducted, the reçu to download, and what is left", () => {
    const html = renderToStaticMarkup(
      createElement(TotauxFacture, { facture, lienRecu: (recu: string) => `/factures/recus/${recu}/pdf` }),
    );
    expect(texte(html)).toContain("Déjà déduit : Paiement — Chèque (reçu RE-2026-000042) du 02/12/2026");
    expect(html).toContain('href="/factures/recus/RE-2026-000042/pdf"');
    expect(texte(html)).toContain("Déjà déduit : Avoir N° AV-2026-000003 du 03/12/2026");
    expect(texte(html)).toMatch(/Reste à payer 2,70\s€/);
  });

  it("says how to pay, with the régie's IBAN in groups of four, its BIC and the reference to give", () => {
    const html = texte(renderToStaticMarkup(createElement(CommentPayer, { facture })));
    expect(html).toContain("À régler avant le 31/12/2026.");
    expect(html).toContain("FR76 3000 1007 9412 3456 7890 185");
    expect(html).toContain("BDFEFRPPCCT");
    expect(html).toContain("Référence à indiquer : FA-2026-000123");
    const sansIban = texte(
      renderToStaticMarkup(
        createElement(CommentPayer, {
          facture: { ...facture, reglement: { ...facture.reglement, iban: "", bic: "" } },
        }),
      ),
    );
    expect(sansIban).not.toContain("IBAN");
    expect(sansIban).toContain("Rappelez le numéro de facture FA-2026-000123.");
  });
});
