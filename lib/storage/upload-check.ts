// Uploads are judged by their bytes, never by the name or the type the browser claims.
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { messageTropLourd, PHOTO_MAX_OCTETS, PIECE_MAX_OCTETS } from "@/lib/storage/limites";
import { nomAvecExtension } from "@/lib/storage/nom-fichier";

export type UploadRule = { maxBytes: number; types: Record<string, string> };

export const PHOTO_RULE: UploadRule = {
  maxBytes: PHOTO_MAX_OCTETS,
  types: { "image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WebP", "image/heic": "HEIC" },
};

/** Pièces jointes (Échanges, pièces justificatives): scans and photos of papers. */
export const PIECE_RULE: UploadRule = {
  maxBytes: PIECE_MAX_OCTETS,
  types: { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG", "image/heic": "HEIC" },
};

export type UploadCheck = { ok: true; bytes: Uint8Array; mime: string } | { ok: false; message: string };

export async function checkUpload(file: File, rule: UploadRule): Promise<UploadCheck> {
  const accepted = Object.values(rule.types).join(", ");
  const maxMo = Math.round(rule.maxBytes / 1024 / 1024);
  if (file.size > rule.maxBytes) return { ok: false, message: messageTropLourd(rule.maxBytes) };
  if (file.size === 0) return { ok: false, message: "Le fichier est vide." };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in rule.types)) {
    return {
      ok: false,
      message: `Ce fichier n'est pas accepté : formats possibles ${accepted}, ${maxMo} Mo au maximum.`,
    };
  }
  return { ok: true, bytes, mime: detected.mime };
}

/** The commune's logo, shown in every page's header. */
export const LOGO_RULE: UploadRule = {
  maxBytes: 1024 * 1024,
  types: { "image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP" },
};

/** The optional piece of an Échanges form: none, a checked one (with its name), or why it is refused. */
export async function pieceDuFormulaire(
  fichier: FormDataEntryValue | null,
): Promise<
  { ok: true; piece: { bytes: Uint8Array; mime: string; nom: string } | null } | { ok: false; message: string }
> {
  if (!(fichier instanceof File) || fichier.size === 0) return { ok: true, piece: null };
  const check = await checkUpload(fichier, PIECE_RULE);
  if (!check.ok) return check;
  return { ok: true, piece: { bytes: check.bytes, mime: check.mime, nom: nomAvecExtension(fichier.name, check.mime) } };
}
