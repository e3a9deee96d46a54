import { describe, expect, it } from "vitest";
import { decoderAnnee, encoderAnnee, type CaseJour, type EtatCase } from "@/lib/domain/reservation/annee-compacte";

const ETATS: EtatCase[] = [
  "RESERVEE",
  "ATTENTE",
  "A_VALIDER",
  "REFUSEE",
  "LIBRE",
  "AUTRE_FOYER",
  "ABSENCE_SIGNALEE",
  "ABSENCE_JUSTIFIEE",
  "ABSENCE_INJUSTIFIEE",
  "NON_ASSURE",
];

describe("the year's open days in the compact text of the month view", () => {
  it("reads back every state, unit and lock as written, in the days' order", () => {
    const jours = ETATS.map((etat, i): { jour: string; cases: CaseJour[] } => ({
      jour: `2026-09-${String(i + 1).padStart(2, "0")}`,
      cases: [
        { uniteId: 3, etat, modifiable: i % 2 === 0 },
        { uniteId: 124, etat: "LIBRE", modifiable: true },
      ],
    }));
    const texte = encoderAnnee(jours);
    expect(texte.startsWith("2026-09-01:3R1,124L1;2026-09-02:3W0,124L1;")).toBe(true);
    const lu = decoderAnnee(texte);
    expect([...lu.keys()]).toEqual(jours.map((j) => j.jour));
    expect([...lu].map(([jour, cases]) => ({ jour, cases }))).toEqual(jours);
  });

  it("is empty for a year without an open day", () => {
    expect(encoderAnnee([])).toBe("");
    expect(decoderAnnee("").size).toBe(0);
  });
});
