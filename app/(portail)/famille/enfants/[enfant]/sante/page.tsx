import Link from "next/link";
import { notFound } from "next/navigation";
import { RecapDossierSante } from "@/components/demande/RecapDossierSante";
import { requireUsager } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { lienPaiUsager } from "@/lib/domain/sante/demarche";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { dtPolioDe, phraseDtPolio } from "@/lib/domain/sante/recap";
import { maintenant } from "@/lib/web/horloge";

export const metadata = { title: "Gérer le dossier santé" };

// GÉRER LE DOSSIER SANTÉ, as in the seed: the date of the last validated update (or none), METTRE À JOUR, and
// what the commune knows (the last version the agents validated), with the DT-Polio's state on the day.
export default async function DossierSantePage({ params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/sante`);
  const dossier = await dossierSanteDuUsager(usager.id, enfantId);
  if (!dossier) notFound();
  const { enfant, derniere, editable, enAttente } = dossier;
  const dtPolio = derniere ? dtPolioDe(enfant.dateNaissance, derniere.fiche, await maintenant()) : undefined;
  return (
    <div className="carte">
      <h1 className="titre-page mb-1">Gérer le dossier santé</h1>
      <p className="mb-6 text-lg font-semibold">
        {enfant.prenoms} {enfant.nom.toUpperCase()}
      </p>
      <div className="mb-6 flex flex-col gap-3 rounded-md bg-stone-100 p-4 sm:flex-row sm:items-center sm:justify-between">
        <p>
          <span className="block font-bold uppercase">Dossier santé</span>
          {derniere
            ? `Dernière mise à jour le ${formatParis(derniere.valideeAt, "dd/MM/yyyy")}`
            : "Aucune mise à jour enregistrée."}
          {dtPolio && (
            <span className={`block font-semibold ${dtPolio === "A_JOUR" ? "text-green-800" : "text-red-800"}`}>
              {phraseDtPolio(dtPolio)}
            </span>
          )}
        </p>
        {enAttente ? (
          <p className="font-semibold">
            Mise à jour en cours de traitement :{" "}
            <Link href={`/demandes/${enAttente.numero}`}>demande N° {enAttente.numero}</Link>
          </p>
        ) : (
          <Link href={`/famille/enfants/${enfant.id}/sante/mettre-a-jour`} className="bouton-principal no-underline">
            {editable
              ? editable.statut === "A_COMPLETER"
                ? "Compléter ma mise à jour"
                : "Reprendre ma mise à jour"
              : "Mettre à jour"}
          </Link>
        )}
      </div>
      <RecapDossierSante
        fiche={derniere?.fiche ?? null}
        niveau={2}
        lienPai={lienPaiUsager(enfant.id)}
        dtPolio={dtPolio}
      />
      <p className="mt-4">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </div>
  );
}
