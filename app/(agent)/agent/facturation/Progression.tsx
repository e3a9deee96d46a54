"use client";
// A run's progress while it goes: the page is refreshed from the server every second until the run ends, and
// the numbers are announced politely (role="status").
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { de } from "@/lib/texte/elision";

export type EtatRun = {
  statut: "EN_COURS" | "TERMINE" | "ECHEC";
  mois: string;
  familles: number;
  traitees: number;
  factures: number;
  reportees: number;
  erreur: string | null;
};

export function Progression({ run }: { run: EtatRun }) {
  const router = useRouter();
  useEffect(() => {
    if (run.statut !== "EN_COURS") return;
    const minuterie = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(minuterie);
  }, [run.statut, router]);
  return (
    <div role="status" className="mb-6 rounded-md border-l-4 border-sky-700 bg-sky-50 p-4 text-sky-950">
      <p className="font-bold">
        {run.statut === "EN_COURS"
          ? `Facturation ${de(run.mois)} en cours…`
          : run.statut === "TERMINE"
            ? `Facturation ${de(run.mois)} terminée.`
            : `La facturation ${de(run.mois)} a échoué.`}
      </p>
      <label htmlFor="progression-facturation" className="mt-2 block">
        Familles traitées : {run.traitees} sur {run.familles}
      </label>
      <progress
        id="progression-facturation"
        className="h-4 w-full"
        value={run.traitees}
        max={Math.max(run.familles, 1)}
      />
      {run.statut !== "EN_COURS" && (
        <p className="mt-2">
          {run.factures} facture{run.factures > 1 ? "s" : ""} émise{run.factures > 1 ? "s" : ""}
          {run.reportees > 0 && `, ${run.reportees} mois reporté${run.reportees > 1 ? "s" : ""} (moins de 15 €)`}.
        </p>
      )}
      {run.erreur && <p className="mt-2 font-semibold text-red-900">{run.erreur}</p>}
    </div>
  );
}
