import { DemarchesEnfance } from "@/components/layout/DemarchesEnfance";
import { MesDemandes } from "@/components/demande/MesDemandes";
import { MesInformations } from "@/components/layout/MesInformations";
import { requireUsager } from "@/lib/auth/current";
import { dateHeure, formatParis } from "@/lib/dates";
import { mesDemandes } from "@/lib/domain/demande/queries";
import { etatDeclaration } from "@/lib/domain/famille/declaration";
import { familleDuUsager } from "@/lib/domain/famille/queries";

export const metadata = { title: "Mon accueil" };

export default async function MonAccueilPage() {
  const { usager } = await requireUsager("/mon-espace");
  const [famille, demandes, declaration] = await Promise.all([familleDuUsager(usager.id), mesDemandes(usager.id), etatDeclaration(usager.id)]);
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="bonjour">
        <h1 id="bonjour" className="text-xl font-bold sm:text-2xl">
          Bonjour {usager.prenoms} {usager.nomUsage.toUpperCase()}
        </h1>
        {usager.previousLoginAt && <p className="mt-1 text-stone-700">Dernière connexion le {dateHeure(usager.previousLoginAt)}</p>}
      </section>
      {famille ? (
        <section className="carte" aria-labelledby="ma-famille">
          <h2 id="ma-famille" className="mb-2 text-lg font-bold uppercase">
            Ma famille
          </h2>
          <p className="mb-4 text-sm">
            Clé enfance : <strong>{famille.cleEnfance}</strong>
          </p>
          <ul className="grid gap-3 sm:grid-cols-2">
            {famille.enfants.map(({ enfant }) => (
              <li key={enfant.id} className="rounded-md border border-stone-300 p-3">
                <p className="font-bold">
                  {enfant.prenoms} {enfant.nom.toUpperCase()}
                </p>
                <p className="text-sm">Né(e) le {formatParis(enfant.dateNaissance, "dd/MM/yyyy")}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <DemarchesEnfance brouillon={declaration.editable?.statut === "BROUILLON"} enAttente={declaration.enAttente?.numero ?? null} />
      )}
      <MesDemandes demandes={demandes} />
      <MesInformations />
    </div>
  );
}
