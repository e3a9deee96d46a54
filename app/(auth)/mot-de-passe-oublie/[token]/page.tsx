import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { lienReinitialisationValide } from "@/lib/domain/usager/mot-de-passe";
import { NouveauMotDePasseForm } from "./NouveauMotDePasseForm";

export const metadata = { title: "Nouveau mot de passe", referrer: "no-referrer" };

export default async function NouveauMotDePassePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await lienReinitialisationValide(token);
  return (
    <section className="carte mx-auto max-w-lg" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Nouveau mot de passe
      </h1>
      {status === "valide" ? (
        <>
          <p className="mb-4">
            Choisissez votre nouveau mot de passe. Toutes vos autres connexions ouvertes seront fermées.
          </p>
          <NouveauMotDePasseForm token={token} />
        </>
      ) : (
        <Alert
          kind="erreur"
          title={
            status === "utilise"
              ? "Ce lien a déjà été utilisé."
              : status === "expire"
                ? "Ce lien a expiré (il était valable 1 heure)."
                : "Ce lien n'est pas valable."
          }
        >
          <p>
            <Link href="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        </Alert>
      )}
    </section>
  );
}
