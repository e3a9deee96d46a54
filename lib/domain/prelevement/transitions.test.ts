import { describe, expect, it } from "vitest";
import { refusMandat, STATUTS_MANDAT, transitionVers, type ActeurMandat } from "@/lib/domain/prelevement/transitions";
import type { StatutMandat } from "@/lib/generated/prisma/enums";

// The whole table, written out: (from, to) → who may. Anything missing here is refused to everyone.
const PERMIS: Record<string, ActeurMandat[]> = {
  "ACTIF→REVOQUE": ["USAGER", "ADMIN"],
  "SUSPENDU→REVOQUE": ["USAGER", "ADMIN"],
  "ACTIF→CADUC": ["SYSTEME"],
  "ACTIF→SUSPENDU": ["SYSTEME", "ADMIN"],
  "SUSPENDU→ACTIF": ["ADMIN", "USAGER"],
};
const ACTEURS: ActeurMandat[] = ["USAGER", "ADMIN", "SYSTEME"];

describe("a mandate's life", () => {
  const triples = STATUTS_MANDAT.flatMap((de) =>
    STATUTS_MANDAT.flatMap((vers) => ACTEURS.map((acteur) => [de, vers, acteur] as const)),
  );

  it.each(triples)("%s → %s by %s follows the table", (de, vers, acteur) => {
    const permis = PERMIS[`${de}→${vers}`];
    const refus = refusMandat(de as StatutMandat, vers as StatutMandat, acteur, "motif");
    if (!permis) expect(refus?.code).toBe("etat");
    else if (!permis.includes(acteur)) expect(refus?.code).toBe("acteur");
    else expect(refus).toBeNull();
  });

  it("revoked and lapsed mandates are final: nothing leaves them", () => {
    for (const vers of STATUTS_MANDAT) {
      expect(transitionVers("REVOQUE", vers)).toBeNull();
      expect(transitionVers("CADUC", vers)).toBeNull();
    }
  });

  it("a change without a motif is refused, and a refusal names the state in French", () => {
    expect(refusMandat("ACTIF", "REVOQUE", "USAGER", "  ")?.message).toBe("Indiquez le motif.");
    expect(refusMandat("REVOQUE", "ACTIF", "ADMIN", "x")?.message).toBe(
      "Action impossible : ce mandat est « révoqué ».",
    );
  });
});
