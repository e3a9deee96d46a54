// Paramétrage: a new version of the CGU or of the règlement intérieur. A version is never rewritten: the new
// text becomes version n+1, so every space keeps the version it accepted (Usager.cguVersion).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { Prisma, type DocumentType } from "@/lib/generated/prisma/client";

export async function publierDocument({
  agentId,
  type,
  contenu,
}: {
  agentId: string;
  type: DocumentType;
  contenu: string;
}): Promise<{ version: number }> {
  try {
    return await db().$transaction(async (tx) => {
      const derniere = await tx.documentVersion.findFirst({
        where: { type },
        orderBy: { version: "desc" },
        select: { version: true, contenu: true },
      });
      if (derniere?.contenu === contenu) {
        throw new AppError(
          "identique",
          "Ce texte est celui de la version en vigueur : modifiez-le avant de publier.",
          "contenu",
        );
      }
      const version = (derniere?.version ?? 0) + 1;
      await tx.documentVersion.create({ data: { type, version, contenu, publieParId: agentId } });
      await journal(tx, { event: "document.publie", actorKind: "AGENT", actorId: agentId, details: { type, version } });
      return { version };
    });
  } catch (error) {
    // Two admins publishing at once: (type, version) is unique, the second is told rather than overwriting.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "concurrente",
        "Une autre version vient d'être publiée : rechargez la page avant de publier.",
        "contenu",
      );
    }
    throw error;
  }
}
