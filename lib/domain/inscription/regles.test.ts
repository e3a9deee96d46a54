// The deposit rule of an inscription: nothing goes to step 2 (or is deposited) before every statement of
// the attestation sur l'honneur is checked and every required piece attached.
import { describe, expect, it } from "vitest";
import {
  ATTESTATIONS,
  donneesSchema,
  estComplete,
  manquesInscription,
  MESSAGE_ATTESTATION,
  messageManques,
  PERMISSIONS,
  unitesChoisies,
} from "./regles";

const complete = donneesSchema.parse({
  enfantId: "e",
  activiteId: 1,
  anneeId: 1,
  piecesRequises: ["JUSTIFICATIF_DOMICILE", "LIVRET_FAMILLE"],
  lieuId: 1,
  groupeId: 2,
  uniteId: 3,
  uniteRequise: true,
  permissions: Object.fromEntries(Object.keys(PERMISSIONS).map((cle) => [cle, "INTERDIT"])),
  contacts: ["c"],
  habilitations: { c: "AUTORISE" },
  attestations: Object.keys(ATTESTATIONS),
  pieces: { JUSTIFICATIF_DOMICILE: "p1", LIVRET_FAMILLE: "p2" },
});

describe("manquesInscription", () => {
  it("lets a complete inscription through", () => {
    expect(estComplete(manquesInscription(complete))).toBe(true);
  });

  it("refuses with the seed's message while one statement of the attestation is unchecked", () => {
    const manques = manquesInscription({
      ...complete,
      attestations: Object.keys(ATTESTATIONS).filter((cle) => cle !== "reglement"),
    });
    expect(manques.attestation).toBe(true);
    expect(estComplete(manques)).toBe(false);
    expect(messageManques(manques)).toBe(MESSAGE_ATTESTATION);
  });

  it("lists each required piece not attached, by its seed label; optional ones are not asked", () => {
    const manques = manquesInscription({ ...complete, pieces: { JUSTIFICATIF_DOMICILE: "p1", ATTESTATION_CAF: "p3" } });
    expect(manques.attestation).toBe(false);
    expect(manques.pieces).toEqual(["Livret de famille."]);
    expect(messageManques(manques)).toBe("Pièces à fournir avant d'aller à l'étape 2 : Livret de famille.");
  });

  it("asks for every permission and habilitation answer, the lieu, the groupe, the unit and the P.A.I.'s object when asked", () => {
    const manques = manquesInscription({
      ...complete,
      lieuId: null,
      groupeId: null,
      uniteId: null,
      permissions: { sortirSeul: "AUTORISE" },
      habilitations: {},
      pai: true,
      paiObjetChiffre: null,
    });
    expect(Object.keys(manques.champs).sort()).toEqual(
      [
        "lieu",
        "groupe",
        "unite",
        "permission-imagePresse",
        "permission-filmer",
        "permission-imageSupports",
        "permission-soinsUrgence",
        "habilitation-c",
        "paiObjet",
      ].sort(),
    );
    expect(manquesInscription({ ...complete, uniteRequise: false, uniteId: null }).champs).toEqual({});
  });

  it("takes several units (garderie Matin and Soir), or the single one of a draft made before; none is missing", () => {
    expect(unitesChoisies({ uniteId: 3, unitesIds: [3, 4] })).toEqual([3, 4]);
    expect(unitesChoisies({ uniteId: 3, unitesIds: [] })).toEqual([3]);
    expect(unitesChoisies({ uniteId: null, unitesIds: [] })).toEqual([]);
    expect(manquesInscription({ ...complete, uniteId: 3, unitesIds: [3, 4] }).champs).toEqual({});
    expect(manquesInscription({ ...complete, uniteId: null, unitesIds: [] }).champs).toEqual({
      unite: "Choisissez une unité.",
    });
  });
});
