import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireUsager } from "@/lib/auth/current";
import { changerCourrielAction } from "./actions";

export const metadata = { title: "Changement de courriels" };

export default async function ChangementCourrielPage() {
  const { usager } = await requireUsager("/mes-informations/courriel");
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Changement de courriels
      </h1>
      <p className="mb-2">
        Adresse de courriel actuelle : <strong className="break-all">{usager.courriel}</strong>
      </p>
      <p className="mb-6">
        Nous envoyons un lien de confirmation à la nouvelle adresse. Elle remplace l&apos;actuelle une fois le lien
        suivi, et l&apos;ancienne adresse reçoit un avis du changement.
      </p>
      {!usager.passwordHash && (
        // a space opened only with FranceConnect: the change asks for a password it does not have yet
        <p className="mb-6">
          Votre espace n&apos;a pas encore de mot de passe : le changement de courriel le demande. Choisissez-en un avec{" "}
          <Link href="/mot-de-passe-oublie">J&apos;ai oublié mon mot de passe.</Link> (le lien est envoyé à votre
          adresse actuelle), puis revenez ici.
        </p>
      )}
      <ActionForm
        action={changerCourrielAction}
        bouton="Valider"
        champs={[
          {
            kind: "texte",
            name: "courriel",
            label: "Nouvelle adresse de courriel",
            type: "email",
            required: true,
            autoComplete: "email",
            maxLength: 254,
          },
          { kind: "motDePasse", name: "motDePasseActuel", label: "Mot de passe actuel" },
        ]}
      />
      <p className="mt-6">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
