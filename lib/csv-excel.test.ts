import { describe, expect, it } from "vitest";
import { celluleCsv, csvExcel } from "@/lib/csv-excel";

describe("CSV pour Excel", () => {
  it("commence par le BOM UTF-8, sépare par des points-virgules et finit chaque ligne par CRLF", () => {
    const csv = csvExcel(["Nom", "Ville"], [["Éloi", "Villefranque"]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("Nom;Ville\r\nÉloi;Villefranque\r\n");
  });

  it("écrit une date en JJ/MM/AAAA à Paris, même tard le soir en UTC", () => {
    expect(celluleCsv(new Date("2026-09-01T22:30:00Z"))).toBe("02/09/2026");
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+33 6 12", "'+33 6 12"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["-1,50", "-1,50"],
    ["-2", "-2"],
    ["@SOMME(A1)", "'@SOMME(A1)"],
    ["\t=cmd", "'\t=cmd"],
    ["Claire", "Claire"],
  ])("neutralise %j", (brut, attendu) => {
    expect(celluleCsv(brut)).toBe(attendu);
  });

  it("met entre guillemets une cellule qui contient ; ou un guillemet", () => {
    expect(csvExcel(["a"], [['Dupont; "Jean"']]).slice(1)).toBe('a\r\n"Dupont; ""Jean"""\r\n');
  });
});
