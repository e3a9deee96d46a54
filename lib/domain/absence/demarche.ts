// The "Justifier une absence" démarche (lib/domain/absence/declarer.ts creates and deposits it): the parent
// says which days and why, the justificatif may follow within the commune's delay, and the agent decides.
// Accepted, the days become ABSENCE_JUSTIFIEE (not billed); refused, ABSENCE_INJUSTIFIEE (billed).
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { estJour, jourEnClair, type Jour } from "@/lib/temps/jours";
import { franchir, type ActeurReservation } from "@/lib/domain/reservation/franchir";
import type { Demande, MotifAbsence } from "@/lib/generated/prisma/client";
import { de } from "@/lib/texte/elision";

export const MOTIFS_ABSENCE: Record<MotifAbsence, string> = {
  MALADIE: "Maladie",
  RENDEZ_VOUS_MEDICAL: "Rendez-vous médical",
  EVENEMENT_FAMILIAL: "Sortie ou événement familial",
  AUTRE: "Autre",
};

const jour = z.string().refine(estJour, "Date invalide.");
export const donneesAbsenceSchema = z.object({
  enfantId: z.string(),
  prenom: z.string(),
  debut: jour,
  fin: jour,
  motif: z.enum(["MALADIE", "RENDEZ_VOUS_MEDICAL", "EVENEMENT_FAMILIAL", "AUTRE"]),
  precision: z.string().max(500).nullable(),
  maladeCeMatin: z.boolean(),
  /** the days actually set absent (the child's booked opening days), "jeudi 12 mars — Menu Classique" */
  jours: z.array(z.string()),
});
export type DonneesAbsence = z.infer<typeof donneesAbsenceSchema>;

export function lireAbsence(donnees: unknown): DonneesAbsence | null {
  const lu = donneesAbsenceSchema.safeParse(donnees);
  return lu.success ? lu.data : null;
}

export function periodeEnClair(debut: Jour, fin: Jour): string {
  return debut === fin ? `le ${jourEnClair(debut)}` : `du ${jourEnClair(debut)} au ${jourEnClair(fin)}`;
}

function recap(demande: Demande): SectionRecap[] {
  const absence = lireAbsence(demande.donnees);
  if (!absence) return [{ titre: "Absence", texte: ["Cette demande ne contient pas d'absence lisible."] }];
  return [
    {
      titre: "Absence",
      lignes: [
        { libelle: "Enfant", valeur: absence.prenom },
        { libelle: "Dates", valeur: periodeEnClair(absence.debut, absence.fin) },
        { libelle: "Motif", valeur: MOTIFS_ABSENCE[absence.motif] },
        { libelle: "Précision", valeur: absence.precision },
        {
          libelle: "Déclarée avec",
          valeur: absence.maladeCeMatin ? "« Malade ce matin »" : "« Justifier une absence »",
        },
      ],
    },
    { titre: "Jours concernés", liste: absence.jours, vide: "Aucun jour réservé dans cette période." },
  ];
}

/**
 * Moves every day of the absence still pending (ABSENCE_SIGNALEE) as its demande was just decided or withdrawn.
 * The days' history names who did it, when, and the refusal's motif (what explains a billed absence), as the
 * demande's own history row written by the same transaction says.
 */
export async function deciderJours(
  tx: Tx,
  demandeId: string,
  transition: "justifierAbsence" | "refuserAbsence" | "retirerAbsence",
): Promise<number> {
  const decision = await tx.demandeHistorique.findFirstOrThrow({ where: { demandeId }, orderBy: { id: "desc" } });
  const acteur: ActeurReservation =
    decision.acteur === "AGENT"
      ? { kind: "AGENT", agentId: decision.acteurId!, nom: decision.acteurNom ?? "un agent" }
      : decision.acteur === "USAGER"
        ? { kind: "USAGER", usagerId: decision.acteurId! }
        : { kind: "SYSTEME" };
  const jours = await tx.reservation.findMany({
    where: { absenceId: demandeId, statut: "ABSENCE_SIGNALEE" },
    select: { id: true },
  });
  const deplaces = await franchir(tx, {
    ids: jours.map((j) => j.id),
    transition,
    acteur,
    motif: transition === "refuserAbsence" ? decision.motif : null,
    // withdrawn, the days are booked again, as they were, and no longer the absence's
    complement: transition === "retirerAbsence" ? { absenceId: null } : {},
    now: decision.createdAt,
  });
  return deplaces.length;
}

export const DEMARCHE_ABSENCE = {
  type: "ABSENCE",
  libelle: "Justifier une absence",
  domaine: "Enfance",
  intitule: (donnees) => {
    const absence = lireAbsence(donnees);
    return absence ? `Absence ${de(absence.prenom)} ${periodeEnClair(absence.debut, absence.fin)}` : null;
  },
  demandeDe: "d'absence",
  donnees: { version: 1, schema: donneesAbsenceSchema },
  verifierDepot(donnees) {
    if (!lireAbsence(donnees)) throw new AppError("incomplete", "Indiquez les dates et le motif de l'absence.");
  },
  accepter: async (tx, demande) => {
    await deciderJours(tx, demande.id, "justifierAbsence");
    return "L'absence est justifiée : ces jours ne seront pas facturés.";
  },
  refuser: async (tx, demande) => {
    await deciderJours(tx, demande.id, "refuserAbsence");
  },
  // withdrawn before any agent took it up: the days are booked again, as they were
  annuler: async (tx, demande) => {
    await deciderJours(tx, demande.id, "retirerAbsence");
  },
  recap: { usager: async (demande) => recap(demande), agent: async (demande) => recap(demande) },
} satisfies DefinitionDemarche & { type: "ABSENCE" };
