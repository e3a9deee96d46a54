// A child's dossier santé (a validated version, or the update a demande asks for), in the sections of its
// démarche's recap: the dossier's page and the console's view of a family show it as the demandes do.
import { Recap } from "@/components/demande/Recap";
import { sectionsFiche, type OptionsRecap } from "@/lib/domain/sante/recap";
import type { FicheSante } from "@/lib/domain/sante/schemas";

export function RecapDossierSante({
  fiche,
  demande = false,
  niveau = 3,
  lienPai,
  dtPolio,
}: {
  fiche: FicheSante | null;
  demande?: boolean;
  niveau?: 2 | 3;
} & Pick<OptionsRecap, "lienPai" | "dtPolio">) {
  return <Recap sections={sectionsFiche(fiche, { demande, lienPai, dtPolio })} niveau={niveau} />;
}
