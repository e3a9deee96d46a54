import { SimpleForm } from "@/components/ui/SimpleForm";
import { demanderLien } from "./actions";

export const metadata = { title: "Mot de passe oublié" };

export default function MotDePasseOubliePage() {
  return (
    <section className="carte mx-auto max-w-lg" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Mot de passe oublié
      </h1>
      <p className="mb-4">
        Indiquez votre identifiant ou votre courriel : vous recevrez un lien pour choisir un nouveau mot de passe.
      </p>
      <SimpleForm
        action={demanderLien}
        bouton="Recevoir le lien"
        altcha
        field={{ name: "identifiantOuCourriel", label: "Identifiant ou courriel", autoComplete: "username" }}
      />
    </section>
  );
}
