import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { LoginForm } from "@/components/ui/LoginForm";
import { ComptesDemonstration } from "@/components/ui/ComptesDemonstration";
import { apercuActif, comptesDemonstration } from "@/lib/apercu";
import { EntreeFranceConnect } from "@/components/franceconnect/EntreeFranceConnect";
import { currentSession } from "@/lib/auth/current";
import { connexion } from "./actions";

export const metadata = { title: "Mon espace perso" };

export default async function ConnexionPage({
  searchParams,
}: {
  searchParams: Promise<{ suite?: string; deconnecte?: string; reinitialise?: string; erreur?: string }>;
}) {
  const [{ suite, deconnecte, reinitialise, erreur }, session] = await Promise.all([searchParams, currentSession()]);
  if (session?.kind === "USAGER") redirect("/mon-espace");
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section className="carte" aria-labelledby="connexion-titre">
        <h1 id="connexion-titre" className="titre-page mb-2">
          Mon espace perso
        </h1>
        <p className="mb-4 font-semibold uppercase text-marque-fonce">
          La connexion à votre espace personnel est nécessaire.
        </p>
        {deconnecte && <Alert kind="succes" title="Vous êtes déconnecté." />}
        {reinitialise && (
          <Alert kind="succes" title="Votre mot de passe a été modifié. Connectez-vous avec le nouveau." />
        )}
        <EntreeFranceConnect erreur={erreur} />
        <LoginForm action={connexion} suite={suite} motDePasseOublie />
        {apercuActif() && <ComptesDemonstration comptes={comptesDemonstration("usager")} />}
      </section>
      <section className="carte" aria-labelledby="creer-titre">
        <h2 id="creer-titre" className="mb-3 text-lg font-bold uppercase">
          Créer mon espace
        </h2>
        <p className="mb-4">
          Créez votre espace personnel qui vous donnera accès au tableau de bord de vos demandes existantes, à votre
          espace de stockage sécurisé et à d&apos;autres fonctionnalités facilitant votre relation avec la mairie.
        </p>
        <Link href="/creer-mon-espace" className="bouton-principal no-underline">
          Créer mon espace
        </Link>
      </section>
    </div>
  );
}
