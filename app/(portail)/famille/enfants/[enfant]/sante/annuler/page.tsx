import { notFound, redirect } from "next/navigation";
import { AnnulerDemarche } from "@/components/wizard/AnnulerDemarche";
import { requireUsager } from "@/lib/auth/current";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Annuler la démarche — Dossier santé" };

// A confirmation before the draft (and what it holds) is deleted.
export default async function AnnulerSantePage({ params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/sante/annuler`);
  const dossier = await dossierSanteDuUsager(usager.id, enfantId);
  if (!dossier) notFound();
  const { enfant, editable } = dossier;
  if (editable?.statut !== "BROUILLON") redirect(`/famille/enfants/${enfant.id}/sante`);
  return (
    <AnnulerDemarche
      demandeId={editable.id}
      question={`Voulez-vous vraiment annuler la mise à jour du dossier santé ${de(enfant.prenoms)} ? Les informations que vous avez saisies seront supprimées.`}
      reprendre={{
        href: `/famille/enfants/${enfant.id}/sante/mettre-a-jour`,
        libelle: "Non, reprendre ma mise à jour",
      }}
    />
  );
}
