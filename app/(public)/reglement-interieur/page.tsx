import { connection } from "next/server";
import { currentDocument, getCommune, withCommune } from "@/lib/domain/commune/queries";
import { dateHeure } from "@/lib/dates";

export const metadata = { title: "Règlement intérieur" };

export default async function ReglementInterieurPage() {
  // read at request time: the build has no database (the layout says so too, but this page starts its reads
  // alongside it)
  await connection();
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
