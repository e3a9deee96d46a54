import Link from "next/link";
import { requireAgent } from "@/lib/auth/current";
import { activitesPourFenetre } from "@/lib/domain/fenetre/queries";
import { creerFenetreAction } from "./actions";
import { FormulaireFenetre } from "./FormulaireFenetre";

export const metadata = { title: "Créer une période de réservation" };

export default async function NouvelleFenetrePage() {
  await requireAgent();
  const activites = await activitesPourFenetre();
  return (
    <section className="carte max-w-2xl" aria-labelledby="titre">
      <p className="mb-2">
        <Link href="/agent/fenetres">Retour aux périodes de réservation</Link>
      </p>
      <h1 id="titre" className="titre-page mb-4">
        Créer une période de réservation
      </h1>
      <p className="mb-4">
        Les demandes reçues entre l&apos;ouverture et la clôture sont traitées ensemble à la clôture : les places vont
        d&apos;abord aux demandes qui ont le plus de points, puis un tirage au sort départage. La graine du tirage est
        tirée à la création : son empreinte est publiée tout de suite, la graine après l&apos;attribution.
      </p>
      <FormulaireFenetre action={creerFenetreAction} activites={activites} />
    </section>
  );
}
