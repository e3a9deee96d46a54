import Link from "next/link";
import { dateHeure } from "@/lib/temps/dates";
import { requireAgent } from "@/lib/auth/current";
import { listeAgents } from "@/lib/domain/agent/queries";
import { ROLES } from "@/lib/domain/agent/schemas";

export const metadata = { title: "Agents" };

export default async function AgentsPage() {
  await requireAgent("ADMIN");
  const agents = await listeAgents();
  return (
    <section className="carte" aria-labelledby="titre">
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h1 id="titre" className="titre-page">
          Agents
        </h1>
        <Link href="/agent/agents/nouveau" className="bouton-principal no-underline">
          Créer un agent
        </Link>
      </div>
      {/* A list of cards rather than a table: six columns do not fit 360 px without a horizontal scroll. */}
      <ul className="grid gap-3 md:grid-cols-2">
        {agents.map((agent) => (
          <li key={agent.id} className="rounded-md border border-stone-300 p-4">
            <h2 className="mb-2 text-lg font-bold">
              <Link href={`/agent/agents/${agent.id}`}>
                {agent.prenom} {agent.nom.toUpperCase()}
              </Link>
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-semibold">Identifiant</dt>
              <dd className="break-all">{agent.identifiant}</dd>
              <dt className="font-semibold">Rôle</dt>
              <dd>{ROLES[agent.role]}</dd>
              <dt className="font-semibold">Compte</dt>
              <dd>{agent.active ? "Actif" : <strong className="text-red-800">Désactivé</strong>}</dd>
              <dt className="font-semibold">Double authentification</dt>
              <dd>{agent.totpActiveAt ? "Activée" : "Non activée"}</dd>
              <dt className="font-semibold">Dernière connexion</dt>
              <dd>{agent.lastLoginAt ? dateHeure(agent.lastLoginAt) : "Jamais"}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
