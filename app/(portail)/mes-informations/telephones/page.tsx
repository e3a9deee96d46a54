import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireUsager } from "@/lib/auth/current";
import { changerTelephonesAction } from "./actions";

export const metadata = { title: "Changement de téléphones" };

const AIDE = "10 chiffres, par exemple 05 59 44 00 00, ou un numéro international commençant par +.";

export default async function ChangementTelephonesPage() {
  const { usager } = await requireUsager("/mes-informations/telephones");
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Changement de téléphones
      </h1>
      <p className="mb-6">Les numéros de votre espace sont modifiés dès que vous validez.</p>
      <ActionForm
        action={changerTelephonesAction}
        bouton="Valider"
        valeurs={{ telephone: usager.telephone ?? "", mobile: usager.mobile ?? "" }}
        champs={[
          {
            kind: "texte",
            name: "telephone",
            label: "Téléphone",
            type: "tel",
            autoComplete: "tel",
            maxLength: 20,
            hint: AIDE,
          },
          {
            kind: "texte",
            name: "mobile",
            label: "Mobile",
            type: "tel",
            autoComplete: "tel",
            maxLength: 20,
            hint: AIDE,
          },
        ]}
      />
      <p className="mt-6">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
