import { getCommune } from "@/lib/commune";
import { infosPratiques } from "@/lib/domain/portail/queries";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Infos pratiques" };

// Served from the cache (lib/coquille.ts).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

const TITRE = "mb-2 font-bold uppercase";

export default async function InfosPratiquesPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const [commune, infos] = await Promise.all([getCommune(), infosPratiques()]);
  return (
    <section className="carte space-y-6" aria-labelledby="titre">
      <h1 id="titre" className="titre-page">
        Infos pratiques
      </h1>
      {infos.horaires && (
        <section aria-labelledby="horaires">
          <h2 id="horaires" className={TITRE}>
            Horaires
          </h2>
          <p className="whitespace-pre-line">{infos.horaires}</p>
        </section>
      )}
      {infos.adresse && (
        <section aria-labelledby="adresse">
          <h2 id="adresse" className={TITRE}>
            Adresse
          </h2>
          <p className="whitespace-pre-line">{infos.adresse}</p>
        </section>
      )}
      <section aria-labelledby="contacts">
        <h2 id="contacts" className={TITRE}>
          Contacts
        </h2>
        {infos.contacts && <p className="mb-3 whitespace-pre-line">{infos.contacts}</p>}
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold">Mairie</dt>
          <dd>Mairie {de(commune.nom)}</dd>
          {commune.adresse && (
            <>
              <dt className="font-semibold">Adresse</dt>
              <dd>{commune.adresse}</dd>
            </>
          )}
          <dt className="font-semibold">{commune.serviceNom}</dt>
          <dd>
            <a href={`mailto:${commune.serviceEmail}`}>{commune.serviceEmail}</a>
          </dd>
          {commune.telephone && (
            <>
              <dt className="font-semibold">Téléphone</dt>
              <dd>{commune.telephone}</dd>
            </>
          )}
        </dl>
      </section>
    </section>
  );
}
