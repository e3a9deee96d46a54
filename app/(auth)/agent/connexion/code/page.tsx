import { redirect } from "next/navigation";
import { requireAgentSession } from "@/lib/auth/current";
import { CodeForm } from "./CodeForm";
import { abandonnerConnexion } from "./actions";

export const metadata = { title: "Code de vérification" };

// The second step of an agent's login: the session opened by the password opens nothing else.
export default async function CodePage({ searchParams }: { searchParams: Promise<{ suite?: string }> }) {
  const { agent, session } = await requireAgentSession();
  if (!session.mfaEnAttente) redirect("/agent");
  if (!agent.totpActiveAt) redirect("/agent/securite");
  const { suite } = await searchParams;
  return (
    <section className="carte mx-auto max-w-lg" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Code de vérification
      </h1>
      <p className="mb-4">
        Bonjour {agent.prenom} {agent.nom.toUpperCase()}. Pour terminer la connexion, saisissez le code à 6 chiffres
        affiché par votre application d&apos;authentification.
      </p>
      <CodeForm suite={suite ?? ""} />
      <form action={abandonnerConnexion} className="mt-6">
        <button type="submit" className="bouton-secondaire">
          Changer de compte
        </button>
      </form>
    </section>
  );
}
