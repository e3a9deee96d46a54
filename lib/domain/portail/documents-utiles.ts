// DOCUMENTS UTILES: an agent uploads a file (judged by its bytes: PDF, JPEG or PNG, 10 Mo at most) or removes
// one. Storage is not transactional: the file is written first and removed again if the row cannot be; a
// removed document's file goes once its row is gone, so a visitor never follows a link to nothing.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { getStorage } from "@/lib/storage/storage";
import { checkUpload } from "@/lib/storage/upload-check";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import { DOCUMENT_UTILE_RULE, type DocumentUtileSaisie } from "@/lib/domain/portail/schemas";

/** The name visitors download it under: the uploaded name without any path, control or quoting character. */
function nomPropre(nom: string): string {
  const base = nom.split(/[\\/]/).pop() ?? "";
  const propre = base
    .replace(/[\p{Cc}"]/gu, "")
    .trim()
    .slice(0, 150);
  return propre || "document";
}

export async function ajouterDocumentUtile({
  agentId,
  saisie,
  fichier,
}: {
  agentId: string;
  saisie: DocumentUtileSaisie;
  fichier: File | null;
}): Promise<{ id: string }> {
  if (!fichier || (fichier.size === 0 && fichier.name === ""))
    throw new AppError("fichier", "Choisissez le fichier à publier (PDF, JPEG ou PNG).", "fichier");
  const check = await checkUpload(fichier, DOCUMENT_UTILE_RULE);
  if (!check.ok) throw new AppError("fichier", check.message, "fichier");
  // Checked before the file is stored, so a usager's call leaves nothing behind.
  await exigerAgentActif(db(), agentId);
  const storage = getStorage();
  const fichierKey = await storage.put(check.bytes);
  try {
    return await db().$transaction(async (tx) => {
      await exigerAgentActif(tx, agentId);
      const { id } = await tx.documentUtile.create({
        data: {
          titre: saisie.intitule,
          categorie: saisie.categorie,
          fichierKey,
          type: check.mime,
          nomFichier: nomPropre(fichier.name),
          taille: check.bytes.length,
          sha256: createHash("sha256").update(check.bytes).digest("hex"),
          publieParId: agentId,
        },
      });
      await journal(tx, {
        event: "document_utile.publie",
        actorKind: "AGENT",
        actorId: agentId,
        details: { document: id, categorie: saisie.categorie },
      });
      return { id };
    });
  } catch (error) {
    await storage.remove(fichierKey);
    throw error;
  }
}

export async function retirerDocumentUtile({ agentId, id }: { agentId: string; id: string }): Promise<void> {
  const fichierKey = await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const document = await tx.documentUtile.findUnique({
      where: { id },
      select: { fichierKey: true, categorie: true },
    });
    if (!document) throw new AppError("introuvable", "Ce document n'existe plus.");
    await tx.documentUtile.delete({ where: { id } });
    await journal(tx, {
      event: "document_utile.retire",
      actorKind: "AGENT",
      actorId: agentId,
      details: { document: id, categorie: document.categorie },
    });
    return document.fichierKey;
  });
  await getStorage().remove(fichierKey);
}
