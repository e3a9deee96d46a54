import { describe, expect, it } from "vitest";
import { sansPointFinal } from "./point-final";

describe("a name put inside a sentence loses its final dot", () => {
  it.each([
    ["Inscription à la restauration (école publique).", "Inscription à la restauration (école publique)"],
    ["Inscription à l'accueil périscolaire. ", "Inscription à l'accueil périscolaire"],
    ["Restauration scolaire", "Restauration scolaire"],
    ["Ajout de famille", "Ajout de famille"],
    ["En attente…", "En attente…"],
    ["Et cætera...", "Et cætera..."],
    ["", ""],
  ])("%j → %j", (nom, attendu) => {
    expect(sansPointFinal(nom)).toBe(attendu);
  });
});
