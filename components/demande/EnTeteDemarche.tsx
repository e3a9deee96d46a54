import { StepBar, type Step } from "@/components/wizard/StepBar";

export const ETAPES_DEMANDE: readonly Step[] = [
  { slug: "ma-demande", titre: "1 - Ma demande", icone: "personne" },
  { slug: "recapitulatif", titre: "2 - Le récapitulatif", icone: "document" },
];

/** "ENFANCE — AJOUT DE FAMILLE — Durée approximative de cette démarche : 10 mn", and the step bar. */
export function EnTeteDemarche({
  domaine,
  titre,
  duree,
  etape,
}: {
  domaine: string;
  titre: string;
  duree: string;
  etape: 0 | 1;
}) {
  return (
    <>
      <h1 className="titre-page mb-1">
        <span className="block text-base text-stone-700">{domaine}</span>
        {titre}
      </h1>
      <p className="mb-4 text-sm">
        Durée approximative de cette démarche : <strong>{duree}</strong>
      </p>
      <StepBar steps={ETAPES_DEMANDE} current={etape} />
    </>
  );
}
