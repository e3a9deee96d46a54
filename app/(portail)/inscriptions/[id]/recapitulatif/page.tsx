import { notFound, redirect } from "next/navigation";
import { RecapitulatifDemarche } from "@/components/wizard/RecapitulatifDemarche";
import { requireUsager } from "@/lib/auth/current";
import { recapPourUsager } from "@/lib/domain/demarches";
import { inscriptionEditable } from "@/lib/domain/inscription/brouillon";

export const metadata = { title: "Enfance — Inscription : le récapitulatif" };

export default async function RecapitulatifInscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { usager } = await requireUsager(`/inscriptions/${id}/recapitulatif`);
  const editable = /^[0-9a-f-]{36}$/.test(id) ? await inscriptionEditable(usager.id, id) : null;
  if (!editable) notFound();
  // Step 2 is only reached through ALLER À L'ÉTAPE 2, which checks everything.
  if (editable.demande.etape !== 2) redirect(`/inscriptions/${id}`);
  return (
    <RecapitulatifDemarche
      entete={{ domaine: "Enfance", titre: editable.activite.libelle, duree: "5 mn" }}
      consigne={<p className="mb-6">Je vérifie les informations et je valide ma demande d&apos;inscription.</p>}
      sections={await recapPourUsager(editable.demande)}
      demandeId={id}
      annuler={`/inscriptions/${id}/annuler`}
    />
  );
}
