// ACTIVITÉS, kept by the agents: each activity's description (shown on the public page), the lieux, groupes
// and unités parents choose from, the pièces it asks for, and the school years open to inscriptions.
import Link from "next/link";
import { ChampsObligatoires } from "@/components/ui/Field";
import { requireAgent } from "@/lib/auth/current";
import { catalogue } from "@/lib/domain/inscription/catalogue";
import { PIECES, TYPES_PIECE } from "@/lib/domain/inscription/regles";
import { anneesScolaires } from "@/lib/domain/portail/queries";
import { changerOuvertureAction } from "./actions";
import { DescriptionForm, ElementForm, NouvelElementForm, PiecesForm } from "./ActivitesForms";

export const metadata = { title: "Activités — Pages du portail" };

const TITRE_SECTION = "mb-4 text-lg font-bold uppercase text-marque-fonce";
const LISTE = "divide-y divide-stone-200 border-y border-stone-200";

export default async function ActivitesConsolePage() {
  await requireAgent();
  const [activites, annees] = await Promise.all([catalogue(), anneesScolaires()]);
  return (
    <div>
      <p className="mb-4">
        <Link href="/agent/portail" className="underline">
          Retour aux pages du portail
        </Link>
      </p>
      <h1 className="titre-page mb-2">Activités</h1>
      <ChampsObligatoires />

      <section aria-labelledby="annees" className="carte mb-6">
        <h2 id="annees" className={TITRE_SECTION}>
          Inscriptions ouvertes
        </h2>
        {annees.length === 0 ? (
          <p>Aucune année scolaire.</p>
        ) : (
          <ul className={LISTE}>
            {annees.map((annee) => (
              <li key={annee.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <p>
                  Année scolaire {annee.libelle} :{" "}
                  <strong>{annee.inscriptionsOuvertes ? "inscriptions ouvertes" : "inscriptions fermées"}</strong>
                </p>
                <form action={changerOuvertureAction}>
                  <input type="hidden" name="anneeId" value={annee.id} />
                  <input type="hidden" name="ouvertes" value={annee.inscriptionsOuvertes ? "non" : "oui"} />
                  <button type="submit" className="bouton-secondaire">
                    {annee.inscriptionsOuvertes ? "Fermer les inscriptions" : "Ouvrir les inscriptions"}
                    <span className="sr-only"> {annee.libelle}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      {activites.map((activite) => {
        const exigences = new Map(
          activite.pieces.map((p) => [p.type, p.obligatoire ? ("OBLIGATOIRE" as const) : ("FACULTATIVE" as const)]),
        );
        const listes = [
          {
            sorte: "lieu",
            titre: "Lieux",
            intitule: "Lieu",
            nouveau: "Nouveau lieu",
            bouton: "Ajouter le lieu",
            elements: activite.lieux.map((l) => ({ id: l.id, libelle: l.nom })),
          },
          {
            sorte: "groupe",
            titre: "Groupes",
            intitule: "Groupe",
            nouveau: "Nouveau groupe",
            bouton: "Ajouter le groupe",
            elements: activite.groupes,
          },
          {
            sorte: "unite",
            titre: "Unités",
            intitule: "Unité",
            nouveau: "Nouvelle unité",
            bouton: "Ajouter l'unité",
            elements: activite.unites,
          },
        ] as const;
        return (
          <section key={activite.id} aria-labelledby={`activite-${activite.id}`} className="carte mb-6">
            <h2 id={`activite-${activite.id}`} className={TITRE_SECTION}>
              {activite.libelle}
            </h2>
            <DescriptionForm activiteId={activite.id} description={activite.description} />
            {listes.map((liste) => (
              <div key={liste.sorte} className="mb-6">
                <h3 className="font-bold">{liste.titre}</h3>
                {liste.elements.length > 0 && (
                  <ul className={LISTE}>
                    {liste.elements.map((element, rang) => (
                      <li key={element.id}>
                        <ElementForm
                          sorte={liste.sorte}
                          id={element.id}
                          libelle={element.libelle}
                          intitule={`${liste.intitule} ${rang + 1}`}
                        />
                      </li>
                    ))}
                  </ul>
                )}
                <NouvelElementForm
                  activiteId={activite.id}
                  sorte={liste.sorte}
                  label={liste.nouveau}
                  bouton={liste.bouton}
                />
              </div>
            ))}
            <PiecesForm
              activiteId={activite.id}
              pieces={TYPES_PIECE.map((type) => ({
                type,
                libelle: PIECES[type],
                exigence: exigences.get(type) ?? "NON_DEMANDEE",
              }))}
            />
          </section>
        );
      })}
    </div>
  );
}
