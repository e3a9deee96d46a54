// A Suppression de l'espace personnel: what accepting does, and the parent's reason if one was given.
export function RecapSuppressionEspace({ donnees }: { donnees: unknown }) {
  const motif =
    typeof (donnees as { motif?: unknown } | null)?.motif === "string" ? (donnees as { motif: string }).motif : "";
  return (
    <div className="space-y-3">
      <p>
        Le demandeur souhaite supprimer son espace personnel. L&apos;accepter détache son espace de la famille : la
        famille, ses représentants et son historique restent connus du service ; le parent peut ensuite supprimer
        lui-même son espace.
      </p>
      <p>
        <span className="font-semibold">Motif : </span>
        {motif || "non précisé"}
      </p>
    </div>
  );
}
