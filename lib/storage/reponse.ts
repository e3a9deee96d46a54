// How the portal hands a stored file back: under its own name, with the type read from its bytes at upload,
// never run as a page of the portal (sandboxing CSP, nosniff). Private files are never cached.
import { nomAvecExtension } from "@/lib/storage/nom-fichier";

const INTROUVABLE_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/**
 * The one policy of every answer that is a file (issue 30): nothing in it runs, nothing is fetched but its own
 * images, no other site frames it, and the browser gives it an opaque origin (sandbox), so an HTML or SVG file,
 * or a PDF/HTML polyglot, reaches neither the portal's cookies nor its pages. proxy.ts puts it on every route handler's answer, inside
 * /api/ or not (the PDFs, the attestations, the CSV exports); inline styles and 'self' images let the browser's
 * own viewer show an image.
 */
export const POLITIQUE_FICHIER =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

/** The same 404 for a file that does not exist and for one the caller may not read. */
export function fichierIntrouvable(): Response {
  return new Response("Introuvable", { status: 404, headers: INTROUVABLE_HEADERS });
}

type Fichier = { bytes: Uint8Array; type: string; nom: string };

/** A family's piece or a message's attachment: shown in the browser (PDF, image), private, no-store. */
export function reponseFichierPrive({ bytes, type, nom }: Fichier): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(bytes.length),
      // (a name stored before issue 30 may end in .html: the type's extension, here too)
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(nomAvecExtension(nom, type))}`,
      "Content-Security-Policy": POLITIQUE_FICHIER,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
