import { expect, it } from "vitest";
import { dateEnLettres, sourceDuQuotient } from "@/components/quotient/mots";

it("says a QF's source and the month the CAF or the MSA computed it for", () => {
  expect(sourceDuQuotient({ source: "CAF", annee: 2026, mois: 11 })).toBe("CAF, calculé pour novembre 2026");
  expect(sourceDuQuotient({ source: "MSA", annee: null, mois: null })).toBe("MSA");
  expect(sourceDuQuotient({ source: "AGENT", annee: null, mois: null })).toBe("saisi par le service Enfance");
});

it("writes a date in letters, the 1st as « 1er »", () => {
  expect(dateEnLettres(new Date("2026-12-01T00:00:00Z"))).toBe("1er décembre 2026");
  expect(dateEnLettres(new Date("2027-01-31T00:00:00Z"))).toBe("31 janvier 2027");
});
