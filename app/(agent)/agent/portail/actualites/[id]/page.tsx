// An actualité rewritten by an agent: its title, its text, published or kept as a brouillon.
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAgent } from "@/lib/auth/current";
import { actualite as trouverActualite } from "@/lib/domain/portail/queries";
import { ActualiteForm } from "../../PortailForms";

export const metadata = { title: "Modifier une actualité" };

export default async function ModifierActualitePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAgent();
  const actualite = await trouverActualite((await params).id);
  if (!actualite) notFound();
  return (
    <div>
      <p className="mb-4">
        <Link href="/agent/portail" className="underline">
          Retour aux pages du portail
        </Link>
      </p>
      <h1 className="titre-page mb-2">Modifier une actualité</h1>
      <p className="mb-6">
        {actualite.publieeLe
          ? "Publiée : « Publier » garde sa date de publication."
          : "Brouillon : « Publier » la montre à tous."}
      </p>
      <section className="carte" aria-label="Actualité">
        <ActualiteForm actualite={{ id: actualite.id, titre: actualite.titre, texte: actualite.texte }} />
      </section>
    </div>
  );
}
