// The commune as a SEPA creditor (ParametresPrelevement): whether prélèvement is offered to parents, its
// Identifiant Créancier SEPA, name, address and account, the day debits are taken, the pre-notification delay,
// how debits reach the bank (inside the PES titles, the default for a commune, or a pain.008 file) and how many
// rejects in a row suspend a mandate. One row, created with its defaults; every change journaled.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { erreurBic, erreurIban, normaliserBic, normaliserIban } from "@/lib/argent/iban";
import { erreurIcs, normaliserIcs } from "@/lib/domain/prelevement/parametres-ics";

export const parametresPrelevement = () =>
  db().parametresPrelevement.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });

export type ParametresPrelevement = Awaited<ReturnType<typeof parametresPrelevement>>;

export const TRANSMISSIONS = {
  PES: "Dans les titres PES (le comptable public prélève)",
  FICHIER_SEPA: "Fichier SEPA pain.008",
} as const;

const entier = (message: string, min: number, max: number, bornes: string) =>
  z.coerce.number({ error: message }).int(message).min(min, bornes).max(max, bornes);

const texte = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`);

export const parametresPrelevementSchema = z
  .object({
    actif: z.enum(["oui", "non"], { error: "Choisissez oui ou non." }),
    ics: texte(35).transform(normaliserIcs),
    creancierNom: texte(70),
    creancierAdresse: texte(140),
    iban: texte(50).transform(normaliserIban),
    bic: texte(20).transform(normaliserBic),
    jourPrelevement: entier("Indiquez un jour du mois.", 1, 28, "Un jour entre le 1 et le 28."),
    delaiPrenotificationJours: entier("Indiquez un nombre de jours.", 2, 60, "Entre 2 et 60 jours."),
    transmission: z.enum(["PES", "FICHIER_SEPA"], { error: "Choisissez comment les prélèvements sont transmis." }),
    rejetsAvantSuspension: entier("Indiquez un nombre de rejets.", 1, 10, "Entre 1 et 10 rejets."),
  })
  .superRefine((d, ctx) => {
    const erreur = (path: string, message: string | null) => {
      if (message) ctx.addIssue({ code: "custom", path: [path], message });
    };
    // empty fields are allowed while prélèvement is not offered; once it is, the mandate needs the creditor
    if (d.ics !== "" || d.actif === "oui")
      erreur("ics", d.ics === "" ? "Indiquez l'ICS de la commune." : erreurIcs(d.ics));
    if (d.actif === "oui" && d.creancierNom === "") erreur("creancierNom", "Indiquez le nom du créancier.");
    if (d.actif === "oui" && d.creancierAdresse === "") erreur("creancierAdresse", "Indiquez l'adresse du créancier.");
    const fichier = d.transmission === "FICHIER_SEPA";
    if (d.iban !== "" || fichier)
      erreur("iban", d.iban === "" ? "Indiquez l'IBAN du compte de la commune." : erreurIban(d.iban));
    if (d.bic !== "" || fichier)
      erreur("bic", d.bic === "" ? "Indiquez le BIC du compte de la commune." : erreurBic(d.bic));
  });

export async function modifierParametresPrelevement({
  agentId,
  data,
}: {
  agentId: string;
  data: z.output<typeof parametresPrelevementSchema>;
}): Promise<void> {
  const valeurs = { ...data, actif: data.actif === "oui" };
  await db().$transaction(async (tx) => {
    await tx.parametresPrelevement.upsert({ where: { id: 1 }, create: { id: 1, ...valeurs }, update: valeurs });
    // the commune's own account (where the families' money goes), never a family's: journaled in full
    await journal(tx, { event: "prelevement.parametres", actorKind: "AGENT", actorId: agentId, details: valeurs });
  });
}
