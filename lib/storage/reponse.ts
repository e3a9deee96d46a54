// How the portal hands a stored file back: under its own name, with the type read from its bytes at upload,
// never run as a page of the portal (sandboxing CSP, nosniff). Private files are never cached.
const INTROUVABLE_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

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
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(nom)}`,
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
