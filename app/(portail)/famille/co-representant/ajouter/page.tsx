import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { PersonneForm } from "@/components/famille/PersonneForm";
import { requireUsager } from "@/lib/auth/current";
import { maFamille } from "@/lib/domain/famille/ma-famille";
import { ajouterCoRepresentantAction } from "../../actions";

export const metadata = { title: "Enfance — Ajout d'un co-représentant" };

export default async function AjouterCoRepresentantPage() {
  const { usager } = await requireUsager("/famille/co-representant/ajouter");
  const famille = await maFamille(usager.id);
  if (!famille) redirect("/mon-espace");
  const dejaUn = famille.representants.some((r) => r.role === "CO_REPRESENTANT");
  const enCours = famille.numeroEnCours.AJOUT_CO_REPRESENTANT;
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        <span className="block text-base text-stone-700">Enfance</span>
        Ajout d&apos;un co-représentant
      </h1>
      {dejaUn || enCours ? (
        <Alert
          kind="info"
          title={
            enCours
              ? `La demande n° ${enCours} d'ajout d'un co-représentant est en cours d'instruction.`
              : "Votre famille a déjà un co-représentant."
          }
        >
          <p>
            Pour le remplacer, demandez d&apos;abord son retrait depuis <Link href="/famille">Ma famille</Link>.
          </p>
        </Alert>
      ) : (
        <>
          <p className="mb-2">
            L&apos;autre parent, ou la personne qui exerce l&apos;autorité parentale avec vous. Les agents de la mairie
            valident la demande ; la personne reçoit alors par courriel une invitation à créer son espace et la clé
            enfance de la famille.
          </p>
          <p className="mb-6 font-semibold">Le courriel est obligatoire : l&apos;invitation y est envoyée.</p>
          <PersonneForm
            action={ajouterCoRepresentantAction}
            role="coRepresentant"
            valeurs={{ memeAdresse: "on" }}
            bouton="Valider"
          />
        </>
      )}
      <p className="mt-6">
        <Link href="/famille">Retour à Ma famille</Link>
      </p>
    </section>
  );
}
