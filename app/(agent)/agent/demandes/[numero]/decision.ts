// What the decision forms and their action share: field names, the complément's wording, the answers.
import type { DecisionAgent } from "@/lib/domain/demande/decider";

export const CHAMP_MOTIF = { refuser: "motifRefus", demanderComplement: "motifComplement" } as const;

/** The ids of the pièces not « Vérifiée » the acceptance's question named (lib/domain/inscription/pieces-verifiees.ts). */
export const CHAMP_PIECES_NON_VERIFIEES = "piecesNonVerifiees";

/** The radio group of one declared child possibly already known (garde alternée). */
export const champRattachement = (enfantRef: string) => `rattachement-${enfantRef}`;
export const CHOIX_CREER = "CREER";

/** One text for the history and the parent's mail ("Ce qu'il manque : …"): the motif, then each missing item. */
export function motifComplement(motif: string, manques: string): string {
  const liste = manques
    .split(/\r?\n/)
    .map((ligne) => ligne.replace(/^[\s•*-]+/, "").trim())
    .filter(Boolean);
  return liste.length > 0 ? `${motif.replace(/[\s.]+$/, "")}. Éléments attendus : ${liste.join(" ; ")}.` : motif;
}

export const SUCCES: Record<DecisionAgent, string> = {
  instruire: "Vous avez pris en charge cette demande.",
  demanderComplement: "Le complément a été demandé : le demandeur est prévenu par courriel.",
  accepter: "La demande est acceptée : le demandeur est prévenu par courriel.",
  refuser: "La demande est refusée : le demandeur est prévenu par courriel.",
};
