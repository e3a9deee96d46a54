// The health detail of a child on the day's list: for an agent given the access to health data only (403 for
// the others, before anything is read), each opening journaled (detailSantePointage).
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { RecapDossierSante } from "@/components/demande/RecapDossierSante";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { detailSantePointage } from "@/lib/domain/pointage/sante";
import { AccesSanteRefuse } from "@/lib/domain/sante/acces-agent";
import { lienPaiAgent } from "@/lib/domain/sante/demarche";
import { dtPolioDe } from "@/lib/domain/sante/recap";
import { maintenant } from "@/lib/web/horloge";

export const metadata = { title: "Détail santé — Pointage" };

export default async function DetailSantePointagePage({ params }: { params: Promise<{ enfant: string }> }) {
  const { agent } = await requireAgent();
  const { enfant: enfantId } = await params;
  const detail = await detailSantePointage(agent.id, enfantId).catch((error: unknown) => {
    if (error instanceof AccesSanteRefuse) forbidden();
    throw error;
  });
  if (!detail) notFound();
  const { enfant, version } = detail;
  const now = await maintenant();
  return (
    <div className="carte">
      <h1 className="titre-page mb-1">Détail santé</h1>
      <p className="mb-6 text-lg font-semibold">
        {enfant.prenoms} {enfant.nom.toUpperCase()}, né(e) le {formatParis(enfant.dateNaissance, "dd/MM/yyyy")}
      </p>
      {version ? (
        <>
          <p className="mb-4">Dossier santé validé le {formatParis(version.valideeAt, "dd/MM/yyyy 'à' HH:mm")}.</p>
          <RecapDossierSante
            fiche={version.fiche}
            niveau={2}
            dtPolio={dtPolioDe(enfant.dateNaissance, version.fiche, now)}
            lienPai={
              enfant.familleId ? lienPaiAgent(enfant.familleId, enfant.id, { version: version.version }) : undefined
            }
          />
        </>
      ) : (
        <p>Aucun dossier santé validé pour cet enfant.</p>
      )}
      <p className="mt-6">
        <Link href="/agent/pointage">Retour au pointage</Link>
      </p>
    </div>
  );
}
