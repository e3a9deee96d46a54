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
  for (const enfantId of enfants) if (!(await enfantDuUsager(db(), usagerId, enfantId))) throw absenceIntrouvable();
  await verifierHeureMaladie(now);
  return db().$transaction(async (tx) => {
    const issues: IssueEnfant[] = [];
    for (const enfantId of enfants) {
      const enfant = await enfantDuUsager(tx, usagerId, enfantId);
      if (!enfant) throw absenceIntrouvable();
      try {
        const { numero, jours } = await declarerDans(tx, declarationMaladeCeMatin({ usagerId, enfantId, now }));
        issues.push({ enfantId, prenom: enfant.prenoms, numero, jours });
      } catch (error) {
        // nothing was written for this child (the refusal comes first): the others go on
        if (!(error instanceof AppError) || error.code !== "aucun_jour") throw error;
        issues.push({ enfantId, prenom: enfant.prenoms, refus: error.message });
      }
    }
    return issues;
  });
}
