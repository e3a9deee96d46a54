// After an inscription's deposit, the seed's two notices: when reservations open (the school year's date),
// and the dossier santé not to forget.
import { anneeScolaire } from "@/lib/domain/inscription/catalogue";
import { lireDonnees } from "@/lib/domain/inscription/regles";
import { ouvertureEnLettres } from "@/lib/domain/calendrier/periode";

export async function AvisApresInscription({ donnees }: { donnees: unknown }) {
  const lues = lireDonnees(donnees);
  const annee = lues ? await anneeScolaire(lues.anneeId) : null;
  if (!annee) return null;
  const ouverture = ouvertureEnLettres(annee);
  return (
    <div className="mb-6 space-y-3">
      <p className="rounded-md border-l-4 border-sky-700 bg-sky-50 p-3">
        Après traitement par les agents de la mairie de votre demande d&apos;inscription à la restauration scolaire et à
        l&apos;accueil périscolaire, l&apos;ouverture pour la réservation des repas et des présences à la garderie se
        fera à partir du {ouverture}.
      </p>
      <p className="rounded-md border-l-4 border-marque bg-orange-50 p-3 font-bold">
        ATTENTION : Ne pas oublier de compléter le dossier santé
      </p>
      <p className="text-sm">Mon accueil &gt; Sélectionner mon enfant &gt; Dossier santé &gt; Mettre à jour</p>
    </div>
  );
}
