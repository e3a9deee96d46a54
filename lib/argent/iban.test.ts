import { describe, expect, it } from "vitest";
import { erreurIban, finIban, ibanEnClair, ibanMasque, normaliserIban } from "@/lib/argent/iban";

describe("an IBAN, one rule for the régie's account and a mandate's", () => {
  it.each([
    ["FR76 3000 6000 0112 3456 7890 189", "France, typed in groups"],
    ["fr7630006000011234567890189", "France, lower case"],
    ["FR76-3000-6000-0112-3456-7890-189", "France, with dashes"],
    ["DE89 3704 0044 0532 0130 00", "Germany"],
    ["BE68 5390 0754 7034", "Belgium"],
    ["ES91 2100 0418 4502 0005 1332", "Spain"],
    ["IT60 X054 2811 1010 0000 0123 456", "Italy"],
    ["LU28 0019 4006 4475 0000", "Luxembourg"],
    ["NL91 ABNA 0417 1643 00", "Netherlands"],
    ["CH93 0076 2011 6238 5295 7", "Switzerland"],
    ["GB29 NWBK 6016 1331 9268 19", "United Kingdom"],
    ["PT50 0002 0123 1234 5678 9015 4", "Portugal"],
    ["MC58 1122 2000 0101 2345 6789 030", "Monaco"],
  ])("accepts %s (%s)", (saisie) => {
    expect(erreurIban(saisie)).toBeNull();
  });

  it.each([
    ["", "Saisissez l'IBAN."],
    ["3000 6000 0112", /commence par deux lettres et deux chiffres/],
    ["FR76 3000 6000 0112 3456 7890 18€", /commence par deux lettres et deux chiffres/],
    ["US12 3456 7890 1234 5678 90", "Ce pays n'est pas dans la zone SEPA."],
    ["TR33 0006 1005 1978 6457 8413 26", "Ce pays n'est pas dans la zone SEPA."],
    ["FR76 3000 6000 0112 3456 7890 18", "Un IBAN français compte 27 caractères : vous en avez saisi 26."],
    ["DE89 3704 0044 0532 0130 000", "Un IBAN allemand compte 22 caractères : vous en avez saisi 23."],
    ["BE68 5390 0754 703", "Un IBAN belge compte 16 caractères : vous en avez saisi 15."],
    ["FR76 3000 6000 0112 3456 7890 188", "La clé de contrôle ne correspond pas : vérifiez chaque caractère."],
    ["FR67 3000 6000 0112 3456 7890 189", "La clé de contrôle ne correspond pas : vérifiez chaque caractère."],
    ["DE89 3704 0044 0532 0130 01", "La clé de contrôle ne correspond pas : vérifiez chaque caractère."],
  ])("refuses %j, saying what is wrong", (saisie, attendu) => {
    if (typeof attendu === "string") expect(erreurIban(saisie)).toBe(attendu);
    else expect(erreurIban(saisie)).toMatch(attendu);
  });

  it("prints it in groups of four, keeps its last 4 characters, and masks it for a mail", () => {
    expect(normaliserIban(" fr76 3000 6000 0112 3456 7890 189 ")).toBe("FR7630006000011234567890189");
    expect(ibanEnClair("FR7630006000011234567890189")).toBe("FR76 3000 6000 0112 3456 7890 189");
    expect(finIban("FR76 3000 6000 0112 3456 7890 189")).toBe("0189");
    expect(ibanMasque("FR76 3000 6000 0112 3456 7890 189")).toBe("FR76 **** … 0189");
  });
});
