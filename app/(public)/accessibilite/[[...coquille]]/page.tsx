import { getCommune } from "@/lib/commune";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Déclaration d'accessibilité" };

// Served from the cache (lib/coquille.ts).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

export default async function AccessibilitePage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const commune = await getCommune();
  return (
    <article className="carte space-y-3" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Déclaration d&apos;accessibilité
      </h1>
      <p>
        La Mairie {de(commune.nom)} s&apos;engage à rendre son portail famille accessible conformément à l&apos;article
        47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <h2 className="font-bold uppercase">État de conformité</h2>
      <p>
        Le Portail Famille est <strong>partiellement conforme</strong> avec le référentiel général d&apos;amélioration
        de l&apos;accessibilité (RGAA) : aucun audit complet n&apos;a encore été réalisé. Chaque page est vérifiée
        automatiquement (axe, critères WCAG 2.1 A et AA), à 360 pixels de large comme sur ordinateur, et se parcourt au
        clavier seul.
      </p>
      <h2 className="font-bold uppercase">Contenus non accessibles</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          Les documents déposés par les familles (justificatifs scannés) ne sont pas rendus accessibles par le portail.
        </li>
        <li>
          Les documents utiles publiés par la commune (menus, formulaires au format PDF ou image) peuvent ne pas être
          accessibles : leur contenu est disponible sur demande auprès du {commune.serviceNom}.
        </li>
      </ul>
      <h2 className="font-bold uppercase">Signaler un problème</h2>
      <p>
        Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez à{" "}
        <a href={`mailto:${commune.serviceEmail}`}>{commune.serviceEmail}</a> : nous vous répondrons et vous proposerons
        une autre façon d&apos;y accéder.
      </p>
      <h2 className="font-bold uppercase">Voies de recours</h2>
      <p>
        Si vous n&apos;obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits (formulaire en
        ligne, délégué de votre région, ou courrier gratuit sans affranchissement : Défenseur des droits, Libre réponse
        71120, 75342 Paris CEDEX 07).
      </p>
    </article>
  );
}
