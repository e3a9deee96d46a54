import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EnTeteDemarche } from "@/components/demande/EnTeteDemarche";
import { requireUsager } from "@/lib/auth/current";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { valeursDeFiche } from "@/lib/domain/sante/schemas";
import { valeursPourLeNavigateur } from "@/lib/domain/sante/suivi";
import { enregistrerDossierSante } from "../actions";
import { DossierSanteForm } from "./DossierSanteForm";

export const metadata = { title: "Enfance — Dossier santé : ma demande" };

// Step 1, MA DEMANDE: the draft as the parent left it, or else the last validated version to start from.
export default async function MettreAJourPage({ params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/sante/mettre-a-jour`);
  const dossier = await dossierSanteDuUsager(usager.id, enfantId);
  if (!dossier) notFound();
  const { enfant, derniere, editable, enAttente } = dossier;
  if (!editable && enAttente) redirect(`/famille/enfants/${enfant.id}/sante`);
  // the PAI document by its name only: its storage key and digest stay on the server
  const initial = valeursPourLeNavigateur(editable ? editable.valeurs : derniere ? valeursDeFiche(derniere.fiche) : {});
  return (
    <div className="carte">
      <EnTeteDemarche
        domaine="Enfance"
        titre={`Dossier santé — ${enfant.prenoms} ${enfant.nom.toUpperCase()}`}
        duree="5 mn"
        etape={0}
      />
      {editable?.statut === "A_COMPLETER" && (
        <p className="mb-4 rounded-md border-l-4 border-sky-700 bg-sky-50 p-3">
          Les agents de la mairie vous ont demandé de compléter votre demande N° {editable.numero}. Corrigez ce qui est
          demandé puis validez-la de nouveau.
        </p>
      )}
      <p className="mb-6">
        Je complète toutes les informations relatives à la santé de mon enfant, je vais à l&apos;étape 2, puis je
        valide.
      </p>
      <DossierSanteForm action={enregistrerDossierSante.bind(null, enfant.id)} initial={initial} />
      {editable?.statut === "BROUILLON" && (
        <p className="mt-4">
          <Link href={`/famille/enfants/${enfant.id}/sante/annuler`}>Annuler la démarche</Link>
        </p>
      )}
    </div>
  );
}
