// The home page, served from the cache (lib/coquille.ts). Its path is `/`: the proxy serves `/` from here
// (an optional catch-all at the root would take every unknown path of the site).
import { getCommune } from "@/lib/commune";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";
import { MonEspacePerso } from "./MonEspacePerso";
import { de } from "@/lib/texte/elision";

export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

export default async function AccueilPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const commune = await getCommune();
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-3">
          {`Portail Famille ${de(commune.nom)}`}
        </h1>
        <p>
          Faites vos démarches Enfance à distance : déclarez votre famille, inscrivez vos enfants à la restauration
          scolaire et à l&apos;accueil périscolaire, réservez leurs activités et réglez-les en ligne.
        </p>
      </section>
      <section className="carte" aria-labelledby="espace">
        <h2 id="espace" className="mb-3 text-lg font-bold uppercase">
          Mon espace perso
        </h2>
        <MonEspacePerso />
      </section>
    </div>
  );
}
