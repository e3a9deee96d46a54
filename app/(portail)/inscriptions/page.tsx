import Link from "next/link";
import { requireUsager } from "@/lib/auth/current";
import { foyerDuUsager } from "@/lib/domain/inscription/queries";
import { CreerInscription } from "@/components/inscription/CreerInscription";

export const metadata = { title: "Créer une inscription" };

// CRÉER UNE INSCRIPTION: the family's children, or those of the declaration still waiting for the agents.
export default async function CreerInscriptionPage() {
  const { usager } = await requireUsager("/inscriptions");
  const foyer = await foyerDuUsager(usager.id);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Créer une inscription
      </h1>
      {!foyer ? (
        <p>
          Après la déclaration de votre famille, vous pourrez créer les inscriptions annuelles de vos enfants :{" "}
          <Link href="/famille/declarer">déclarer ma famille</Link>.
        </p>
      ) : (
        <CreerInscription foyer={foyer} />
      )}
      <p className="mt-6">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
