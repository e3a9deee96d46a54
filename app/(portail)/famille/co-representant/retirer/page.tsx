import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { requireUsager } from "@/lib/auth/current";
import { maFamille } from "@/lib/domain/famille/ma-famille";
import { retirerCoRepresentantAction } from "../../actions";

export const metadata = { title: "Enfance — Retrait d'un co-représentant" };

export default async function RetirerCoRepresentantPage() {
  const { usager } = await requireUsager("/famille/co-representant/retirer");
  const famille = await maFamille(usager.id);
  if (!famille) redirect("/mon-espace");
  const coRepresentant = famille.representants.find((r) => r.role === "CO_REPRESENTANT");
  const enCours = famille.numeroEnCours.RETRAIT_CO_REPRESENTANT;
  const moiMeme = famille.monRole === "CO_REPRESENTANT";
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        <span className="block text-base text-stone-700">Enfance</span>
        Retrait d&apos;un co-représentant
      </h1>
      {!coRepresentant || enCours ? (
        <Alert
          kind="info"
          title={
            enCours
              ? `La demande n° ${enCours} de retrait du co-représentant est en cours d'instruction.`
              : "Votre famille n'a pas de co-représentant."
          }
        />
      ) : (
        <>
          <p className="mb-6">
            {moiMeme
              ? "Vous demandez à ne plus être co-représentant de cette famille. Une fois la demande validée par les agents de la mairie, votre espace ne donne plus accès à la famille."
              : `Vous demandez que ${coRepresentant.prenom} ${coRepresentant.nomUsage.toUpperCase()} ne soit plus co-représentant de la famille. Une fois la demande validée par les agents de la mairie, son espace ne donne plus accès à la famille.`}
          </p>
          <ActionForm
            action={retirerCoRepresentantAction}
            bouton="Valider"
            champs={[
              {
                kind: "zoneTexte",
                name: "motif",
                label: "Motif du retrait",
                hint: "Obligatoire. Le motif est lu par les agents de la mairie.",
                maxLength: 1000,
              },
            ]}
          />
        </>
      )}
      <p className="mt-6">
        <Link href="/famille">Retour à Ma famille</Link>
      </p>
    </section>
  );
}
