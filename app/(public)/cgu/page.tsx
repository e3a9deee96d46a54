import { connection } from "next/server";
import { currentCgu, getCommune, withCommune } from "@/lib/domain/commune/queries";
import { dateHeure } from "@/lib/dates";

export const metadata = { title: "Conditions générales d'utilisation" };

export default async function CguPage() {
  // read at request time: the build has no database (the layout says so too, but this page starts its reads
  // alongside it)
  await connection();
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
