// The commune's accounting codes for its PES files: one row, created with the common defaults. The commune's
// comptable public confirms every value before the first file is sent (docs/domaine/pes.md).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { siretValide } from "@/lib/domain/pes/cles";

export const parametresPes = () => db().parametresPes.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });

export type ParametresPes = Awaited<ReturnType<typeof parametresPes>>;

const code = (longueur: number, message: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .refine((t) => t === "" || new RegExp(`^[0-9A-Z]{${longueur}}$`).test(t), message);

const codeCourt = (max: number, message: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .refine((t) => t === "" || new RegExp(`^[0-9A-Z]{1,${max}}$`).test(t), message);

// Empty is allowed here (a commune fills them as its comptable answers); the file is refused while one is missing.
export const parametresPesSchema = z.object({
  idPost: code(7, "Le poste comptable (IdPost) compte 7 caractères, chiffres ou lettres."),
  siret: z
    .string()
    .transform((t) => t.replace(/\s/g, ""))
    .refine((t) => t === "" || /^\d{14}$/.test(t), "Le SIRET compte 14 chiffres.")
    .refine(
      (t) => t === "" || !/^\d{14}$/.test(t) || siretValide(t),
      "Ce SIRET n'est pas valide : vérifiez les chiffres.",
    ),
  codCol: code(3, "Le code collectivité (CodCol) compte 3 caractères, chiffres ou lettres."),
  codBud: codeCourt(10, "Le code budget (CodBud) compte de 1 à 10 caractères, chiffres ou lettres."),
  typBord: z
    .string()
    .trim()
    .regex(/^\d{2}$/, "Le type de bordereau (TypBord) compte 2 chiffres, par exemple 06."),
  typPce: z
    .string()
    .trim()
    .regex(/^\d{2}$/, "Le type de pièce (TypPce) compte 2 chiffres, par exemple 15."),
  natPce: z
    .string()
    .trim()
    .regex(/^\d{2}$/, "La nature de pièce (NatPce) compte 2 chiffres, par exemple 01."),
  nature: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{1,10}$/, "L'imputation (Nature) est un compte de 1 à 10 caractères, par exemple 7067."),
  codProdLoc: codeCourt(4, "Le code produit local (CodProdLoc) compte de 1 à 4 caractères, chiffres ou lettres."),
});

export async function modifierParametresPes({
  agentId,
  data,
}: {
  agentId: string;
  data: z.output<typeof parametresPesSchema>;
}) {
  await db().$transaction(async (tx) => {
    await tx.parametresPes.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    // the commune's own codes, nothing about a family: journaled in full
    await journal(tx, { event: "pes.parametres", actorKind: "AGENT", actorId: agentId, details: data });
  });
}
