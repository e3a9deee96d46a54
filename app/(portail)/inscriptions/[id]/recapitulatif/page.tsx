import { notFound, redirect } from "next/navigation";
import { EnTeteDemarche } from "@/components/demande/EnTeteDemarche";
import { RecapInscription } from "@/components/inscription/RecapInscription";
import { requireUsager } from "@/lib/auth/current";
import { inscriptionEditable } from "@/lib/domain/inscription/brouillon";
import { recapInscription } from "@/lib/domain/inscription/recap";
import { ValiderRecapForm } from "@/components/wizard/ValiderRecapForm";
import { retourEtape1Action, validerInscriptionAction } from "../../actions";

export const metadata = { title: "Enfance — Inscription : le récapitulatif" };

export default async function RecapitulatifInscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { usager } = await requireUsager(`/inscriptions/${id}/recapitulatif`);
  const editable = /^[0-9a-f-]{36}$/.test(id) ? await inscriptionEditable(usager.id, id) : null;
  if (!editable) notFound();
  // Step 2 is only reached through ALLER À L'ÉTAPE 2, which checks everything.
  if (editable.demande.etape !== 2) redirect(`/inscriptions/${id}`);
  const recap = await recapInscription(editable.demande);
  if (!recap) notFound();
  return (
    <div className="carte">
      <EnTeteDemarche domaine="Enfance" titre={editable.activite.libelle} duree="5 mn" etape={1} />
      <p className="mb-6">Je vérifie les informations et je valide ma demande d&apos;inscription.</p>
      <RecapInscription recap={recap} />
      <ValiderRecapForm
        valider={validerInscriptionAction.bind(null, id)}
        retour={retourEtape1Action.bind(null, id)}
        annuler={`/inscriptions/${id}/annuler`}
      />
    </div>
  );
}
