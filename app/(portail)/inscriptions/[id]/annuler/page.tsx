import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { inscriptionEditable } from "@/lib/domain/inscription/brouillon";
import { annulerInscriptionAction } from "../../actions";

export const metadata = { title: "Annuler la démarche — Inscription" };

// A confirmation before the draft is deleted (the documents sent stay in Mes documents).
export default async function AnnulerInscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { usager } = await requireUsager(`/inscriptions/${id}/annuler`);
  const editable = /^[0-9a-f-]{36}$/.test(id) ? await inscriptionEditable(usager.id, id) : null;
  if (editable?.demande.statut !== "BROUILLON") notFound();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Annuler la démarche
      </h1>
      <p className="mb-6">
        Voulez-vous vraiment annuler votre demande « {editable.activite.libelle} » pour {editable.enfant.prenoms} ? Les
        réponses saisies seront supprimées ; les documents envoyés restent dans Mes documents.
      </p>
      <form action={annulerInscriptionAction.bind(null, id)} className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" className="bouton-principal">
          Oui, annuler la démarche
        </button>
        <Link href={`/inscriptions/${id}`} className="bouton-secondaire no-underline">
          Non, reprendre ma demande
        </Link>
      </form>
    </section>
  );
}
