// The signed PAI (projet d'accueil individualisé) a parent joins to the dossier santé: judged by its bytes (PDF,
// JPEG or PNG, 10 Mo at most, as the pieces are), encrypted before it reaches the storage (lib/chiffrement.ts),
// bound to its child so that a file copied under another child's dossier does not open, and checked against its
// SHA-256 when read back. It is never a PieceJustificative (those are open to every agent): its metadata lives in
// the dossier's encrypted data, and it is read through the dossier's own authorizations (queries-pai.ts).
import "server-only";
import { createHash } from "node:crypto";
import { chiffrerOctets, dechiffrerOctets } from "@/lib/chiffrement";
import { getStorage } from "@/lib/storage/storage";
import { PIECE_MAX_OCTETS } from "@/lib/storage/limites";
import { nomAvecExtension } from "@/lib/storage/nom-fichier";
import { checkUpload, type UploadRule } from "@/lib/storage/upload-check";
import type { DocumentPai } from "@/lib/domain/sante/suivi";

export const PAI_RULE: UploadRule = {
  maxBytes: PIECE_MAX_OCTETS,
  types: { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" },
};

const contextePai = (enfantId: string) => `dossier-sante:pai:${enfantId}`;
const empreinte = (octets: Uint8Array) => createHash("sha256").update(octets).digest("hex");

/** Checks the file by its bytes, then stores it encrypted; the caller removes it if its transaction fails. */
export async function stockerDocumentPai(
  enfantId: string,
  fichier: File,
): Promise<{ ok: true; document: DocumentPai } | { ok: false; message: string }> {
  const check = await checkUpload(fichier, PAI_RULE);
  if (!check.ok) return check;
  const cle = await getStorage().put(chiffrerOctets(check.bytes, contextePai(enfantId)));
  return {
    ok: true,
    document: {
      nom: nomAvecExtension(fichier.name.slice(0, 200) || "pai", check.mime),
      sha256: empreinte(check.bytes),
      mime: check.mime,
      taille: check.bytes.length,
      cle,
    },
  };
}

export const retirerFichierPai = (cle: string) => getStorage().remove(cle);

/** The document's bytes, decrypted and checked against its digest; null when the file is missing or altered. */
export async function ouvrirDocumentPai(
  enfantId: string,
  document: DocumentPai,
): Promise<{ bytes: Uint8Array; type: string; nom: string } | null> {
  const chiffre = await getStorage().get(document.cle);
  if (!chiffre) return null;
  const bytes = dechiffrerOctets(chiffre, contextePai(enfantId));
  if (empreinte(bytes) !== document.sha256) return null;
  return { bytes, type: document.mime, nom: document.nom };
}
