import Link from "next/link";
import { getCommune } from "@/lib/domain/commune/queries";
import { currentSession } from "@/lib/auth/current";

export default async function AccueilPage() {
  const [commune, session] = await Promise.all([getCommune(), currentSession()]);
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-3">
          Portail Famille de {commune.nom}
        </h1>
        <p>
          Faites vos démarches Enfance à distance : déclarez votre famille, inscrivez vos enfants à la restauration
          scolaire et à l&apos;accueil périscolaire, réservez leurs activités et réglez-les en ligne.
        </p>
      </section>
      <section className="carte" aria-labelledby="espace">
        <h2 id="espace" className="mb-3 text-lg font-bold uppercase">
          Mon espace perso
        </h2>
        {session?.kind === "USAGER" ? (
          <Link href="/mon-espace" className="bouton-principal no-underline">
            Mon accueil
          </Link>
        ) : (
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
        )}
      </section>
    </div>
  );
}
