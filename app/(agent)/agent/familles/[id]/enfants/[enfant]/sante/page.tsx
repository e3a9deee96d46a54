// The dossier santé of a child, for the agents: every validated version, newest first, with its date (the one in
// force with the DT-Polio's state on the day, each with its signed PAI's link). Opening this page is journaled
// (dossierSantePourAgent).
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { RecapDossierSante } from "@/components/demande/RecapDossierSante";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { dossierSantePourAgent, enfantDeFamille } from "@/lib/domain/sante/queries-agent";
import { lienPaiAgent } from "@/lib/domain/sante/demarche";
import { dtPolioDe } from "@/lib/domain/sante/recap";
import { maintenant } from "@/lib/web/horloge";
import { AccesSanteRefuse } from "@/lib/domain/sante/acces-agent";

export const metadata = { title: "Dossier santé — Console des agents" };

export default async function DossierSanteAgentPage({ params }: { params: Promise<{ id: string; enfant: string }> }) {
  const { agent } = await requireAgent();
  const { id, enfant: enfantId } = await params;
  const enfant = await enfantDeFamille(id, enfantId);
  if (!enfant) notFound();
  const versions = await dossierSantePourAgent(agent.id, enfant.id).catch((error: unknown) => {
    if (error instanceof AccesSanteRefuse) forbidden();
    throw error;
  });
  const now = await maintenant();
  return (
    <div className="carte">
      <p className="mb-4">
        <Link href={`/agent/familles/${id}`}>Retour à la fiche famille</Link>
      </p>
      <h1 className="titre-page mb-1">Dossier santé</h1>
      <p className="mb-6 text-lg font-semibold">
        {enfant.prenoms} {enfant.nom.toUpperCase()}, né(e) le {formatParis(enfant.dateNaissance, "dd/MM/yyyy")}
      </p>
      {versions.length === 0 ? (
        <p>Aucune mise à jour enregistrée.</p>
      ) : (
        versions.map((version, rang) => (
          <section key={version.version} aria-labelledby={`version-${version.version}`} className="mb-8">
            <h2 id={`version-${version.version}`} className="mb-3 text-lg font-bold">
              {rang === 0 ? "Version en vigueur" : `Version ${version.version}`} — validée le{" "}
              {formatParis(version.valideeAt, "dd/MM/yyyy 'à' HH:mm")}
            </h2>
            <RecapDossierSante
              fiche={version.fiche}
              lienPai={lienPaiAgent(id, enfant.id, { version: version.version })}
              dtPolio={rang === 0 ? dtPolioDe(enfant.dateNaissance, version.fiche, now) : undefined}
            />
          </section>
        ))
      )}
    </div>
  );
}
