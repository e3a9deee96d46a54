// The citizens' login page, served from Next's cache (lib/coquille.ts): it has nothing of the request to render
// (issue 14).
//
// What depends on the visitor is done in the browser: the messages of the address (déconnecté, mot de passe
// modifié, refus FranceConnect) and `suite`, and a logged-in parent sent on to Mon accueil. Without JavaScript
// the login itself still works, `suite` included (lib/auth/login-form.ts reads it from the Referer).
import Link from "next/link";
import { Suspense } from "react";
import { LoginForm } from "@/components/ui/LoginForm";
import { ComptesDemonstration } from "@/components/ui/ComptesDemonstration";
import { apercuActif, comptesDemonstration } from "@/lib/apercu";
import { BoutonFranceConnect } from "@/components/franceconnect/BoutonFranceConnect";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";
import { connexion } from "../actions";
import { MessagesConnexion } from "./MessagesConnexion";
import { VersMonEspace } from "./VersMonEspace";

export const metadata = { title: "Mon espace perso" };

export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

export default async function ConnexionPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <VersMonEspace />
      <section className="carte" aria-labelledby="connexion-titre">
        <h1 id="connexion-titre" className="titre-page mb-2">
          Mon espace perso
        </h1>
        <p className="mb-4 font-semibold uppercase text-marque-fonce">
          La connexion à votre espace personnel est nécessaire.
        </p>
        <Suspense>
          <MessagesConnexion />
        </Suspense>
        <BoutonFranceConnect />
        <LoginForm action={connexion} suiteDeLAdresse motDePasseOublie seSouvenir />
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
