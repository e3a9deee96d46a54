// Every démarche's recap, drawn from the sections its definition produces (lib/domain/demande/demarche.ts):
// step 2 of a wizard, the parent's "La demande" tab, the agents' console and the dossier santé's page.
import type { SectionRecap } from "@/lib/domain/demande/demarche";

function Section({ section, niveau }: { section: SectionRecap; niveau: 2 | 3 }) {
  const Titre = niveau === 2 ? "h2" : "h3";
  const { titre, lignes = [], texte = [], liste, vide } = section;
  const rien = lignes.length === 0 && texte.length === 0 && (liste?.length ?? 0) === 0;
  return (
    <section className="mb-6" aria-label={titre}>
      <Titre className="mb-2 bg-stone-100 px-3 py-2 font-bold uppercase">{titre}</Titre>
      {texte.map((paragraphe, rang) => (
        <p key={rang} className="whitespace-pre-line break-words px-3 py-1">
          {paragraphe}
        </p>
      ))}
      {liste && liste.length > 0 && (
        <ul className="list-disc space-y-1 pl-8">
          {liste.map((element) => (
            <li key={element} className="break-words">
              {element}
            </li>
          ))}
        </ul>
      )}
      {lignes.length > 0 && (
        <table className="w-full table-fixed border-collapse">
          <tbody>
            {lignes.map((ligne, rang) => (
              <tr key={rang} className="border-b border-stone-200">
                <th scope="row" className="w-2/5 px-3 py-2 text-left align-top font-semibold">
                  {ligne.libelle}
                </th>
                <td className="px-3 py-2 break-words">
                  {ligne.href && ligne.valeur ? (
                    <a href={ligne.href} target="_blank" rel="noopener">
                      {ligne.valeur}
                    </a>
                  ) : (
                    ligne.valeur || "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rien && vide && <p className="px-3">{vide}</p>}
    </section>
  );
}

export function Recap({ sections, niveau = 3 }: { sections: SectionRecap[]; niveau?: 2 | 3 }) {
  return (
    <div>
      {sections.map((section, rang) => (
        <Section key={`${rang}-${section.titre}`} section={section} niveau={niveau} />
      ))}
    </div>
  );
}
