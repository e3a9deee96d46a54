import Link from "next/link";
import { requireUsager } from "@/lib/auth/current";
import { dateHeure } from "@/lib/dates";

export const metadata = { title: "Mon accueil" };

export default async function MonAccueilPage() {
  const { usager } = await requireUsager("/mon-espace");
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="bonjour">
        <h1 id="bonjour" className="text-xl font-bold sm:text-2xl">
          Bonjour {usager.prenoms} {usager.nomUsage.toUpperCase()}
        </h1>
        {usager.previousLoginAt && <p className="mt-1 text-stone-700">Dernière connexion le {dateHeure(usager.previousLoginAt)}</p>}
      </section>
      <section className="carte" aria-labelledby="enfance">
        <h2 id="enfance" className="mb-2 text-lg font-bold uppercase">
          Accéder aux démarches Enfance
        </h2>
        <p>Vous avez la possibilité d&apos;accéder aux démarches Enfance.</p>
        <p className="mb-4">Votre famille est inconnue du service Enfance.</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href="/famille/declarer" className="bouton-principal no-underline">
            Déclarer ma famille
          </Link>
          <Link href="/mon-profil" className="bouton-secondaire no-underline">
            Accéder à mon profil
          </Link>
        </div>
      </section>
    </div>
  );
}
