import { requireAgent } from "@/lib/auth/current";

export const metadata = { title: "Console des agents" };

// The tableau de bord (counts and the queue "À traiter") comes with the instruction pages.
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
    </section>
  );
}
