// A dossier santé as the seed lays it out: MÉDECIN TRAITANT, HABITUDES ALIMENTAIRES, ALLERGIES (and, for an
// update, COMMENTAIRE and the PAI request). The dossier's page, step 2 of the update, the parent's suivi and
// the agents' console show the same; "Aucune information connue." where nothing is known, as in the seed.
import { libellesAllergies, libellesHabitudes, type FicheSante } from "@/lib/domain/sante/schemas";

const INCONNU = "Aucune information connue.";

function Rubrique({ titre, niveau, children }: { titre: string; niveau: 2 | 3; children: React.ReactNode }) {
  const Titre = niveau === 2 ? "h2" : "h3";
  return (
    <section className="mb-6" aria-label={titre}>
      <Titre className="mb-2 bg-stone-100 px-3 py-2 font-bold uppercase">{titre}</Titre>
      <div className="px-3">{children}</div>
    </section>
  );
}

function Liste({ elements }: { elements: string[] }) {
  if (elements.length === 0) return <p>{INCONNU}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {elements.map((element) => (
        <li key={element} className="break-words">
          {element}
        </li>
      ))}
    </ul>
  );
}

export function RecapDossierSante({
  fiche,
  demande = false,
  niveau = 3,
}: {
  fiche: FicheSante | null;
  demande?: boolean;
  niveau?: 2 | 3;
}) {
  const medecin = fiche?.medecin;
  return (
    <div>
      <Rubrique titre="Médecin traitant" niveau={niveau}>
        {medecin ? (
          <p className="break-words">
            {medecin.nom}
            {medecin.commune && <span className="block">{medecin.commune}</span>}
            {medecin.telephone && <span className="block">Téléphone : {medecin.telephone}</span>}
          </p>
        ) : (
          <p>{INCONNU}</p>
        )}
      </Rubrique>
      <Rubrique titre="Habitudes alimentaires" niveau={niveau}>
        <Liste elements={fiche ? libellesHabitudes(fiche) : []} />
      </Rubrique>
      <Rubrique titre="Allergies" niveau={niveau}>
        <Liste elements={fiche ? libellesAllergies(fiche) : []} />
      </Rubrique>
      {(demande || fiche?.commentaire || fiche?.pai) && (
        <Rubrique titre="Commentaire" niveau={niveau}>
          <p className="whitespace-pre-line break-words">{fiche?.commentaire || "Aucun commentaire."}</p>
          <p className="mt-2 font-semibold">Demande de PAI : {fiche?.pai ? "oui" : "non"}</p>
        </Rubrique>
      )}
    </div>
  );
}
