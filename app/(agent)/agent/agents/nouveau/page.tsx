import Link from "next/link";
import { requireAgent } from "@/lib/auth/current";
import { FormulaireAgent } from "./FormulaireAgent";

export const metadata = { title: "Créer un agent" };

export default async function NouvelAgentPage() {
  await requireAgent("ADMIN");
  return (
    <section className="carte max-w-2xl" aria-labelledby="titre">
      <p className="mb-2">
        <Link href="/agent/agents">Retour à la liste des agents</Link>
      </p>
      <h1 id="titre" className="titre-page mb-4">
        Créer un agent
      </h1>
      <p className="mb-4">
        Transmettez le mot de passe initial à l&apos;agent par un moyen sûr (de vive voix, par exemple), jamais par
        courriel.
      </p>
      <FormulaireAgent />
    </section>
  );
}
