// The family account as a parent reads it, rendered to HTML: the balance's three wordings, the deduction an
// earlier credit made on an invoice, and the movements with their dates, newest first as given.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CompteFamille } from "@/components/facturation/CompteFamille";
import type { CompteFamille as Compte } from "@/lib/domain/paiement/compte";

const jour = (j: string) => new Date(`${j}T00:00:00Z`);

const compte = (soldeCentimes: number): Compte => ({
  soldeCentimes,
  factures: [
    {
      numero: "FA-2026-000002",
      periodeDebut: jour("2026-10-01"),
      emiseLe: jour("2026-11-01"),
      echeanceLe: jour("2026-12-01"),
      totalCentimes: 4845,
      avoir: null,
      etat: "A_PAYER",
      payeCentimes: 2000,
      resteCentimes: 2845,
      deduitCentimes: 2000,
    },
  ],
  mouvements: [
    {
      genre: "facture",
      date: jour("2026-11-01"),
      numero: "FA-2026-000002",
      periodeDebut: jour("2026-10-01"),
      montantCentimes: 4845,
      annulee: false,
      regularisations: [
        {
          enfantNom: "Henri DUPONT",
          libelle: "Garderie — Matin",
          jours: [jour("2026-09-03")],
          montantCentimes: -150,
          motif: "Absence justifiée",
        },
      ],
    },
    {
      genre: "paiement",
      date: jour("2026-10-20"),
      mode: "CHEQUE",
      reference: "7001",
      montantCentimes: 4500,
      recuNumero: "RE-2026-000001",
      rejeteLe: null,
      factures: [],
    },
    {
      genre: "avoir",
      date: jour("2026-10-10"),
      numero: "AV-2026-000001",
      motif: "Facturée par erreur",
      montantCentimes: 3000,
      factureAnnulee: "FA-2026-000001",
    },
  ],
});

const rendu = (soldeCentimes: number) =>
  renderToStaticMarkup(
    createElement(CompteFamille, { compte: compte(soldeCentimes), niveau: 2, lienFacture: (n) => `/factures/${n}` }),
  ).replace(/\u202f/g, " ");

describe("the family account's page", () => {
  it("opens with the balance: due, credit, or up to date", () => {
    expect(rendu(2845)).toContain("Reste à payer : 28,45 €");
    expect(rendu(-2000)).toContain("Avoir disponible : 20,00 €");
    expect(rendu(0)).toContain("Votre compte est à jour");
  });

  it("says what an earlier credit paid of an invoice, and what is left of it", () => {
    const html = rendu(2845);
    expect(html).toContain("dont 20,00 € déduits de votre avoir");
    expect(html).toMatch(/<h2[^>]*>Facture N° FA-2026-000002 — octobre 2026<\/h2>/);
    expect(html).toContain('href="/factures/FA-2026-000002"');
  });

  it("lists the movements with their dates in the order given: invoice with its régularisation, cheque, avoir", () => {
    const html = rendu(2845);
    const positions = [
      "01/11/2026</span> — Facture FA-2026-000002 — octobre 2026",
      "20/10/2026</span> — Paiement : Chèque n° 7001 — reçu RE-2026-000001",
      "10/10/2026</span> — Avoir AV-2026-000001 : annulation de la facture FA-2026-000001 (Facturée par erreur)",
    ].map((texte) => html.indexOf(texte));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain(
      "Régularisation : Henri DUPONT, Garderie — Matin, jeu. 3 sept. (Absence justifiée) : -1,50 €",
    );
    expect(html).toContain("− 45,00 €");
  });
});
