// The wrapper's answers, through actionPublique (no caller to authorize): each message where the form shows it,
// what was typed kept, and never a password sent back.
import { log } from "@/lib/log";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { actionPublique } from "@/lib/action";
import { AppError, GENERIC_ERROR } from "@/lib/errors";

const schema = z.object({
  identifiant: z.string().min(3, "Indiquez votre identifiant."),
  motDePasse: z.string().min(1, "Indiquez votre mot de passe."),
});

const formulaire = (champs: Record<string, string>) => {
  const formData = new FormData();
  for (const [nom, valeur] of Object.entries(champs)) formData.set(nom, valeur);
  return formData;
};

const initial = { values: {}, errors: {} };

describe("lib/action.ts", () => {
  it("answers a form that does not parse with each message beside its field, the password left out", async () => {
    const action = actionPublique("essai", schema, async () => {
      throw new Error("jamais appelé");
    });
    expect(await action(initial, formulaire({ identifiant: "ab", motDePasse: "Secret-2026!" }))).toEqual({
      values: { identifiant: "ab" },
      errors: { identifiant: "Indiquez votre identifiant." },
      message: undefined,
    });
  });

  it("puts an AppError beside its field, or above the form, keeping what was typed but the password", async () => {
    const champ = actionPublique("essai", schema, async () => {
      throw new AppError("pris", "Cet identifiant est déjà pris.", "identifiant");
    });
    expect(await champ(initial, formulaire({ identifiant: "claire", motDePasse: "Secret-2026!" }))).toEqual({
      values: { identifiant: "claire" },
      errors: { identifiant: "Cet identifiant est déjà pris." },
    });
    const formulaireEntier = actionPublique("essai", schema, async () => {
      throw new AppError("bloque", "Trop d'essais.");
    });
    expect(await formulaireEntier(formulaire({ identifiant: "claire", motDePasse: "x" }))).toMatchObject({
      values: { identifiant: "claire" },
      message: "Trop d'essais.",
    });
  });

  it("answers any other error with the generic message and one log line naming the action, not the data", async () => {
    const erreur = vi.spyOn(log, "error").mockImplementation(() => {});
    const action = actionPublique("essaiEnPanne", schema, async () => {
      throw new TypeError("Secret-2026! dans le message");
    });
    expect(await action(initial, formulaire({ identifiant: "claire", motDePasse: "Secret-2026!" }))).toEqual({
      values: { identifiant: "claire" },
      errors: {},
      message: GENERIC_ERROR,
    });
    expect(erreur).toHaveBeenCalledTimes(1);
    expect(erreur.mock.calls[0]![0]).toEqual({
      evenement: "action.echec",
      action: "essaiEnPanne",
      erreur: "TypeError",
    });
    expect(JSON.stringify(erreur.mock.calls[0])).not.toContain("Secret-2026!");
    erreur.mockRestore();
  });

  it("hands the handler the parsed data, and passes back its message and what else the form shows", async () => {
    const action = actionPublique("essai", schema, async ({ data, values }) => ({
      message: `Bonjour ${data.identifiant}.`,
      extra: { codesSecours: ["AAAA-BBBB"], vus: Object.keys(values) },
    }));
    expect(await action(initial, formulaire({ identifiant: "claire", motDePasse: "Secret-2026!" }))).toEqual({
      codesSecours: ["AAAA-BBBB"],
      vus: ["identifiant"],
      values: {},
      errors: {},
      message: "Bonjour claire.",
      ok: true,
    });
  });
});
