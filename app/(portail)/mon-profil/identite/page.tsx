import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireUsager } from "@/lib/auth/current";
import { modifierIdentiteAction } from "./actions";

export const metadata = { title: "Modifier mon espace" };

export default async function ModifierIdentitePage() {
  const { usager: u } = await requireUsager("/mon-profil/identite");
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Modifier mon espace
      </h1>
      <h2 className="mb-4 text-lg font-bold uppercase">Identité</h2>
      <ActionForm
        action={modifierIdentiteAction}
        bouton="Valider"
        valeurs={{
          civilite: u.civilite,
          nomUsage: u.nomUsage,
          nomNaissance: u.nomNaissance ?? "",
          prenoms: u.prenoms,
          dateNaissance: u.dateNaissance?.toISOString().slice(0, 10) ?? "",
          paysNaissance: u.paysNaissance ?? "",
          departementNaissance: u.departementNaissance ?? "",
          communeNaissance: u.communeNaissance ?? "",
        }}
        champs={[{ kind: "identite" }]}
      />
      <p className="mt-6">
        <Link href="/mon-profil">Retour à mon profil</Link>
      </p>
    </section>
  );
}
