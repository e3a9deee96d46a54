import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { euros } from "@/lib/argent/argent";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import { avoirsAEnvoyer, bordereaux, moisFactures } from "@/lib/domain/pes/queries";
import { LIBELLES_STATUT } from "@/lib/domain/pes/reponses";
import { genererBordereauAction } from "./actions";

export const metadata = { title: "Titres PES" };

// Administrators: the invoiced months' titres de recettes for the comptable public (PES V2 ORMC files), the
// bordereaux already made with the comptable's answers, and the link to the PES settings.
export default async function PesPage() {
  await requireAgent("ADMIN");
  const [mois, liste, avoirs] = await Promise.all([moisFactures(), bordereaux(), avoirsAEnvoyer()]);
  const aEnvoyer = mois.filter((m) => m.aEnvoyer > 0);
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-2">
          Titres de recettes (PES V2)
        </h1>
        <p className="mb-2">
          Chaque mois facturé devient un bordereau de titres de recettes pour le comptable public (Hélios) : une pièce
          par facture avec ses lignes et leurs jours, la famille redevable et son adresse, le prélèvement pour une
          famille qui paie par prélèvement, et les avoirs en titres de réduction. Une facture ou un avoir n&apos;est
          transmis qu&apos;une fois : un nouveau bordereau du même mois ne reprend que ce qui est nouveau.
        </p>
        <p className="mb-4">
          <Link href="/agent/pes/parametres">Paramètres PES</Link> : les codes comptables de la commune, à faire
          confirmer par son comptable public.
        </p>
        <h2 className="mb-2 font-bold">Générer le bordereau PES</h2>
        {mois.length === 0 ? (
          <p>Aucun mois n&apos;est encore facturé.</p>
        ) : (
          // every invoiced month stays listed: after a generation the form keeps its answer in view
          <ActionForm
            action={genererBordereauAction}
            bouton="Générer le bordereau PES"
            champs={[
              {
                kind: "choix",
                name: "mois",
                label: "Mois facturé",
                required: true,
                options: Object.fromEntries(
                  mois.map((m) => [
                    m.mois.slice(0, 7),
                    `${moisEnClair(m.mois)} : ${m.aEnvoyer > 0 ? `${m.aEnvoyer} facture${m.aEnvoyer > 1 ? "s" : ""} à transmettre` : "tout est transmis"}`,
                  ]),
                ),
              },
            ]}
            valeurs={{ mois: (aEnvoyer[0] ?? mois[0])!.mois.slice(0, 7) }}
          />
        )}
        {avoirs > 0 && (
          <p className="mt-2 text-sm">
            {avoirs} avoir{avoirs > 1 ? "s" : ""} en attente partira avec le prochain bordereau, en titre de réduction.
          </p>
        )}
      </section>
      <section className="carte" aria-labelledby="bordereaux">
        <h2 id="bordereaux" className="mb-2 text-lg font-bold uppercase">
          Bordereaux
        </h2>
        {liste.length === 0 ? (
          <p>Aucun bordereau pour l&apos;instant.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">Bordereaux PES, du plus récent au plus ancien</caption>
              <thead>
                <tr>
                  <th scope="col">Bordereau</th>
                  <th scope="col">Mois</th>
                  <th scope="col">Créé le</th>
                  <th scope="col">Pièces</th>
                  <th scope="col">Montant</th>
                  <th scope="col">Réponses du comptable</th>
                </tr>
              </thead>
              <tbody>
                {liste.map((b) => (
                  <tr key={b.id} className="border-t border-stone-200">
                    <td>
                      <Link href={`/agent/pes/${b.id}`}>
                        {b.exer} n° {b.numero}
                      </Link>
                    </td>
                    <td>{moisEnClair(b.mois.toISOString().slice(0, 10))}</td>
                    <td>{dateFr(b.creeLe)}</td>
                    <td>{b.nombrePieces}</td>
                    <td>{euros(b.montantCentimes)}</td>
                    <td>
                      {Object.entries(b.etats)
                        .map(([statut, n]) => `${LIBELLES_STATUT[statut as keyof typeof LIBELLES_STATUT]} : ${n}`)
                        .join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
