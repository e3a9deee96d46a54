// Issue 30, note: an uploaded justificatif kept a user-chosen .html name.
import { describe, expect, it } from "vitest";
import { nomAvecExtension } from "@/lib/storage/nom-fichier";
import { reponseFichierPrive } from "@/lib/storage/reponse";

describe("an uploaded justificatif keeps a user-chosen .html name", () => {
  it("takes the extension of the type read from the bytes", () => {
    expect(nomAvecExtension("justificatif.html", "application/pdf")).toBe("justificatif.pdf");
    expect(nomAvecExtension("scan.pdf.html", "application/pdf")).toBe("scan.pdf.pdf");
    expect(nomAvecExtension("livret", "image/png")).toBe("livret.png");
    expect(nomAvecExtension(".html", "image/jpeg")).toBe(".html.jpg");
    expect(nomAvecExtension("photo.svg", "image/heic")).toBe("photo.heic");
  });

  it("keeps a name that already has one of the type's extensions", () => {
    expect(nomAvecExtension("Livret de famille.PDF", "application/pdf")).toBe("Livret de famille.PDF");
    expect(nomAvecExtension("photo.jpeg", "image/jpeg")).toBe("photo.jpeg");
  });

  it("a file stored before the fix is served under the detected type's extension too", () => {
    const reponse = reponseFichierPrive({ bytes: new Uint8Array([1]), type: "application/pdf", nom: "piege.html" });
    expect(reponse.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''piege.pdf");
  });
});
