import Link from "next/link";
import { euros } from "@/lib/argent/argent";
import { rechercherFamilles } from "@/lib/domain/paiement/queries";

/** « 28,45 € dus », « avoir de 20,00 € », « à jour »: a family's balance as an agent reads it at the counter. */
function solde(centimes: number) {
  if (centimes > 0) return `${euros(centimes)} dus`;
  if (centimes < 0) return `avoir de ${euros(-centimes)}`;
  return "à jour";
}

/**
 * The search for a family at the counter (a GET form: the address keeps the search, the back button finds it
 * again), then the families found with their balance, each leading to the payment form.
 */
export async function RechercheFamille({ q }: { q: string }) {
  const familles = q ? await rechercherFamilles(q) : [];
  return (
    <>
      <form
        method="get"
        action="/agent/paiements#resultats"
        role="search"
        className="mb-4"
        aria-label="Recherche d’une famille"
      >
        <label htmlFor="q" className="mb-1 block font-semibold">
          Chercher une famille
        </label>
        <p id="q-aide" className="mb-2 text-sm">
          Nom ou prénom d&apos;un parent ou d&apos;un enfant, clé enfance, ou numéro de facture (FA-2026-000123).
        </p>
        <div className="flex flex-wrap gap-2">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            autoComplete="off"
            aria-describedby="q-aide"
            className="champ max-w-md flex-1"
          />
          <button type="submit" className="bouton-principal">
            Chercher
          </button>
        </div>
      </form>
      {q && (
        <div className="mb-6">
          <h2 id="resultats" tabIndex={-1} className="mb-2 text-lg font-bold">
            {familles.length === 0
              ? `Aucune famille trouvée pour « ${q} »`
              : familles.length === 1
                ? `1 famille trouvée pour « ${q} »`
                : `${familles.length} familles trouvées pour « ${q} »`}
          </h2>
          <ul className="divide-y divide-stone-200">
            {familles.map((f) => (
              <li key={f.id} className="py-2">
                <p className="font-semibold">
                  {f.nom} ({f.cleEnfance}) — {solde(f.soldeCentimes)}
                </p>
                {f.enfants.length > 0 && <p className="text-sm">Enfants : {f.enfants.join(", ")}</p>}
                <p className="flex flex-wrap gap-x-5 gap-y-1">
                  {f.facture && (
                    <Link href={`/agent/paiements/nouveau?facture=${f.facture.numero}`}>
                      Enregistrer un paiement de la facture {f.facture.numero} (reste {euros(f.facture.resteCentimes)})
                    </Link>
                  )}
                  <Link href={`/agent/paiements/nouveau?famille=${f.id}`}>
                    Enregistrer un paiement<span className="sr-only"> de la famille {f.nom}</span>
                  </Link>
                  <Link href={`/agent/facturation/familles/${f.id}`}>
                    Compte de la famille<span className="sr-only"> {f.nom}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
