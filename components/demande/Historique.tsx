// A demande's Historique: one line per transition (what, who, the motif). The parent reads "Par vous", the
// agents read the demandeur's name.
import { formatParis } from "@/lib/temps/dates";
import { LIBELLES_STATUT, TRANSITIONS, type Transition } from "@/lib/domain/demande/transitions";
import type { DemandeHistorique } from "@/lib/generated/prisma/client";

export const horodatage = (date: Date) => formatParis(date, "d MMM yyyy HH:mm");

export function Historique({ lignes, demandeur }: { lignes: DemandeHistorique[]; demandeur?: string }) {
  return (
    <ol className="space-y-3">
      {lignes.map((ligne) => (
        <li key={String(ligne.id)} className="rounded-md border border-stone-200 p-3">
          <p className="text-sm text-stone-700">{horodatage(ligne.createdAt)}</p>
          <p className="font-semibold">
            {TRANSITIONS[ligne.transition as Transition]?.libelle ?? ligne.transition} : {LIBELLES_STATUT[ligne.vers]}
          </p>
          <p className="text-sm">
            {ligne.acteur === "AGENT"
              ? `Par ${ligne.acteurNom ?? "un agent"} (mairie)`
              : ligne.acteur === "USAGER"
                ? demandeur
                  ? `Par ${demandeur} (demandeur)`
                  : "Par vous"
                : "Automatiquement"}
          </p>
          {ligne.motif && <p className="mt-1 whitespace-pre-line">Motif : {ligne.motif}</p>}
        </li>
      ))}
    </ol>
  );
}
