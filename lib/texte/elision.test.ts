import { describe, expect, it } from "vitest";
import { commenceParUneVoyelle, de, elision } from "./elision";

describe("French elision", () => {
  it.each([
    ["octobre", "d'octobre"],
    ["avril", "d'avril"],
    ["août", "d'août"],
    ["septembre", "de septembre"],
    ["Ane", "d'Ane"],
    ["Éloi", "d'Éloi"],
    ["Henri", "de Henri"],
    ["Hugo", "d'Hugo"],
    ["Hélène", "d'Hélène"],
    ["Hugues", "de Hugues"],
    ["Louise", "de Louise"],
    ["Yves", "d'Yves"],
    ["Inscription à la restauration", "d'Inscription à la restauration"],
    ["huit jours", "de huit jours"],
    ["onze heures", "de onze heures"],
    ["Œdipe", "d'Œdipe"],
    ["12 octobre", "de 12 octobre"],
  ])("de + %s → %s", (mot, attendu) => {
    expect(de(mot)).toBe(attendu);
  });

  it.each([
    ["le", "enfant", "l'enfant"],
    ["le", "hibou", "le hibou"],
    ["la", "inscription", "l'inscription"],
    ["la", "garderie", "la garderie"],
    ["que", "Ane", "qu'Ane"],
    ["le", "8 octobre", "le 8 octobre"],
  ] as const)("%s + %s → %s", (particule, mot, attendu) => {
    expect(elision(particule, mot)).toBe(attendu);
  });

  it("reads the first word only, without quotes", () => {
    expect(commenceParUneVoyelle("« Accueil du soir »")).toBe(true);
    expect(commenceParUneVoyelle("Henri-Louis")).toBe(false);
    expect(commenceParUneVoyelle("")).toBe(false);
  });
});
