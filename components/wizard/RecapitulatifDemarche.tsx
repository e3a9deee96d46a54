// Step 2 of every démarche, LE RÉCAPITULATIF: the démarche's header at step 2, a sentence, the recap its
// definition produces (lib/domain/demarches.ts), and VALIDER / < RETOUR À L'ÉTAPE 1 / ANNULER LA DÉMARCHE.
import type { ReactNode } from "react";
import { EnTeteDemarche } from "@/components/demande/EnTeteDemarche";
import { Recap } from "@/components/demande/Recap";
import { ValiderRecapForm } from "@/components/wizard/ValiderRecapForm";
import type { SectionRecap } from "@/lib/domain/demande/demarche";

export function RecapitulatifDemarche({
  entete,
  consigne,
  sections,
  demandeId,
  annuler,
  niveau,
}: {
  entete: { domaine: string; titre: string; duree: string };
  /** what the parent does here, in the seed's words; a heading may come with it */
  consigne: ReactNode;
  sections: SectionRecap[];
  demandeId: string;
  annuler: string | null;
  niveau?: 2 | 3;
}) {
  return (
    <div className="carte">
      <EnTeteDemarche {...entete} etape={1} />
      {consigne}
      <Recap sections={sections} niveau={niveau} />
      <ValiderRecapForm demandeId={demandeId} annuler={annuler} />
    </div>
  );
}
