// Preview only (PREVIEW=1), administrators only: put the demo data back as it was at deployment.
import { notFound } from "next/navigation";
import { SimpleForm } from "@/components/ui/SimpleForm";
import { apercuActif } from "@/lib/apercu";
import { requireAgent } from "@/lib/auth/current";
import { reinitialiserDemonstrationAction } from "./actions";

export const metadata = { title: "Données de démonstration" };

export default async function DemonstrationPage() {
  await requireAgent("ADMIN");
  if (!apercuActif()) notFound();
  return (
    <section className="carte max-w-2xl" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Données de démonstration
      </h1>
      <p className="mb-4">
        Remet le portail dans l&apos;état du déploiement : les comptes, familles, demandes et pages de démonstration
        reviennent, et tout ce qui a été saisi depuis est effacé, y compris les sessions (la vôtre aussi).
      </p>
      <SimpleForm action={reinitialiserDemonstrationAction} bouton="Réinitialiser les données de démonstration" />
    </section>
  );
}
