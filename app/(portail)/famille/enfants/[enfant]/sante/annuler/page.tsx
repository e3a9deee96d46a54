import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { annulerDossierSante } from "../actions";

export const metadata = { title: "Annuler la démarche — Dossier santé" };

// A confirmation before the draft (and what it holds) is deleted.
export default async function AnnulerSantePage({ params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/sante/annuler`);
  const dossier = await dossierSanteDuUsager(usager.id, enfantId);
  if (!dossier) notFound();
  if (dossier.editable?.statut !== "BROUILLON") redirect(`/famille/enfants/${dossier.enfant.id}/sante`);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Annuler la démarche
      </h1>
      <p className="mb-6">
        Voulez-vous vraiment annuler la mise à jour du dossier santé de {dossier.enfant.prenoms} ? Les informations que
        vous avez saisies seront supprimées.
      </p>
      <form action={annulerDossierSante.bind(null, dossier.enfant.id)} className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" className="bouton-principal">
          Oui, annuler la démarche
        </button>
        <Link
          href={`/famille/enfants/${dossier.enfant.id}/sante/mettre-a-jour`}
          className="bouton-secondaire no-underline"
        >
          Non, reprendre ma mise à jour
        </Link>
      </form>
    </section>
  );
}
