import { getCommune } from "@/lib/commune";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Mentions légales" };

// Served from the cache (lib/coquille.ts).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

export default async function MentionsLegalesPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const commune = await getCommune();
  return (
    <article className="carte space-y-3" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Mentions légales
      </h1>
      <h2 className="font-bold uppercase">Éditeur</h2>
      <p>
        Mairie {de(commune.nom)}
        {commune.adresse ? `, ${commune.adresse}` : ""}. Contact :{" "}
        <a href={`mailto:${commune.serviceEmail}`}>{commune.serviceEmail}</a>.
      </p>
      <h2 className="font-bold uppercase">Données personnelles</h2>
      <p>
        Les données saisies sur ce portail sont traitées par la Mairie {de(commune.nom)} pour la gestion des services
        Enfance (restauration scolaire, accueil périscolaire), dans le cadre d&apos;une mission d&apos;intérêt public.
        Elles ne sont communiquées qu&apos;aux agents habilités de la mairie. Vous disposez d&apos;un droit
        d&apos;accès, de rectification, d&apos;effacement et de limitation, que vous pouvez exercer auprès du service à
        l&apos;adresse ci-dessus, et du droit d&apos;introduire une réclamation auprès de la CNIL.
      </p>
      <h2 className="font-bold uppercase">Cookies</h2>
      <p>
        Ce portail n&apos;utilise que les cookies nécessaires à son fonctionnement (session de connexion, saisie en
        cours). Aucun traceur.
      </p>
      <h2 className="font-bold uppercase">Logiciel</h2>
      <p>Portail Famille, logiciel libre.</p>
    </article>
  );
}
