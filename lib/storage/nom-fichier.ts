// A stored file's name ends with the extension of the type read from its bytes (issue 30): a PDF/HTML polyglot
// named « scan.html » is kept and served as « scan.pdf », so no browser, viewer or agent's computer saved it to
// later opens it as a page. The file's type is judged by its bytes (upload-check.ts); its name follows.

/** The extensions each accepted type may keep (the first one is given when the name has none of them). */
const EXTENSIONS: Record<string, string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "image/heic": ["heic"],
};

/** The name with the detected type's extension: kept when it has one of it, replaced or added otherwise. */
export function nomAvecExtension(nom: string, mime: string): string {
  const permises = EXTENSIONS[mime];
  if (!permises) return nom;
  const point = nom.lastIndexOf(".");
  const extension = point > 0 ? nom.slice(point + 1).toLowerCase() : "";
  if (permises.includes(extension)) return nom;
  const base = point > 0 ? nom.slice(0, point) : nom;
  return `${base || "document"}.${permises[0]}`;
}
