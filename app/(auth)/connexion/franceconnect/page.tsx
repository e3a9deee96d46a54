import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/ui/LoginForm";
import { resumeIdentite } from "@/lib/domain/usager/franceconnect";
import { brouillonCourant } from "@/app/(auth)/creer-mon-espace/brouillon-cookie";
import { associerAction } from "./actions";

export const metadata = { title: "Identifié avec FranceConnect" };

/** After FranceConnect, an identity no space knows yet: link it to an existing space, or create one. */
export default async function FranceConnectInconnuPage() {
  const identite = resumeIdentite(await brouillonCourant());
  if (!identite) redirect("/connexion");
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-2">
          Identifié avec FranceConnect
        </h1>
        <p>
          FranceConnect vous a identifié : <strong>{`${identite.prenoms} ${identite.nom}`}</strong>. Aucun espace
          n&apos;est encore associé à cette identité.
        </p>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="carte" aria-labelledby="deja">
          <h2 id="deja" className="mb-3 text-lg font-bold uppercase">
            J&apos;ai déjà un espace
          </h2>
          <p className="mb-4">
            Connectez-vous une fois avec votre identifiant et votre mot de passe : votre espace sera associé à
            FranceConnect, qui suffira ensuite pour vous connecter.
          </p>
          <LoginForm action={associerAction} motDePasseOublie />
        </section>
        <section className="carte" aria-labelledby="creer">
          <h2 id="creer" className="mb-3 text-lg font-bold uppercase">
            Créer mon espace
          </h2>
          <p className="mb-4">
            Votre identité est reprise de FranceConnect : il vous reste à indiquer votre adresse et vos moyens de
            contact, et à accepter les CGU. Ni identifiant, ni mot de passe, ni contrôle de sécurité : FranceConnect
            suffira pour vous connecter.
          </p>
          <Link href="/creer-mon-espace/cgu" className="bouton-principal no-underline">
            Créer mon espace
          </Link>
        </section>
      </div>
    </div>
  );
}
