import { requireAgent } from "@/lib/auth/current";
import { deconnexionAgent } from "./actions";

export const metadata = { title: "Console des agents" };

export default async function ConsolePage() {
  const { agent } = await requireAgent();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Console des agents
      </h1>
      <p className="mb-4">
        Bonjour {agent.prenom} {agent.nom.toUpperCase()} ({agent.role === "ADMIN" ? "administrateur" : "agent"}).
      </p>
      <p className="mb-6">Le tableau de bord des demandes à traiter s&apos;affichera ici.</p>
      <form action={deconnexionAgent}>
        <button type="submit" className="bouton-secondaire">
          Se déconnecter
        </button>
      </form>
    </section>
  );
}
