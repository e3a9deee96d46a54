import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { requireUsager } from "@/lib/auth/current";
import { adresseEnLignes, adresseFamilleDuUsager } from "@/lib/domain/famille/changement-adresse";
import { demanderChangementAdresseAction, modifierAdresseAction } from "./actions";

export const metadata = { title: "Changement d'adresses" };

export default async function ChangementAdressePage() {
  const { usager } = await requireUsager("/mes-informations/adresse");
  const famille = await adresseFamilleDuUsager(usager.id);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Changement d&apos;adresses
      </h1>
      {famille ? (
        <>
          <h2 className="mb-2 font-bold uppercase">Adresse actuelle de la famille</h2>
          <address className="mb-4 not-italic">
            {adresseEnLignes(famille.adresse).map((ligne) => (
              <span key={ligne} className="block">
                {ligne}
              </span>
            ))}
          </address>
          {famille.enCours ? (
            <Alert
              kind="info"
              title={`Votre demande de changement d'adresse N° ${famille.enCours} est en cours d'instruction.`}
            >
              <p>
                <Link href={`/demandes/${famille.enCours}`}>Suivre ma demande</Link>
              </p>
            </Alert>
          ) : (
            <>
              <p className="mb-6">
                Un changement d&apos;adresse peut modifier le tarif de votre famille et son secteur scolaire : il est
                transmis aux agents de la mairie, qui le valident. Vous suivez votre demande dans « Mes demandes ».
              </p>
              <ActionForm
                action={demanderChangementAdresseAction}
                bouton="Valider"
                champs={[{ kind: "adresse" }]}
                valeurs={{ pays: "FRANCE" }}
              />
            </>
          )}
        </>
      ) : (
        <>
          <p className="mb-6">L&apos;adresse de votre espace est modifiée dès que vous validez.</p>
          <ActionForm
            action={modifierAdresseAction}
            bouton="Valider"
            champs={[{ kind: "adresse" }]}
            valeurs={{
              adresseNumero: usager.adresseNumero ?? "",
              adresseVoie: usager.adresseVoie ?? "",
              adresseComplement: usager.adresseComplement ?? "",
              codePostal: usager.codePostal ?? "",
              ville: usager.ville ?? "",
              pays: usager.pays ?? "FRANCE",
            }}
          />
        </>
      )}
      <p className="mt-6">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
