// The text a PDF of ours draws, for tests to read what a parent reads: pdf-lib writes each drawText as a hex
// string (WinAnsi) shown with Tj in the page's content streams, which are Flate-compressed. One string per
// drawn line, in page order.
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";

// WinAnsi is Latin-1 but for 0x80–0x9F, where our texts use a few signs
const WIN_ANSI_80: Record<number, string> = { 0x80: "€", 0x85: "…", 0x92: "’", 0x96: "–", 0x97: "—", 0x9c: "œ" };
const winAnsi = (octets: Buffer) => [...octets].map((o) => WIN_ANSI_80[o] ?? String.fromCharCode(o)).join("");

export async function texteDuPdf(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const lignes: string[] = [];
  for (const page of doc.getPages()) {
    const contenus = page.node.get(PDFName.of("Contents"));
    const refs = contenus instanceof PDFArray ? contenus.asArray() : [contenus];
    for (const ref of refs) {
      const flux = doc.context.lookup(ref);
      if (!(flux instanceof PDFRawStream)) continue;
      const texte = Buffer.from(decodePDFRawStream(flux).decode()).toString("latin1");
      for (const m of texte.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        lignes.push(winAnsi(Buffer.from(m[1]!, "hex")));
      }
    }
  }
  return lignes;
}
