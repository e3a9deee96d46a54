import Link from "next/link";
import { requireUsager } from "@/lib/auth/current";

export const metadata = { title: "Déclarer ma famille" };

// The "Ajout de famille" démarche comes with the demandes engine; until then the parent learns what to
// prepare, as the seed advises before declaring a family.
export default async function DeclarerFamillePage() {
  await requireUsager("/famille/declarer");
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Enfance — Ajout de famille
      </h1>
      <p className="mb-3 font-semibold">La déclaration de votre famille en ligne ouvre prochainement.</p>
      <p className="mb-3">Pour la préparer, munissez-vous dès maintenant :</p>
      <ul className="mb-6 list-disc pl-6">
        <li>des pages parents et enfants de votre livret de famille (scannées ou photographiées) ;</li>
        <li>d&apos;un justificatif de domicile.</li>
      </ul>
      <Link href="/mon-espace" className="bouton-secondaire no-underline">
        Retour à mon accueil
      </Link>
    </section>
  );
}
