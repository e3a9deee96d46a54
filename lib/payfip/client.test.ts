import { describe, expect, it } from "vitest";
import { objetPayfip, refdetPayfip, urlPagePaiement } from "@/lib/payfip/client";

describe("PayFiP's fields", () => {
  it("objet: letters, digits and spaces only, at most 100 characters", () => {
    expect(objetPayfip("Facture n° FA-2026-000012 — cantine d'Élise")).toBe("Facture n FA 2026 000012 cantine d Elise");
    expect(objetPayfip("é".repeat(150))).toHaveLength(100);
  });
  it("refdet: 6 to 30 letters and digits", () => {
    expect(refdetPayfip("FA-2026-000012")).toBe("FA2026000012");
    expect(refdetPayfip("A-1")).toBe("0000A1");
    expect(refdetPayfip("X".repeat(40))).toHaveLength(30);
  });
  it("the payment page carries the idop", () => {
    expect(urlPagePaiement({ url: "https://www.payfip.gouv.fr/", numcli: "123456", saisie: "W" }, "a-b")).toBe(
      "https://www.payfip.gouv.fr/tpa/paiementws.web?idop=a-b",
    );
  });
});
