import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireUsager } from "@/lib/auth/current";
import { CIVILITES } from "@/lib/domain/usager/schemas";
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
        champs={[
          { kind: "choix", name: "civilite", label: "Civilité", options: CIVILITES, required: true },
          {
            kind: "texte",
            name: "nomUsage",
            label: "Nom usuel",
            required: true,
            autoComplete: "family-name",
            maxLength: 100,
          },
          { kind: "texte", name: "nomNaissance", label: "Nom de naissance", maxLength: 100 },
          {
            kind: "texte",
            name: "prenoms",
            label: "Prénom(s)",
            required: true,
            autoComplete: "given-name",
            maxLength: 100,
          },
          { kind: "texte", name: "dateNaissance", label: "Date de naissance", type: "date", autoComplete: "bday" },
          { kind: "texte", name: "paysNaissance", label: "Pays de naissance", maxLength: 100 },
          { kind: "texte", name: "departementNaissance", label: "Département de naissance", maxLength: 100 },
          { kind: "texte", name: "communeNaissance", label: "Commune de naissance", maxLength: 100 },
        ]}
      />
      <p className="mt-6">
        <Link href="/mon-profil">Retour à mon profil</Link>
      </p>
    </section>
  );
}
