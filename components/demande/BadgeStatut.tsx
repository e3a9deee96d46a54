import { LIBELLES_STATUT } from "@/lib/domain/demande/transitions";
import type { StatutDemande } from "@/lib/generated/prisma/enums";

const COULEURS: Record<StatutDemande, string> = {
  BROUILLON: "bg-stone-200 text-stone-900",
  DEPOSEE: "bg-sky-100 text-sky-950",
  EN_INSTRUCTION: "bg-indigo-100 text-indigo-950",
  A_COMPLETER: "bg-amber-100 text-amber-950",
  ACCEPTEE: "bg-green-100 text-green-950",
  REFUSEE: "bg-red-100 text-red-950",
  ANNULEE: "bg-stone-200 text-stone-800",
};

export function BadgeStatut({ statut }: { statut: StatutDemande }) {
  return (
    <span className={`inline-block rounded-full px-3 py-1 text-sm font-bold ${COULEURS[statut]}`}>
      {LIBELLES_STATUT[statut]}
    </span>
  );
}
