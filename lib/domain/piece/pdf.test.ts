import { describe, expect, it } from "vitest";
import { pdfLisible } from "./pdf";

const enc = (s: string) => new TextEncoder().encode(s);
const PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

describe("pdfLisible", () => {
  it("accepts a PDF with objects and its end marker", () => expect(pdfLisible(enc(PDF))).toBe(true));
  it("refuses a truncated PDF", () => expect(pdfLisible(enc(PDF.slice(0, 40)))).toBe(false));
  it("refuses a text that only starts like a PDF", () =>
    expect(pdfLisible(enc("%PDF-1.4 ceci n'est pas un PDF\n%%EOF"))).toBe(false));
  it("refuses an encrypted PDF", () =>
    expect(pdfLisible(enc(PDF.replace("<< /Root 1 0 R >>", "<< /Root 1 0 R /Encrypt 2 0 R >>")))).toBe(false));
});
