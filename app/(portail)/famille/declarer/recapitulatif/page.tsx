import { redirect } from "next/navigation";
import { RecapitulatifDemarche } from "@/components/wizard/RecapitulatifDemarche";
import { requireUsager } from "@/lib/auth/current";
import { recapPourUsager } from "@/lib/domain/demarches";
import { etatDeclaration } from "@/lib/domain/famille/declaration";

export const metadata = { title: "Enfance — Ajout de famille : le récapitulatif" };

export default async function RecapitulatifPage() {
  const { usager } = await requireUsager("/famille/declarer/recapitulatif");
  const { editable } = await etatDeclaration(usager.id);
  // Step 2 is only reached through ALLER À L'ÉTAPE 2, which checks the whole family.
  if (!editable || editable.etape !== 2) redirect("/famille/declarer");
  return (
    <RecapitulatifDemarche
      entete={{ domaine: "Enfance", titre: "Ajout de famille", duree: "10 mn" }}
      consigne={
        <>
          <h2 className="mb-2 text-lg font-bold uppercase text-marque-fonce">Ajouter à mon entourage : Enfance</h2>
          <p className="mb-6">Vérifiez toutes les informations concernant votre famille et validez.</p>
        </>
      }
      sections={await recapPourUsager(editable)}
      demandeId={editable.id}
      annuler="/famille/declarer/annuler"
    />
  );
}
