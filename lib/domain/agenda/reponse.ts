// The answer of a calendar file: computed at each fetch (a booking changed a minute ago is in it), with an ETag
// so an app that polls gets 304 while nothing changed. Private: never kept by a shared cache.
import { createHash } from "node:crypto";
import { POLITIQUE_FICHIER } from "@/lib/storage/reponse";

export function reponseAgenda(
  request: Request,
  { texte, nomFichier, telechargement }: { texte: string; nomFichier: string; telechargement: boolean },
): Response {
  const etag = `"${createHash("sha256").update(texte).digest("base64url").slice(0, 27)}"`;
  const entetes = {
    ETag: etag,
    "Cache-Control": "private, no-cache",
    "Content-Security-Policy": POLITIQUE_FICHIER,
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: entetes });
  return new Response(texte, {
    headers: {
      ...entetes,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `${telechargement ? "attachment" : "inline"}; filename="${nomFichier}"`,
    },
  });
}
