import Link from "next/link";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";

export const metadata = { title: "Espace supprimé" };

// Served from the cache (lib/coquille.ts).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

// Where "Supprimer mon espace" ends: the session is over and the space no longer exists.
export default async function EspaceSupprimePage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Espace supprimé
      </h1>
      <p className="mb-6" role="status">
        Votre espace personnel a été supprimé et vous êtes déconnecté. Merci d&apos;avoir utilisé le portail famille.
      </p>
      <Link href="/" className="bouton-secondaire no-underline">
        Retour à l&apos;accueil
      </Link>
    </section>
  );
}
