import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireUsager } from "@/lib/auth/current";
import { changerMotDePasseAction } from "./actions";

export const metadata = { title: "Changer mon mot de passe" };

export default async function ChangerMotDePassePage() {
  await requireUsager("/mon-profil/mot-de-passe");
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Changer mon mot de passe
      </h1>
      <p className="mb-6">
        Les autres sessions ouvertes avec votre espace (un autre navigateur, un autre appareil) seront fermées.
      </p>
      <ActionForm
        action={changerMotDePasseAction}
        bouton="Valider"
        champs={[
          { kind: "motDePasse", name: "motDePasseActuel", label: "Mot de passe actuel" },
          { kind: "motDePasse", name: "motDePasse", label: "Nouveau mot de passe", nouveau: true, regle: true },
          { kind: "motDePasse", name: "confirmation", label: "Confirmation du mot de passe", nouveau: true },
        ]}
      />
      <p className="mt-6">
        <Link href="/mon-profil">Retour à mon profil</Link>
      </p>
    </section>
  );
}
