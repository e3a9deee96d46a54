// A PDF the agents will be able to open: file-type only reads the first bytes (%PDF-), so a truncated file
// or a renamed text starting with them would pass. We ask for the structure a reader needs (objects and the
// end-of-file marker) and refuse encrypted ones, which the agents could not read without the password.
const TEXTE = new TextDecoder("latin1");

export function pdfLisible(bytes: Uint8Array): boolean {
  const texte = TEXTE.decode(bytes);
  if (!/^%PDF-[12]\.\d/.test(texte)) return false;
  if (!/%%EOF\s*$/.test(texte.slice(-2048))) return false;
  if (!/\d+\s+\d+\s+obj\b/.test(texte)) return false;
  return !/\/Encrypt\b/.test(texte);
}
