import { describe, expect, it } from "vitest";
import {
  ETATS_FENETRE,
  refusFenetre,
  TRANSITIONS_FENETRE,
  TRANSITIONS_FENETRE_NOMS,
} from "@/lib/domain/fenetre/transitions";
import type { Acteur } from "@/lib/generated/prisma/enums";

// A window's life as the issue states it, written out by hand: "état › transition › acteur".
const PERMIS = new Set([
  "NOUVELLE › creer › AGENT",
  "COLLECTE › attribuer › SYSTEME",
  "COLLECTE › attribuer › AGENT",
  "COLLECTE › annuler › AGENT",
]);
const ACTEURS: Acteur[] = ["USAGER", "AGENT", "SYSTEME"];

describe("the booking windows' transition table", () => {
  const triples = ETATS_FENETRE.flatMap((etat) =>
    TRANSITIONS_FENETRE_NOMS.flatMap((transition) => ACTEURS.map((acteur) => ({ etat, transition, acteur }))),
  );

  it("covers 4 starting states × 3 transitions × 3 actors", () => {
    expect(triples).toHaveLength(4 * 3 * 3);
  });

  it.each(triples)("$etat › $transition › $acteur", ({ etat, transition, acteur }) => {
    const refus = refusFenetre(etat, transition, acteur, "motif");
    if (PERMIS.has(`${etat} › ${transition} › ${acteur}`)) expect(refus).toBeNull();
    else expect(refus).toMatch(/^(Action impossible : cette période est « .+ »\.|Vous ne pouvez pas)/);
  });

  it("asks a motif to cancel, and leads each transition where the issue says", () => {
    expect(refusFenetre("COLLECTE", "annuler", "AGENT", " ")).toBe("Indiquez le motif.");
    expect(Object.fromEntries(TRANSITIONS_FENETRE_NOMS.map((t) => [t, TRANSITIONS_FENETRE[t].vers]))).toEqual({
      creer: "COLLECTE",
      attribuer: "ATTRIBUEE",
      annuler: "ANNULEE",
    });
  });
});
