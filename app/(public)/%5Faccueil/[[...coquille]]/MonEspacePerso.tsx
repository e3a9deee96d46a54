"use client";
// The home page is the same for everyone (served from the cache): a parent logged in, as the browser's hint
// says (lib/auth/indice-espace.ts), gets the way to Mon accueil; anyone else the login and the new space.
import Link from "next/link";
import { useIndiceEspace } from "@/components/layout/useIndiceEspace";

export function MonEspacePerso() {
  if (useIndiceEspace() === "usager") {
    return (
      <Link href="/mon-espace" className="bouton-principal no-underline">
        Mon accueil
      </Link>
    );
  }
  return (
    <>
      <p className="mb-4">
        Créez votre espace personnel qui vous donnera accès au tableau de bord de vos demandes existantes, à votre
        espace de stockage sécurisé et à d&apos;autres fonctionnalités facilitant votre relation avec la mairie.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link href="/connexion" className="bouton-principal no-underline">
          Me connecter
        </Link>
        <Link href="/creer-mon-espace" className="bouton-secondaire no-underline">
          Créer mon espace
        </Link>
      </div>
    </>
  );
}
