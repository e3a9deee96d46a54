import Link from "next/link";
import { DemarchesEnfance } from "@/components/layout/DemarchesEnfance";
import { Alert } from "@/components/ui/Alert";
import { SimpleForm } from "@/components/ui/SimpleForm";
import { lienActivation } from "@/lib/domain/usager/activer";
import { activerAction, renvoyerDepuisLien } from "../actions";

export const metadata = { title: "Activation de l'espace", referrer: "no-referrer" };

export default async function ActivationPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ active?: string }>;
}) {
  const [{ token }, { active }] = await Promise.all([params, searchParams]);
  const activation = await lienActivation(token);

  if (activation.status === "valide") {
    return (
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-4">
          Activation de l&apos;espace
        </h1>
        <p className="mb-4">Pour activer votre espace personnel, cliquez sur le bouton ci-dessous.</p>
        <SimpleForm action={activerAction} hidden={{ token }} bouton="Activer mon espace" />
      </section>
    );
  }

  // Just activated by the button above (the POST sends here again).
  if (activation.status === "utilise" && activation.dejaActive && active) {
    return (
      <div className="space-y-6">
        <section className="carte" aria-labelledby="titre">
          <h1 id="titre" className="titre-page mb-4">
            Confirmation d&apos;activation de l&apos;espace
          </h1>
          <div role="status" className="mb-6 space-y-2">
            <p>
              Votre espace a bien été activé pour le nom d&apos;utilisateur <strong>{activation.identifiant}</strong>.
            </p>
            <p>Vous avez désormais accès à toutes les fonctionnalités de l&apos;Espace Citoyens.</p>
          </div>
          <Link href="/" className="bouton-secondaire no-underline">
            Retour à l&apos;accueil
          </Link>
        </section>
        <DemarchesEnfance />
      </div>
    );
  }

  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Activation de l&apos;espace
      </h1>
      {activation.status === "expire" && (
        <>
          <Alert kind="erreur" title="Ce lien d'activation a expiré.">
            <p>
              Un lien d&apos;activation est valable 24 heures. Demandez-en un nouveau : il vous sera envoyé par
              courriel.
            </p>
          </Alert>
          <SimpleForm action={renvoyerDepuisLien} hidden={{ token }} bouton="Renvoyer le lien d'activation" />
        </>
      )}
      {activation.status === "utilise" &&
        (activation.dejaActive ? (
          <Alert kind="info" title="Ce lien a déjà été utilisé : votre espace est activé.">
            <p>
              <Link href="/connexion">Connectez-vous à votre espace</Link>.
            </p>
          </Alert>
        ) : (
          <>
            <Alert kind="erreur" title="Ce lien d'activation a déjà été utilisé." />
            <SimpleForm action={renvoyerDepuisLien} hidden={{ token }} bouton="Renvoyer le lien d'activation" />
          </>
        ))}
      {activation.status === "inconnu" && (
        <Alert kind="erreur" title="Ce lien d'activation n'est pas valable.">
          <p>
            Vérifiez que vous avez copié le lien en entier, ou{" "}
            <Link href="/activation/renvoyer">demandez un nouveau lien d&apos;activation</Link>.
          </p>
        </Alert>
      )}
    </section>
  );
}
