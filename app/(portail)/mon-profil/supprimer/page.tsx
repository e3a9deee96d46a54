import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { requireUsager } from "@/lib/auth/current";
import { familleDuUsager } from "@/lib/domain/famille/queries";
import { suppressionEnCours } from "@/lib/domain/usager/supprimer";
import { demanderSuppressionAction, supprimerEspaceAction } from "./actions";

export const metadata = { title: "Supprimer mon espace" };

export default async function SupprimerEspacePage() {
  const { usager } = await requireUsager("/mon-profil/supprimer");
  const [famille, enCours] = await Promise.all([familleDuUsager(usager.id), suppressionEnCours(usager.id)]);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Supprimer mon espace
      </h1>
      {!famille ? (
        <>
          <p className="mb-2">
            Votre espace n&apos;est rattaché à aucune famille : vous pouvez le supprimer dès maintenant.
          </p>
          <p className="mb-6">
            Votre identité, vos coordonnées et vos demandes seront effacées, et vous serez déconnecté. Cette suppression
            est définitive : pour revenir, il faudra créer un nouvel espace.
          </p>
          <ActionForm
            action={supprimerEspaceAction}
            bouton="Supprimer définitivement mon espace"
            ton="danger"
            champs={[{ kind: "motDePasse", name: "motDePasseActuel", label: "Mot de passe actuel" }]}
          />
        </>
      ) : (
        <>
          <p className="mb-2">
            Votre espace est rattaché à la famille de clé enfance <strong>{famille.cleEnfance}</strong>. Il ne peut pas
            être supprimé tout de suite : la famille, ses inscriptions et ses factures sont suivies par le service
            Enfance, qui doit d&apos;abord détacher votre espace de la famille.
          </p>
          <p className="mb-6">
            Votre demande est transmise aux agents de la mairie. Une fois acceptée, vous recevez un courriel et pouvez
            supprimer votre espace vous-même depuis cette page.
          </p>
          {enCours ? (
            <Alert kind="info" title={`Votre demande de suppression N° ${enCours} est en cours d'instruction.`}>
              <p>
                <Link href={`/demandes/${enCours}`}>Suivre ma demande</Link>
              </p>
            </Alert>
          ) : (
            <ActionForm
              action={demanderSuppressionAction}
              bouton="Demander la suppression de mon espace"
              champs={[
                { kind: "zoneTexte", name: "motif", label: "Motif (facultatif)", maxLength: 1000 },
                { kind: "motDePasse", name: "motDePasseActuel", label: "Mot de passe actuel" },
              ]}
            />
          )}
        </>
      )}
      <p className="mt-6">
        <Link href="/mon-profil">Retour à mon profil</Link>
      </p>
    </section>
  );
}
