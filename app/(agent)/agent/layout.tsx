import Link from "next/link";
import { currentSession } from "@/lib/auth/current";
import { deconnexionAgent } from "./actions";

// The console's frame: its own menu. Each page still authorizes itself (a layout
// is not re-run on every navigation), this one only decides which links to show.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  const agent = session?.kind === "AGENT" && !session.session.mfaEnAttente ? session.agent : null;
  return (
    <div>
      {agent && (
        <nav
          aria-label="Menu de la console"
          className="mb-6 flex flex-col gap-3 border-b border-stone-300 pb-4 sm:flex-row sm:items-center sm:justify-between"
        >
          <ul className="flex flex-wrap gap-x-5 gap-y-2 font-semibold">
            <li>
              <Link href="/agent">Tableau de bord</Link>
            </li>
            <li>
              <Link href="/agent/demandes">Demandes</Link>
            </li>
            <li>
              <Link href="/agent/familles">Familles</Link>
            </li>
            <li>
              <Link href="/agent/reservations/a-valider">Réservations à valider</Link>
            </li>
            <li>
              <Link href="/agent/pointage">Pointage</Link>
            </li>
            <li>
              <Link href="/agent/commande-repas">Commande des repas</Link>
            </li>
            <li>
              <Link href="/agent/fenetres">Périodes de réservation</Link>
            </li>
            <li>
              <Link href="/agent/service-non-assure">Service non assuré</Link>
            </li>
            <li>
              <Link href="/agent/facturation">Facturation</Link>
            </li>
            <li>
              <Link href="/agent/paiements">Paiements</Link>
            </li>
            <li>
              <Link href="/agent/portail">Pages du portail</Link>
            </li>
            {agent.role === "ADMIN" && (
              <>
                <li>
                  <Link href="/agent/agents">Agents</Link>
                </li>
                <li>
                  <Link href="/agent/parametrage">Paramétrage</Link>
                </li>
                <li>
                  <Link href="/agent/tarifs">Tarifs</Link>
                </li>
                <li>
                  <Link href="/agent/prelevements">Prélèvements</Link>
                </li>
                <li>
                  <Link href="/agent/pes">Titres PES</Link>
                </li>
                <li>
                  <Link href="/agent/journal">Journal</Link>
                </li>
              </>
            )}
          </ul>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              {agent.prenom} {agent.nom.toUpperCase()} ({agent.role === "ADMIN" ? "administrateur" : "agent"})
            </span>
            <Link href="/agent/securite">Double authentification</Link>
            <form action={deconnexionAgent}>
              <button type="submit" className="bouton-secondaire">
                Se déconnecter
              </button>
            </form>
          </div>
        </nav>
      )}
      {children}
    </div>
  );
}
