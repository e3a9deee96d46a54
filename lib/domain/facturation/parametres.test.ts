import { describe, expect, it } from "vitest";
import { parametresSchema } from "@/lib/domain/facturation/parametres";

const saisie = {
  regie: "Régie enfance",
  delaiPaiementJours: "30",
  seuilReport: "15",
  modesPaiement: "Par chèque ou par virement.",
  iban: "fr76 3000 1007 9412 3456 7890 185",
  bic: "bdfefrpp",
  seuilAlerte: "300",
};

const erreurs = (donnees: Record<string, string>) => {
  const r = parametresSchema.safeParse(donnees);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the billing settings form", () => {
  it("keeps the IBAN and BIC as printed on invoices, without spaces, in capitals", () => {
    expect(parametresSchema.parse(saisie)).toMatchObject({ iban: "FR7630001007941234567890185", bic: "BDFEFRPP" });
    expect(parametresSchema.parse({ ...saisie, iban: "", bic: "" })).toMatchObject({ iban: "", bic: "" });
  });

  it("puts a French message beside each field typed wrong", () => {
    expect(
      erreurs({ ...saisie, iban: "FR76 3000 1007 9412 3456 7890 186", bic: "BDF", seuilAlerte: "beaucoup" }),
    ).toEqual({
      // the portal's one IBAN rule (lib/argent/iban.ts) words it
      iban: expect.stringMatching(/clé de contrôle/),
      bic: "Un BIC compte 8 ou 11 caractères, par exemple BDFEFRPPCCT.",
      seuilAlerte: "Indiquez un montant en euros, par exemple 300.",
    });
  });
});
