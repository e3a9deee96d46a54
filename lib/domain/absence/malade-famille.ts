// « Malade ce matin » for several children in one tap (Mon accueil): one transaction in which each child ticked
// gets the very declaration « Malade ce matin » makes for one child (declarerDans, declarer.ts): its own demande,
// its absence, today's booked days ABSENCE_SIGNALEE, its journal line. A child with nothing booked today is told
// so in the answer without stopping the others; a child of another family refuses the whole command, as for a
// child that does not exist.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  absenceIntrouvable,
  declarationMaladeCeMatin,
  declarerDans,
  enfantDuUsager,
  verifierHeureMaladie,
} from "@/lib/domain/absence/declarer";

export type IssueEnfant =
  | { enfantId: string; prenom: string; numero: number; jours: number }
  | { enfantId: string; prenom: string; refus: string };

export async function maladeCeMatinPourLaFamille({
  usagerId,
  enfantIds,
  now,
}: {
  usagerId: string;
  enfantIds: string[];
  now: Date;
}): Promise<IssueEnfant[]> {
  const enfants = [...new Set(enfantIds)];
  if (enfants.length === 0) throw new AppError("aucun_enfant", "Cochez au moins un enfant.", "enfants");
  return db().$transaction(async (tx) => {
    // every child is the caller's before anything else is said (another family's child: not found, not « too late »)
    const prenoms = new Map<string, string>();
    for (const enfantId of enfants) {
      const enfant = await enfantDuUsager(tx, usagerId, enfantId);
      if (!enfant) throw absenceIntrouvable();
      prenoms.set(enfantId, enfant.prenoms);
    }
    await verifierHeureMaladie(now, tx);
    const issues: IssueEnfant[] = [];
    for (const [enfantId, prenom] of prenoms) {
      try {
        const { numero, jours } = await declarerDans(tx, declarationMaladeCeMatin({ usagerId, enfantId, now }));
        issues.push({ enfantId, prenom, numero, jours });
      } catch (error) {
        // nothing was written for this child (the refusal comes first): the others go on
        if (!(error instanceof AppError) || error.code !== "aucun_jour") throw error;
        issues.push({ enfantId, prenom, refus: error.message });
      }
    }
    return issues;
  });
}
