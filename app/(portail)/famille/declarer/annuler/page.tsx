import { redirect } from "next/navigation";
import { AnnulerDemarche } from "@/components/wizard/AnnulerDemarche";
import { requireUsager } from "@/lib/auth/current";
import { etatDeclaration } from "@/lib/domain/famille/declaration";

export const metadata = { title: "Annuler la démarche — Ajout de famille" };

// A confirmation before the draft and every person typed in it are deleted.
export default async function AnnulerDeclarationPage() {
  const { usager } = await requireUsager("/famille/declarer/annuler");
  const { editable } = await etatDeclaration(usager.id);
  if (editable?.statut !== "BROUILLON") redirect("/mon-espace");
  return (
    <AnnulerDemarche
      demandeId={editable.id}
      question="Voulez-vous vraiment annuler votre déclaration de famille ? Les informations que vous avez saisies seront supprimées."
      reprendre={{ href: "/famille/declarer", libelle: "Non, reprendre ma déclaration" }}
    />
  );
}
