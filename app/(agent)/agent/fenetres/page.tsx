import Link from "next/link";
import { requireAgent } from "@/lib/auth/current";
import { fenetresConsole } from "@/lib/domain/fenetre/queries";
import { collecteDeLaFenetre, joursDeLaFenetre } from "@/components/fenetre/texte";

export const metadata = { title: "Périodes de réservation" };

// PÉRIODES DE RÉSERVATION: the booking windows (« du 1er au 15 juin ») of the units with a capacity, each with its
// state, its dates, its units and the requests collected so far (children who asked); a window opens its detail.
export default async function FenetresPage() {
  await requireAgent();
  const fenetres = await fenetresConsole();
  return (
    <div className="space-y-6">
      <h1 className="titre-page">Périodes de réservation</h1>
      <p>
        Pendant une période de réservation, toutes les demandes reçues sont traitées ensemble à la clôture, par
        priorités puis tirage au sort : arriver à l&apos;ouverture ne donne aucun avantage. Sans capacité, les
        réservations restent au premier arrivé.
      </p>
      <p>
        <Link href="/agent/fenetres/nouvelle" className="bouton-principal inline-block">
          Créer une période de réservation
        </Link>
      </p>
      {fenetres.length === 0 ? (
        <p>Aucune période de réservation.</p>
      ) : (
        <ul className="space-y-3">
          {fenetres.map((f) => (
            <li key={f.id} className="rounded-md border border-stone-300 p-3">
              <p className="font-semibold">
                <Link href={`/agent/fenetres/${f.id}`}>{f.libelle}</Link> — {f.etat}
              </p>
              <p className="text-sm">
                Jours {joursDeLaFenetre(f, true)} · demandes {collecteDeLaFenetre(f, true)}
              </p>
              <p className="text-sm">
                {f.unites.map((u) => `${u.libelle} (${u.capacite ?? "sans"} places)`).join(", ")} · {f.demandes}{" "}
                {f.demandes > 1 ? "enfants ont demandé" : "enfant a demandé"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
