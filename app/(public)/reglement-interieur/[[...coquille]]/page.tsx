import { currentDocument, withCommune } from "@/lib/domain/commune/queries";
import { getCommune } from "@/lib/commune";
import { dateHeure } from "@/lib/temps/dates";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";

export const metadata = { title: "Règlement intérieur" };

// Served from the cache (lib/coquille.ts).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

export default async function ReglementInterieurPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const [commune, reglement] = await Promise.all([getCommune(), currentDocument("REGLEMENT_INTERIEUR")]);
  return (
    <article className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Règlement intérieur
      </h1>
      {reglement ? (
        <>
          <p className="mb-4 text-sm text-stone-700">
            Version {reglement.version}, publiée le {dateHeure(reglement.publishedAt)}
          </p>
          <div className="whitespace-pre-line">{withCommune(reglement.contenu, commune)}</div>
        </>
      ) : (
        <p>Le règlement intérieur n&apos;est pas encore publié en ligne : demandez-le au {commune.serviceNom}.</p>
      )}
    </article>
  );
}
