// A Changement d'adresse: the family's address when it was asked, beside the new one.
import { lireChangementAdresse } from "@/lib/domain/famille/changement-adresse";

export function RecapChangementAdresse({ donnees }: { donnees: unknown }) {
  const changement = lireChangementAdresse(donnees);
  if (!changement) return <p>Cette demande ne contient pas d&apos;adresse complète.</p>;
  const a = changement.adresse;
  const nouvelle = [
    [a.adresseNumero, a.adresseVoie].filter(Boolean).join(" "),
    [
      a.adresseBatiment && `Bâtiment ${a.adresseBatiment}`,
      a.adresseAppartement && `Appartement ${a.adresseAppartement}`,
    ]
      .filter(Boolean)
      .join(", "),
    a.adresseComplement,
    `${a.codePostal} ${a.ville}`,
    a.pays,
  ].filter(Boolean);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="adresse-ancienne">
        <h3 id="adresse-ancienne" className="mb-2 bg-stone-100 px-3 py-2 font-bold uppercase">
          Adresse actuelle
        </h3>
        <p className="px-3">{changement.ancienne || "—"}</p>
      </section>
      <section aria-labelledby="adresse-nouvelle">
        <h3 id="adresse-nouvelle" className="mb-2 bg-stone-100 px-3 py-2 font-bold uppercase">
          Nouvelle adresse
        </h3>
        <address className="px-3 not-italic">
          {nouvelle.map((ligne) => (
            <span key={ligne} className="block">
              {ligne}
            </span>
          ))}
          {a.codeInsee && (
            <span className="block text-sm text-stone-700">
              Code INSEE {a.codeInsee} (adresse de la base nationale)
            </span>
          )}
        </address>
      </section>
    </div>
  );
}
