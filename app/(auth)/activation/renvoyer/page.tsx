import { SimpleForm } from "@/components/ui/SimpleForm";
import { renvoyerParCourriel } from "../actions";

export const metadata = { title: "Renvoyer le lien d'activation" };

export default function RenvoyerPage() {
  return (
    <section className="carte mx-auto max-w-lg" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Renvoyer le lien d&apos;activation
      </h1>
      <p className="mb-4">
        Indiquez le courriel donné à la création de votre espace : un nouveau lien, valable 24 heures, y sera envoyé.
      </p>
      <SimpleForm
        action={renvoyerParCourriel}
        bouton="Renvoyer le lien d'activation"
        field={{ name: "courriel", label: "Courriel", type: "email", autoComplete: "email" }}
      />
    </section>
  );
}
