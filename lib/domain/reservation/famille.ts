// "Enregistrer" of the family booking view: every child × activity the parent changed, in ONE transaction, and
// ONE recap mail for the family.
import type { Bilan, Changement } from "@/lib/domain/reservation/enregistrer";

export type ChangementFamille = Changement & { inscriptionId: string };
export type BilanInscription = {
  inscriptionId: string;
  enfantId: string;
  prenom: string;
  activite: string;
  bilan: Bilan;
};
export type BilanFamille = { inscriptions: BilanInscription[] };

/**
 * An inscription that is not the caller's households' (or not ACTIVE) → throws reservationsIntrouvables() (404),
 * nothing written. A day refused for one child (deadline, capacity, unit not subscribed, exclusive menu...) is in
 * that inscription's bilan.refus with its reason; the other days of every child are written.
 */
export async function enregistrerPourLaFamille(args: {
  usagerId: string;
  changements: ChangementFamille[];
  now?: Date;
}): Promise<BilanFamille> {
  void args;
  throw new Error("enregistrerPourLaFamille : à venir");
}
