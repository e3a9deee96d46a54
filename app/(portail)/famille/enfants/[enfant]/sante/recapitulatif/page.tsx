import { notFound, redirect } from "next/navigation";
import { EnTeteDemarche } from "@/components/demande/EnTeteDemarche";
import { RecapDossierSante } from "@/components/demande/RecapDossierSante";
import { requireUsager } from "@/lib/auth/current";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { lireFiche } from "@/lib/domain/sante/schemas";
import { retourEtape1Sante, validerDossierSante } from "../actions";
import { ValiderRecapForm } from "@/components/wizard/ValiderRecapForm";

export const metadata = { title: "Enfance — Dossier santé : le récapitulatif" };

export default async function RecapitulatifSantePage({ params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/sante/recapitulatif`);
  const dossier = await dossierSanteDuUsager(usager.id, enfantId);
  if (!dossier) notFound();
  const { enfant, editable } = dossier;
  // Step 2 is only reached through ALLER À L'ÉTAPE 2, which checks the form.
  const lecture = editable?.etape === 2 ? lireFiche(editable.valeurs) : null;
  if (!lecture?.ok) redirect(`/famille/enfants/${enfant.id}/sante/mettre-a-jour`);
  return (
    <div className="carte">
      <EnTeteDemarche
        domaine="Enfance"
        titre={`Dossier santé — ${enfant.prenoms} ${enfant.nom.toUpperCase()}`}
        duree="5 mn"
        etape={1}
      />
      <p className="mb-6">Vérifiez les informations du dossier santé de votre enfant et validez.</p>
      <RecapDossierSante fiche={lecture.fiche} demande niveau={2} />
      <ValiderRecapForm
        valider={validerDossierSante.bind(null, enfant.id)}
        retour={retourEtape1Sante.bind(null, enfant.id)}
        annuler={editable?.statut === "BROUILLON" ? `/famille/enfants/${enfant.id}/sante/annuler` : null}
      />
    </div>
  );
}
