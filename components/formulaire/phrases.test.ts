import { describe, expect, it } from "vitest";
import { champsEnErreur, numeroReponse, phraseErreurs, premierChampEnErreur } from "@/components/formulaire/phrases";

describe("the forms' error summary", () => {
  it("says how many fields are to be corrected, in the singular for one, and nothing for none", () => {
    expect(phraseErreurs(0)).toBeNull();
    expect(phraseErreurs(1)).toBe("Un champ est à corriger.");
    expect(phraseErreurs(2)).toBe("2 champs sont à corriger.");
    expect(phraseErreurs(12)).toBe("12 champs sont à corriger.");
  });

  it("does not count the whole form's message as a field", () => {
    expect(champsEnErreur({ _form: "Refusé.", nom: "Indiquez le nom.", du: "Date invalide." })).toEqual(["nom", "du"]);
  });

  it("focuses the first field in error in the form's order, not in the server's", () => {
    const errors = { au: "La fin suit le début.", motif: "Indiquez le motif.", du: "Date invalide." };
    expect(premierChampEnErreur(errors, ["enfant", "du", "au", "motif"])).toBe("du");
  });

  it("falls back on the server's first field when the form shows none of them, and on nothing without errors", () => {
    expect(premierChampEnErreur({ _form: "Refusé.", fichier: "Trop lourd." }, ["nom"])).toBe("fichier");
    expect(premierChampEnErreur({ _form: "Refusé." }, ["nom"])).toBeUndefined();
    expect(premierChampEnErreur({}, ["nom"])).toBeUndefined();
  });

  it("numbers each answer once, so the same answer rendered again keeps its number", () => {
    const premiere = { values: {}, errors: {} };
    const seconde = { values: {}, errors: {} };
    expect(numeroReponse(premiere)).toBe(numeroReponse(premiere));
    expect(numeroReponse(seconde)).toBeGreaterThan(numeroReponse(premiere));
  });
});
