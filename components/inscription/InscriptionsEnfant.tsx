// Under a child on Mon accueil: its inscriptions, each with the state of its demande (Déposée, Acceptée…).
import Link from "next/link";
import { BadgeStatut } from "@/components/demande/BadgeStatut";
import type { InscriptionDeLEnfant } from "@/lib/domain/inscription/queries";
import { de } from "@/lib/texte/elision";

/** `inscriptions`: the child's, from the one read of the whole family's (inscriptionsDesEnfants). */
export function InscriptionsEnfant({ inscriptions, prenom }: { inscriptions: InscriptionDeLEnfant[]; prenom: string }) {
  return (
    <div className="mt-2">
      <h3 className="text-sm font-bold uppercase">Inscriptions</h3>
      {inscriptions.length === 0 ? (
        <p className="text-sm">Aucune inscription.</p>
      ) : (
        <ul aria-label={`Inscriptions ${de(prenom)}`} className="space-y-1">
          {inscriptions.map((inscription) => (
            <li key={inscription.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <Link href={`/demandes/${inscription.numero}`}>{inscription.libelle}</Link>
              <BadgeStatut statut={inscription.statut} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
