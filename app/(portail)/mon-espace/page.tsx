import { DemarchesEnfance } from "@/components/layout/DemarchesEnfance";
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
      <DemarchesEnfance />
    </div>
  );
}
