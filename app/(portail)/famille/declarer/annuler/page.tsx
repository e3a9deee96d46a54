import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { etatDeclaration } from "@/lib/domain/famille/declaration";
import { annulerDeclaration } from "../actions";

export const metadata = { title: "Annuler la démarche — Ajout de famille" };

// A confirmation before the draft and every person typed in it are deleted.
export default async function AnnulerDeclarationPage() {
  const { usager } = await requireUsager("/famille/declarer/annuler");
  const { editable } = await etatDeclaration(usager.id);
  if (editable?.statut !== "BROUILLON") redirect("/mon-espace");
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Annuler la démarche
      </h1>
      <p className="mb-6">
        Voulez-vous vraiment annuler votre déclaration de famille ? Les informations que vous avez saisies seront
        supprimées.
      </p>
      <form action={annulerDeclaration} className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" className="bouton-principal">
          Oui, annuler la démarche
        </button>
        <Link href="/famille/declarer" className="bouton-secondaire no-underline">
          Non, reprendre ma déclaration
        </Link>
      </form>
    </section>
  );
}
