import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { SimpleForm } from "@/components/ui/SimpleForm";
import { requireUsager } from "@/lib/auth/current";
import { lienChangementCourriel } from "@/lib/domain/usager/courriel";
import { confirmerCourrielAction } from "./actions";

export const metadata = { title: "Confirmation du changement de courriel", referrer: "no-referrer" };

// The link of the mail sent to the new address. Only the space that asked sees it (after its login, when the
// link is opened elsewhere); for any other, the link does not exist.
export default async function ConfirmerCourrielPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { usager } = await requireUsager(`/mes-informations/courriel/confirmer/${token}`);
  const lien = await lienChangementCourriel(usager.id, token);
  if (!lien) notFound();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Confirmation du changement de courriel
      </h1>
      {lien.status === "utilise" && lien.courriel.toLowerCase() === usager.courrielNormalise ? (
        // the page shown again after the button (or the link followed twice): the change is done
        <Alert kind="succes" title={`Votre adresse de courriel est désormais ${lien.courriel}.`} />
      ) : lien.status === "valide" ? (
        <>
          <p className="mb-6">
            La nouvelle adresse de courriel de votre espace sera <strong className="break-all">{lien.courriel}</strong>.
          </p>
          <SimpleForm action={confirmerCourrielAction} hidden={{ token }} bouton="Confirmer ma nouvelle adresse" />
        </>
      ) : (
        <Alert
          kind="erreur"
          title={
            lien.status === "expire" ? "Ce lien a expiré : il était valable 24 heures." : "Ce lien a déjà été utilisé."
          }
        >
          <p>
            <Link href="/mes-informations/courriel">Demander un nouveau changement de courriel</Link>
          </p>
        </Alert>
      )}
      <p className="mt-6">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
