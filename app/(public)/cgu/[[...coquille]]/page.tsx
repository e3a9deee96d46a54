import { currentCgu, withCommune } from "@/lib/domain/commune/queries";
import { getCommune } from "@/lib/commune";
import { dateHeure } from "@/lib/temps/dates";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";

export const metadata = { title: "Conditions générales d'utilisation" };

// Served from the cache (lib/coquille.ts).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

export default async function CguPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const [commune, cgu] = await Promise.all([getCommune(), currentCgu()]);
  return (
    <article className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Conditions générales d&apos;utilisation
      </h1>
      <p className="mb-4 text-sm text-stone-700">
        Version {cgu.version}, publiée le {dateHeure(cgu.publishedAt)}
      </p>
      <div className="whitespace-pre-line">{withCommune(cgu.contenu, commune)}</div>
    </article>
  );
}
