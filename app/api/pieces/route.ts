// The pieces of the family, for the parent's uploads (a route rather than a server action: the browser
// reports the upload's progress, and a 10 Mo file is over an action's body limit). One POST does one of:
// upload a file (type + fichier, for a demande or for Mes documents), pick an already-provided document for
// a demande (pieceId), or take a piece out of a demande (retirer). Answers JSON: the piece, or a French message.
import { currentSession } from "@/lib/auth/current";
import { AppError, GENERIC_ERROR } from "@/lib/errors";
import { PIECE_RULE } from "@/lib/storage/upload-check";
import { deposerPiece, joindrePiece, lireTypePiece, retirerPiece } from "@/lib/domain/piece/pieces";
import { memeOrigine } from "@/lib/web/origine";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const UUID = /^[0-9a-f-]{36}$/;

export async function POST(request: Request) {
  // Same-origin only, before anything else: a form of another site must not add files to a family.
  if (!memeOrigine(request)) return json({ message: "Requête refusée." }, 403);
  const session = await currentSession();
  if (session?.kind !== "USAGER") return json({ message: "Introuvable" }, 404);
  // Refused before reading: the limit plus room for the form's other fields.
  if (Number(request.headers.get("content-length") ?? 0) > PIECE_RULE.maxBytes + 64 * 1024) {
    return json(
      { message: `Le fichier dépasse ${PIECE_RULE.maxBytes / 1024 / 1024} Mo : choisissez un fichier plus léger.` },
      413,
    );
  }
  const usagerId = session.usager.id;
  // A body cut short (sent without its length and over the proxy's limit) cannot be read as a form.
  const form = await request.formData().catch(() => null);
  if (!form)
    return json(
      {
        message: `Le fichier n'a pas pu être lu : réessayez avec un fichier de ${PIECE_RULE.maxBytes / 1024 / 1024} Mo au maximum.`,
      },
      400,
    );
  try {
    const demandeId =
      typeof form.get("demandeId") === "string" && UUID.test(form.get("demandeId") as string)
        ? (form.get("demandeId") as string)
        : null;
    const type = lireTypePiece(form.get("type"));
    const pieceId = form.get("pieceId");
    if (demandeId && type && form.get("retirer")) {
      await retirerPiece({ usagerId, demandeId, type });
      return json({ retire: type });
    }
    if (demandeId && typeof pieceId === "string" && UUID.test(pieceId))
      return json({ piece: await joindrePiece({ usagerId, demandeId, pieceId }) });
    if (!type) return json({ message: "Choisissez le type de document." }, 400);
    return json({ piece: await deposerPiece({ usagerId, type, fichier: form.get("fichier"), demandeId }) });
  } catch (error) {
    if (error instanceof AppError) return json({ message: error.message }, error.code === "introuvable" ? 404 : 400);
    console.error("[pieces] envoi échoué", error instanceof Error ? error.name : "");
    return json({ message: GENERIC_ERROR }, 500);
  }
}
