import { describe, expect, it } from "vitest";
import { erreurIcs } from "@/lib/domain/prelevement/parametres-ics";
import { datePrevue, premierJourDePrelevement } from "@/lib/domain/prelevement/prevoir";
import { montantSepa, pain008, texteSepa } from "@/lib/domain/prelevement/pain008";
import { lireCsvRejets } from "@/lib/domain/prelevement/rejet-import";

describe("ICS", () => {
  it("accepts a French ICS whose check digits match, and says why one is refused", () => {
    expect(erreurIcs("FR72ZZZ123456")).toBeNull();
    expect(erreurIcs("fr72 zzz 123456")).toBeNull();
    expect(erreurIcs("FR73ZZZ123456")).toContain("chiffres de contrôle");
    expect(erreurIcs("FR72ZZZ12345")).toContain("13 caractères");
    expect(erreurIcs("123")).toContain("commence par le pays");
  });
});

describe("the debit's date", () => {
  it("is the settings' day on or after the notice", () => {
    expect(premierJourDePrelevement("2026-11-10", 10)).toBe("2026-11-10");
    expect(premierJourDePrelevement("2026-11-11", 10)).toBe("2026-12-10");
    expect(premierJourDePrelevement("2026-12-20", 5)).toBe("2027-01-05");
    expect(datePrevue("2026-12-01", { jourPrelevement: 10, delaiPrenotificationJours: 14 })).toBe("2027-01-10");
  });
});

describe("pain.008 text", () => {
  it("keeps to the SEPA character set and writes cents as euros", () => {
    expect(texteSepa("Éloïse & Œdipe <Garçon> n°3 « ok »", 70)).toBe("Eloise + OEdipe Garcon n 3 ok");
    expect(texteSepa("ÆØ", 70)).toBe("AE");
    expect(texteSepa("€€€", 70)).toBe("NOTPROVIDED");
    expect(texteSepa("a".repeat(80), 70)).toHaveLength(70);
    expect([montantSepa(4845), montantSepa(5), montantSepa(120_000)]).toEqual(["48.45", "0.05", "1200.00"]);
  });

  it("groups debits by sequence and date, with their count and exact sums", () => {
    const debit = (endToEndId: string, montantCentimes: number, sequence: string, datePrelevement: string) => ({
      endToEndId,
      montantCentimes,
      sequence,
      datePrelevement,
      rum: "RUM-1",
      signeLe: "2026-10-01",
      amendement: null,
      bic: null,
      titulaire: "Léa",
      iban: "FR7630001007941234567890185",
      libelle: "Facture FA-2026-000001",
    });
    const xml = pain008({
      msgId: "PRLV2026120100000000AAAA",
      creeLe: new Date("2026-12-01T09:00:00Z"),
      creancier: { nom: "Commune", ics: "FR72ZZZ123456", iban: "FR7630001007941234567890185", bic: "BDFEFRPPCCT" },
      debits: [
        debit("A", 1, "RCUR", "2026-12-10"),
        debit("B", 10, "FRST", "2026-12-10"),
        debit("C", 100, "RCUR", "2026-12-10"),
      ],
    });
    expect(xml.match(/<PmtInf>/g)).toHaveLength(2);
    expect(xml).toContain("<NbOfTxs>3</NbOfTxs><CtrlSum>1.11</CtrlSum>");
    expect(xml).toContain("<NbOfTxs>2</NbOfTxs><CtrlSum>1.01</CtrlSum>");
    expect(xml).toContain("<Othr><Id>NOTPROVIDED</Id></Othr>");
    expect(xml).toContain("<Nm>Lea</Nm>");
  });
});

describe("the bank's CSV of rejects", () => {
  it("skips a header and blank lines, reads dates both ways, lists bad lines by number", () => {
    const { lignes, erreurs } = lireCsvRejets(
      "RUM;Code;Date\nRUM-1;am04;12/06/2027\n\n;AM04\nRUM-2,MS02,2027-06-13\nRUM-3;X\n",
    );
    expect(lignes).toEqual([
      { ligne: 2, reference: "RUM-1", code: "AM04", date: "2027-06-12" },
      { ligne: 5, reference: "RUM-2", code: "MS02", date: "2027-06-13" },
    ]);
    expect(erreurs.map((e) => e.ligne)).toEqual([4, 6]);
  });
});
