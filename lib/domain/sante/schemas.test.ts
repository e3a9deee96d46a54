import { describe, expect, it } from "vitest";
import {
  ALLERGENES,
  champAllergie,
  champHabitude,
  champsSante,
  libellesAllergies,
  lireFiche,
  valeursDeFiche,
} from "@/lib/domain/sante/schemas";
import { champTraitement, champVaccin, SUIVI_VIDE } from "@/lib/domain/sante/suivi";

describe("the dossier santé's form", () => {
  it("lists the 14 allergens of EU regulation 1169/2011, then Autre", () => {
    expect(Object.keys(ALLERGENES)).toHaveLength(15);
    expect(Object.values(ALLERGENES)).toContain("Anhydride sulfureux et sulfites");
    expect(Object.keys(ALLERGENES).at(-1)).toBe("AUTRE");
  });

  it("reads a complete form and gives it back for the next update", () => {
    const values = {
      medecinNom: " Dr Amaia ETCHEVERRY ",
      medecinCommune: "Villefranque",
      medecinTelephone: "05 59 44 01 01",
      [champHabitude("SANS_PORC")]: "on",
      [champAllergie("ARACHIDES")]: "on",
      [champAllergie("AUTRE")]: "on",
      allergieAutre: "Kiwi",
      commentaire: "Asthme léger",
      pai: "on",
    };
    const lecture = lireFiche(values);
    expect(lecture.ok).toBe(true);
    if (!lecture.ok) return;
    expect(lecture.fiche).toEqual({
      medecin: { nom: "Dr Amaia ETCHEVERRY", commune: "Villefranque", telephone: "0559440101" },
      habitudes: ["SANS_PORC"],
      habitudeAutre: null,
      allergies: ["ARACHIDES", "AUTRE"],
      allergieAutre: "Kiwi",
      commentaire: "Asthme léger",
      pai: true,
      ...SUIVI_VIDE,
    });
    expect(libellesAllergies(lecture.fiche)).toEqual(["Arachides", "Autre : Kiwi"]);
    expect(lireFiche(valeursDeFiche(lecture.fiche))).toEqual(lecture);
  });

  it("accepts an empty form (nothing known yet)", () => {
    expect(lireFiche({})).toEqual({
      ok: true,
      fiche: {
        medecin: null,
        habitudes: [],
        habitudeAutre: null,
        allergies: [],
        allergieAutre: null,
        commentaire: null,
        pai: false,
        ...SUIVI_VIDE,
      },
    });
  });

  it("names each field to correct, without quoting what was typed", () => {
    const lecture = lireFiche({
      medecinCommune: "Bayonne",
      medecinTelephone: "123",
      [champHabitude("AUTRE")]: "on",
      [champHabitude("SANS_VIANDE")]: "on",
      [champHabitude("VEGETARIEN")]: "on",
      [champAllergie("AUTRE")]: "on",
      commentaire: "x".repeat(2001),
    });
    expect(lecture.ok).toBe(false);
    if (lecture.ok) return;
    expect(Object.keys(lecture.errors).sort()).toEqual([
      "allergieAutre",
      "commentaire",
      "habitudeAutre",
      "habitude_VEGETARIEN",
      "medecinNom",
      "medecinTelephone",
    ]);
    expect(Object.values(lecture.errors).join(" ")).not.toMatch(/Bayonne|123/);
  });

  it("keeps only the form's own fields", () => {
    expect(
      champsSante({
        medecinNom: "Dr X",
        intent: "etape2",
        rechercheMedecin: "dufau",
        [champAllergie("LAIT")]: "on",
        pai: 1,
      }),
    ).toEqual({ medecinNom: "Dr X", allergie_LAIT: "on" });
  });

  it("reads the vaccinations, the treatments and gives them back; refuses a future injection and a half row", () => {
    const values = {
      [champVaccin("DT_POLIO")]: "2024-09-10",
      [champVaccin("ROR")]: "2021-03-01",
      vaccinAutre: "Fièvre jaune",
      vaccinAutreDate: "2025-06-01",
      [champTraitement(1, "medicament")]: "Ventoline",
      [champTraitement(1, "posologie")]: "2 bouffées si crise",
      [champTraitement(2, "medicament")]: "Amoxicilline",
      [champTraitement(2, "posologie")]: "1 dose matin et soir",
      [champTraitement(2, "jusquau")]: "2026-12-20",
    };
    const lecture = lireFiche(values, "2026-12-07");
    expect(lecture.ok).toBe(true);
    if (!lecture.ok) return;
    expect(lecture.fiche.vaccins).toEqual([
      { code: "DT_POLIO", date: "2024-09-10" },
      { code: "ROR", date: "2021-03-01" },
    ]);
    expect(lecture.fiche.vaccinAutre).toEqual({ nom: "Fièvre jaune", date: "2025-06-01" });
    expect(lecture.fiche.traitements).toEqual([
      { medicament: "Ventoline", posologie: "2 bouffées si crise", jusquau: null },
      { medicament: "Amoxicilline", posologie: "1 dose matin et soir", jusquau: "2026-12-20" },
    ]);
    expect(lireFiche(valeursDeFiche(lecture.fiche), "2026-12-07")).toEqual(lecture);

    const erreurs = lireFiche(
      {
        [champVaccin("DT_POLIO")]: "2027-01-01",
        [champVaccin("BCG")]: "2026-02-30",
        vaccinAutreDate: "2020-01-01",
        [champTraitement(1, "posologie")]: "1 comprimé",
      },
      "2026-12-07",
    );
    expect(erreurs.ok).toBe(false);
    if (erreurs.ok) return;
    expect(Object.keys(erreurs.errors).sort()).toEqual(
      [champVaccin("BCG"), champVaccin("DT_POLIO"), champTraitement(1, "medicament"), "vaccinAutre"].sort(),
    );
    expect(Object.values(erreurs.errors).join(" ")).not.toMatch(/2027|comprimé/);
  });
});
