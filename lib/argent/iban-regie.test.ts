import { describe, expect, it } from "vitest";
import { erreurBic, erreurIban, normaliserIban } from "@/lib/argent/iban";

describe("the régie's IBAN", () => {
  it("accepts a valid IBAN typed with spaces and in lower case", () => {
    expect(erreurIban("fr76 3000 1007 9412 3456 7890 185")).toBeNull();
    expect(normaliserIban("fr76 3000 1007 9412 3456 7890 185")).toBe("FR7630001007941234567890185");
    expect(erreurIban("DE89 3704 0044 0532 0130 00")).toBeNull();
  });

  it("refuses a wrong check digit, a French IBAN of the wrong length, and what is not an IBAN", () => {
    expect(erreurIban("FR76 3000 1007 9412 3456 7890 186")).toMatch(/clé de contrôle/);
    expect(erreurIban("FR77 3000 1007 9412 3456 7890 185")).toMatch(/clé de contrôle/);
    expect(erreurIban("FR76 3000 1007 9412 3456 7890 18")).toBe(
      "Un IBAN français compte 27 caractères : vous en avez saisi 26.",
    );
    expect(erreurIban("3000 1007 9412")).toMatch(/deux lettres et deux chiffres/);
    expect(erreurIban("FR76 3000 1007 9412 3456 7890 18€")).toMatch(/deux lettres et deux chiffres/);
  });
});

describe("the régie's BIC", () => {
  it("accepts 8 or 11 characters", () => {
    expect(erreurBic("BDFEFRPP")).toBeNull();
    expect(erreurBic("bdfe fr pp cct")).toBeNull();
  });

  it("refuses another length or a digit in the bank or country code", () => {
    expect(erreurBic("BDFEFRP")).toMatch(/8 ou 11 caractères/);
    expect(erreurBic("BDFEFRPPCC")).toMatch(/8 ou 11 caractères/);
    expect(erreurBic("BD1EFRPP")).toMatch(/8 ou 11 caractères/);
  });
});
