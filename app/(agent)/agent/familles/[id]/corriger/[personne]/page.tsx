import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAgent } from "@/lib/auth/current";
import { cibleTexte, lireCible, personneDeLaFamille } from "@/lib/domain/famille/queries-agent";
import { CorrectionForm } from "./CorrectionForm";

export const metadata = { title: "Corriger une fiche famille" };

const TITRES = {
  titulaire: "Titulaire du compte",
  coRepresentant: "Co-représentant",
  enfant: "Enfant",
  contact: "Contact",
} as const;

export default async function CorrigerPage({ params }: { params: Promise<{ id: string; personne: string }> }) {
  await requireAgent();
  const { id, personne } = await params;
  const cible = lireCible(personne);
  const trouvee = cible ? await personneDeLaFamille(id, cible) : null;
  if (!trouvee) notFound();
  return (
    <section className="carte" aria-labelledby="titre">
      <p className="mb-4">
        <Link href={`/agent/familles/${id}#${personne}`}>Retour à la fiche famille</Link>
      </p>
      <h1 id="titre" className="titre-page mb-2">
        Corriger : {trouvee.nom}
      </h1>
      <p className="mb-4">
        {TITRES[trouvee.role]}. La famille sera informée par courriel qu&apos;une correction a été faite ; la
        modification est inscrite au journal.
      </p>
      <CorrectionForm
        familleId={id}
        personne={cibleTexte(trouvee.cible)}
        role={trouvee.role}
        initial={trouvee.valeurs}
      />
    </section>
  );
}
