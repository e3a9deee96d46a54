// The console's pending régularisations rendered to HTML: each day with its child, prestation, reason and signed
// amount; the credits' total and the avoir's button only when some are in the family's favour.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RegularisationsEnAttente } from "@/components/facturation/RegularisationsEnAttente";

const ligne = (jour: string, regularisation: string, montantCentimes: number) => ({
  enfantId: "e",
  enfantNom: "Louise ETCHART",
  uniteId: 1,
  libelle: `Régularisation — Restauration — Menu Classique : jour — ${regularisation}`,
  jours: [jour],
  regularisation,
  montantCentimes,
});
const action = async () => ({ values: {}, errors: {} });
const rendu = (lignes: ReturnType<typeof ligne>[]) =>
  renderToStaticMarkup(createElement(RegularisationsEnAttente, { lignes, emettreAvoir: action }))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("RegularisationsEnAttente", () => {
  it("lists each day with its reason and amount, then the credits and the avoir's button", () => {
    const texte = rendu([
      ligne("2026-11-12", "Absence justifiée", -415),
      ligne("2026-11-13", "Présence sans réservation", 515),
    ]);
    expect(texte).toContain(
      "jeu. 12 nov. 2026 — Louise ETCHART, Restauration — Menu Classique — Absence justifiée : -4,15 €",
    );
    expect(texte).toContain(
      "ven. 13 nov. 2026 — Louise ETCHART, Restauration — Menu Classique — Présence sans réservation : 5,15 €",
    );
    expect(texte).toContain("En faveur de la famille : 4,15 €");
    expect(texte).toContain("Émettre un avoir de régularisation");
  });

  it("without a credit, no avoir to issue; without a régularisation, says so", () => {
    expect(rendu([ligne("2026-11-13", "Présence sans réservation", 515)])).not.toContain("Émettre un avoir");
    expect(rendu([])).toContain("Aucune : chaque jour facturé l'a été pour ce qu'il coûte aujourd'hui.");
  });
});
