import { notFound } from "next/navigation";
import { AnnulerDemarche } from "@/components/wizard/AnnulerDemarche";
import { requireUsager } from "@/lib/auth/current";
import { inscriptionEditable } from "@/lib/domain/inscription/brouillon";
import { sansPointFinal } from "@/lib/texte/point-final";

export const metadata = { title: "Annuler la démarche — Inscription" };

// A confirmation before the draft is deleted (the documents sent stay in Mes documents).
export default async function AnnulerInscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { usager } = await requireUsager(`/inscriptions/${id}/annuler`);
  const editable = /^[0-9a-f-]{36}$/.test(id) ? await inscriptionEditable(usager.id, id) : null;
  if (editable?.demande.statut !== "BROUILLON") notFound();
  return (
    <AnnulerDemarche
      demandeId={id}
      question={`Voulez-vous vraiment annuler votre demande « ${sansPointFinal(editable.activite.libelle)} » pour ${editable.enfant.prenoms} ? Les réponses saisies seront supprimées ; les documents envoyés restent dans Mes documents.`}
      reprendre={{ href: `/inscriptions/${id}`, libelle: "Non, reprendre ma demande" }}
    />
  );
}
