import { redirect } from "next/navigation";
import { LoginForm } from "@/components/ui/LoginForm";
import { ComptesDemonstration } from "@/components/ui/ComptesDemonstration";
import { apercuActif, comptesDemonstration } from "@/lib/apercu";
import { EntreeSsoAgent } from "@/components/franceconnect/EntreeSsoAgent";
import { currentSession } from "@/lib/auth/current";
import { connexionAgent } from "./actions";

export const metadata = { title: "Console des agents" };

export default async function AgentConnexionPage({ searchParams }: { searchParams: Promise<{ erreur?: string }> }) {
  const [{ erreur }, session] = await Promise.all([searchParams, currentSession()]);
  if (session?.kind === "AGENT") redirect(session.session.mfaEnAttente ? "/agent/connexion/code" : "/agent");
  return (
    <section className="carte mx-auto max-w-lg" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Console des agents
      </h1>
      <p className="mb-4">Connexion réservée aux agents de la mairie.</p>
      <EntreeSsoAgent erreur={erreur} />
      <LoginForm action={connexionAgent} />
      {apercuActif() && <ComptesDemonstration comptes={comptesDemonstration("agent")} />}
    </section>
  );
}
