// A family's quotient familial: dated, with its source; an agent types it from the attestation the family
// uploaded. A new value never rewrites an old one: the latest start date that covers a day applies to it.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { dateDeJour, estJour } from "@/lib/temps/jours";

const jour = (message: string) => z.string().trim().refine(estJour, message);

export const quotientSchema = z
  .object({
    valeur: z.coerce
      .number({ error: "Indiquez le quotient familial en euros." })
      .int("Indiquez un nombre entier d'euros.")
      .min(0, "Le quotient familial ne peut pas être négatif.")
      .max(100_000, "Ce quotient familial semble trop élevé."),
    du: jour("Indiquez la date de début (JJ/MM/AAAA)."),
    au: z.union([z.literal(""), jour("Indiquez la date de fin, ou laissez vide.")]).optional(),
    source: z.enum(["CAF", "MSA", "AGENT"], { error: "Choisissez la source." }),
    pieceId: z.string().optional(),
  })
  .refine((q) => !q.au || q.au >= q.du, { message: "La date de fin doit suivre la date de début.", path: ["au"] });

export async function saisirQuotient({
  familleId,
  agentId,
  data,
}: {
  familleId: string;
  agentId: string;
  data: z.infer<typeof quotientSchema>;
}) {
  return db().$transaction(async (tx) => {
    if (!(await tx.famille.findUnique({ where: { id: familleId }, select: { id: true } }))) return null;
    // the attestation must be one of this family's pieces
    const piece = data.pieceId
      ? await tx.pieceJustificative.findFirst({ where: { id: data.pieceId, familleId }, select: { id: true } })
      : null;
    const quotient = await tx.quotientFamilial.create({
      data: {
        familleId,
        valeur: data.valeur,
        du: dateDeJour(data.du),
        au: data.au ? dateDeJour(data.au) : null,
        source: data.source,
        pieceId: piece?.id ?? null,
        saisiParId: agentId,
      },
    });
    await journal(tx, {
      event: "facturation.quotient",
      actorKind: "AGENT",
      actorId: agentId,
      details: { famille: familleId, quotient: quotient.id },
    });
    return quotient;
  });
}

export const quotientsDeLaFamille = (familleId: string) =>
  db().quotientFamilial.findMany({ where: { familleId }, orderBy: [{ du: "desc" }, { creeLe: "desc" }] });
