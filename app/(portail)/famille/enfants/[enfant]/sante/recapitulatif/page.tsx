import { notFound, redirect } from "next/navigation";
import { RecapitulatifDemarche } from "@/components/wizard/RecapitulatifDemarche";
import { requireUsager } from "@/lib/auth/current";
import { demandeEditable } from "@/lib/domain/demande/brouillon";
import { recapPourUsager } from "@/lib/domain/demarches";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";

export const metadata = { title: "Enfance — Dossier santé : le récapitulatif" };

export default async function RecapitulatifSantePage({ params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/sante/recapitulatif`);
  const dossier = await dossierSanteDuUsager(usager.id, enfantId);
  if (!dossier) notFound();
  const { enfant, editable } = dossier;
  // Step 2 is only reached through ALLER À L'ÉTAPE 2, which checks the form.
  const demande = editable?.etape === 2 ? await demandeEditable(usager.id, editable.id) : null;
  if (!demande) redirect(`/famille/enfants/${enfant.id}/sante/mettre-a-jour`);
  return (
    <RecapitulatifDemarche
      entete={{
        domaine: "Enfance",
        titre: `Dossier santé — ${enfant.prenoms} ${enfant.nom.toUpperCase()}`,
        duree: "5 mn",
      }}
      consigne={<p className="mb-6">Vérifiez les informations du dossier santé de votre enfant et validez.</p>}
      sections={await recapPourUsager(demande)}
      niveau={2}
      demandeId={demande.id}
      annuler={demande.statut === "BROUILLON" ? `/famille/enfants/${enfant.id}/sante/annuler` : null}
    />
  );
}
