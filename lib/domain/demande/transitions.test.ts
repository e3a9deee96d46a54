import { describe, expect, it } from "vitest";
import {
  refusTransition,
  STATUTS,
  TRANSITION_NAMES,
  TRANSITIONS,
  type Transition,
} from "@/lib/domain/demande/transitions";
import type { Acteur } from "@/lib/generated/prisma/enums";

// The life of a demande as the issue states it, written out by hand (not derived from the table it checks):
// "état de départ › transition › acteur".
const PERMIS = new Set([
  "BROUILLON › deposer › USAGER",
  "A_COMPLETER › redeposer › USAGER",
  "DEPOSEE › annuler › USAGER",
  "DEPOSEE › instruire › AGENT",
  "DEPOSEE › demanderComplement › AGENT",
  "EN_INSTRUCTION › demanderComplement › AGENT",
  "DEPOSEE › accepter › AGENT",
  "EN_INSTRUCTION › accepter › AGENT",
  "DEPOSEE › refuser › AGENT",
  "EN_INSTRUCTION › refuser › AGENT",
  "A_COMPLETER › refuser › AGENT",
  "A_COMPLETER › classer › SYSTEME",
  "DEPOSEE › expirer › SYSTEME",
  "EN_INSTRUCTION › expirer › SYSTEME",
  "A_COMPLETER › expirer › SYSTEME",
  "DEPOSEE › annulerAvecFamille › SYSTEME",
  "EN_INSTRUCTION › annulerAvecFamille › SYSTEME",
  "A_COMPLETER › annulerAvecFamille › SYSTEME",
]);
const ACTEURS: Acteur[] = ["USAGER", "AGENT", "SYSTEME"];

describe("the transition table", () => {
  const triples = STATUTS.flatMap((statut) =>
    TRANSITION_NAMES.flatMap((transition) => ACTEURS.map((acteur) => ({ statut, transition, acteur }))),
  );

  it("covers 7 states × 10 transitions × 3 actors", () => {
    expect(triples).toHaveLength(7 * 10 * 3);
  });

  it.each(triples)("$statut › $transition › $acteur", ({ statut, transition, acteur }) => {
    const refus = refusTransition(statut, transition, acteur, "un motif");
    if (PERMIS.has(`${statut} › ${transition} › ${acteur}`)) {
      expect(refus).toBeNull();
    } else {
      expect(refus).not.toBeNull();
      expect(refus?.message).toMatch(/^(Action impossible|Vous ne pouvez pas)/);
    }
  });

  it("leads each transition to the state the issue names", () => {
    const vers = Object.fromEntries(TRANSITION_NAMES.map((t) => [t, TRANSITIONS[t].vers]));
    expect(vers).toEqual({
      deposer: "DEPOSEE",
      redeposer: "DEPOSEE",
      annuler: "ANNULEE",
      instruire: "EN_INSTRUCTION",
      demanderComplement: "A_COMPLETER",
      accepter: "ACCEPTEE",
      refuser: "REFUSEE",
      classer: "ANNULEE",
      expirer: "REFUSEE",
      annulerAvecFamille: "ANNULEE",
    });
  });

  it.each(["demanderComplement", "refuser", "classer", "expirer", "annulerAvecFamille"] as Transition[])(
    "%s requires a motif",
    (transition) => {
      const statut = TRANSITIONS[transition].de[0];
      const acteur = TRANSITIONS[transition].acteurs[0];
      expect(refusTransition(statut, transition, acteur, "  ")).toEqual({
        code: "motif",
        message: "Indiquez le motif.",
      });
      expect(refusTransition(statut, transition, acteur, null)?.code).toBe("motif");
    },
  );

  it("never leaves a final state", () => {
    for (const statut of ["ACCEPTEE", "REFUSEE", "ANNULEE"] as const) {
      for (const transition of TRANSITION_NAMES)
        for (const acteur of ACTEURS) expect(refusTransition(statut, transition, acteur, "x")).not.toBeNull();
    }
  });
});
