import { getCommune } from "@/lib/domain/commune/queries";

export const metadata = { title: "Infos pratiques" };

export default async function InfosPratiquesPage() {
  const commune = await getCommune();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Infos pratiques
      </h1>
      <h2 className="mb-2 font-bold uppercase">Contacts</h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Mairie</dt>
        <dd>Mairie de {commune.nom}</dd>
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
  );
}
