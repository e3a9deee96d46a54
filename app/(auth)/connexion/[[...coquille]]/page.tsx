// The citizens' login page, served from Next's cache: it has nothing of the request to render (issue 14), so it
// is rendered at its first request (never at build time: no database then), kept, and served again as is until
// `revalidate` seconds pass or the commune changes (its frame reads it under the tag `commune`). The optional
// catch-all with no static params is what makes Next render a fixed path on demand and then cache it; any
// deeper path is a 404 (answered by the proxy, so that nothing fills the cache, see proxy.ts).
//
// What depends on the visitor is done in the browser: the messages of the address (déconnecté, mot de passe
// modifié, refus FranceConnect) and `suite`, and a logged-in parent sent on to Mon accueil. Without JavaScript
// the login itself still works, `suite` included (lib/auth/login-form.ts reads it from the Referer).
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/ui/LoginForm";
import { ComptesDemonstration } from "@/components/ui/ComptesDemonstration";
import { apercuActif, comptesDemonstration } from "@/lib/apercu";
import { BoutonFranceConnect } from "@/components/franceconnect/BoutonFranceConnect";
import { connexion } from "../actions";
import { MessagesConnexion } from "./MessagesConnexion";
import { VersMonEspace } from "./VersMonEspace";

export const metadata = { title: "Mon espace perso" };

// Seconds: other nodes behind a load balancer see a change of the commune within this (lib/domain/commune/gabarit.ts)
export const revalidate = 30;
export const dynamicParams = true;
export function generateStaticParams(): { coquille?: string[] }[] {
  return [];
}

export default async function ConnexionPage({ params }: { params: Promise<{ coquille?: string[] }> }) {
  if ((await params).coquille) notFound();
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
        <LoginForm action={connexion} suiteDeLAdresse motDePasseOublie />
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
