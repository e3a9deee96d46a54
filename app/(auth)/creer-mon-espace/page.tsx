import { StepBar } from "@/components/wizard/StepBar";
import { Alert } from "@/components/ui/Alert";
import { BoutonFranceConnect } from "@/components/franceconnect/BoutonFranceConnect";
import { ETAPES } from "@/lib/domain/usager/schemas";
import { brouillonCourant } from "./brouillon-cookie";
import { commencer } from "./actions";

export const metadata = { title: "Création d'un espace personnel" };

export default async function BienvenuePage({
  searchParams,
}: {
  searchParams: Promise<{ expire?: string; trop?: string }>;
}) {
  const [{ expire, trop }, brouillon] = await Promise.all([searchParams, brouillonCourant()]);
  return (
    <div className="carte">
      <h1 className="titre-page mb-4">Création d&apos;un espace personnel</h1>
      <StepBar steps={ETAPES} current={0} />
      {expire && !brouillon && (
        <Alert kind="info" title="Votre saisie n'est plus disponible.">
          <p>Une saisie commencée est conservée 24 heures. Recommencez la création de votre espace.</p>
        </Alert>
      )}
      {trop && !brouillon && (
        <Alert kind="erreur" title="Trop de créations d'espace ont été commencées depuis votre connexion aujourd'hui.">
          <p>Réessayez demain, ou depuis une autre connexion.</p>
        </Alert>
      )}
      <h2 className="mb-3 text-lg font-bold uppercase text-marque-fonce">Bonjour et bienvenue</h2>
      <p className="mb-2">
        Vous allez dans quelques instants accéder à l&apos;assistant qui vous permettra de créer votre espace citoyen.
      </p>
      <p className="mb-6">
        Grâce à cet espace vous aurez la possibilité de faire vos démarches à distance, de réserver les activités de vos
        enfants et de les régler directement en ligne !
      </p>
      <BoutonFranceConnect />
      <form action={commencer}>
        <button type="submit" className="bouton-principal">
          {brouillon ? "Reprendre la création de mon espace" : "Je crée mon espace"}
        </button>
      </form>
    </div>
  );
}
