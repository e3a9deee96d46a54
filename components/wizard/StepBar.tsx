// The seed's step bar: circular icons joined by a dotted line, the current one filled in orange and named
// above; the others grey, named for screen readers. A phone shows the current step's name and its number.
const ICONES: Record<string, string> = {
  accueil: "M3 11l9-8 9 8v10a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z",
  document: "M6 2h9l5 5v15a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm8 1v5h5M8 12h8M8 16h8",
  personne: "M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm-9 10a9 9 0 0 1 18 0z",
  adresse: "M12 22s7-7.5 7-13a7 7 0 0 0-14 0c0 5.5 7 13 7 13zm0-10a3 3 0 1 1 0-6 3 3 0 0 1 0 6z",
  courriel: "M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm0 1 9 7 9-7",
  cadenas:
    "M6 10V7a6 6 0 0 1 12 0v3h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1zm2 0h8V7a4 4 0 0 0-8 0z",
};

export type Step = { slug: string; titre: string; icone: string };

export function StepBar({ steps, current }: { steps: readonly Step[]; current: number }) {
  const etape = steps[current];
  return (
    <nav aria-label="Étapes de la démarche" className="mb-6">
      <p className="mb-3 text-center text-sm font-bold uppercase tracking-wide text-marque-fonce sm:hidden">
        {/* the steps' names already carry their number ("2 - Le récapitulatif"): said once */}
        Étape {current + 1} sur {steps.length} : {etape?.titre.replace(/^\d+ - /, "")}
      </p>
      <ol className="relative flex items-end justify-between gap-1">
        <span aria-hidden="true" className="absolute inset-x-4 bottom-5 border-t-2 border-dotted border-stone-400" />
        {steps.map((step, index) => {
          const active = index === current;
          const done = index < current;
          return (
            <li
              key={step.slug}
              className="relative flex flex-1 flex-col items-center"
              aria-current={active ? "step" : undefined}
            >
              <span
                className={`mb-1 hidden min-h-5 text-center text-xs font-bold uppercase sm:block ${active ? "text-marque-fonce" : "invisible"}`}
                aria-hidden="true"
              >
                {step.titre}
              </span>
              <span
                className={`flex size-10 items-center justify-center rounded-full border-2 ${
                  active
                    ? "border-marque bg-marque text-white"
                    : done
                      ? "border-marque bg-white text-marque-fonce"
                      : "border-stone-400 bg-stone-200 text-stone-600"
                }`}
              >
                <svg
                  viewBox="0 0 24 24"
                  className="size-5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  aria-hidden="true"
                >
                  <path d={ICONES[step.icone] ?? ICONES.document} strokeLinejoin="round" strokeLinecap="round" />
                </svg>
              </span>
              <span className="sr-only">
                {`Étape ${index + 1} : ${step.titre}${active ? " (étape en cours)" : done ? " (terminée)" : ""}`}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
