import { redirect } from "next/navigation";
import { EnTeteDemarche } from "@/components/demande/EnTeteDemarche";
import { RecapAjoutFamille } from "@/components/demande/RecapAjoutFamille";
import { requireUsager } from "@/lib/auth/current";
import { etatDeclaration } from "@/lib/domain/famille/declaration";
import { lireBrouillon } from "@/lib/domain/famille/schemas";
import { ValiderRecapForm } from "@/components/wizard/ValiderRecapForm";
import { retourEtape1, validerDeclaration } from "../actions";

export const metadata = { title: "Enfance — Ajout de famille : le récapitulatif" };

export default async function RecapitulatifPage() {
  const { usager } = await requireUsager("/famille/declarer/recapitulatif");
  const { editable } = await etatDeclaration(usager.id);
  // Step 2 is only reached through ALLER À L'ÉTAPE 2, which checks the whole family.
  if (!editable || editable.etape !== 2) redirect("/famille/declarer");
  return (
    <div className="carte">
      <EnTeteDemarche domaine="Enfance" titre="Ajout de famille" duree="10 mn" etape={1} />
      <h2 className="mb-2 text-lg font-bold uppercase text-marque-fonce">Ajouter à mon entourage : Enfance</h2>
      <p className="mb-6">Vérifiez toutes les informations concernant votre famille et validez.</p>
      <RecapAjoutFamille brouillon={lireBrouillon(editable.donnees)} />
      <ValiderRecapForm valider={validerDeclaration} retour={retourEtape1} annuler="/famille/declarer/annuler" />
    </div>
  );
}
