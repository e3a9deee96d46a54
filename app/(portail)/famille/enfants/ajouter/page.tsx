import Link from "next/link";
import { redirect } from "next/navigation";
import { PersonneForm } from "@/components/famille/PersonneForm";
import { requireUsager } from "@/lib/auth/current";
import { maFamille } from "@/lib/domain/famille/ma-famille";
import { ajouterEnfantAction } from "../../actions";

export const metadata = { title: "Enfance — Ajout d'un enfant" };

export default async function AjouterEnfantPage() {
  const { usager } = await requireUsager("/famille/enfants/ajouter");
  if (!(await maFamille(usager.id))) redirect("/mon-espace");
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        <span className="block text-base text-stone-700">Enfance</span>
        Ajout d&apos;un enfant
      </h1>
      <p className="mb-6">
        Une naissance, un enfant qui arrive dans la famille : indiquez-le ici. Les agents de la mairie valident la
        demande ; l&apos;enfant apparaît ensuite dans Ma famille, et vous pourrez l&apos;inscrire aux activités.
      </p>
      <PersonneForm action={ajouterEnfantAction} role="enfant" valeurs={{ memeAdresse: "on" }} bouton="Valider" />
      <p className="mt-6">
        <Link href="/famille">Retour à Ma famille</Link>
      </p>
    </section>
  );
}
