"use client";
// The browser's print dialog for the kitchen order; shown once JavaScript runs (without it, the browser's own
// Imprimer prints the same page, the print stylesheet applying either way).
import { useSyncExternalStore } from "react";

const pasDAbonnement = () => () => {};

export function BoutonImprimerPage() {
  const client = useSyncExternalStore(
    pasDAbonnement,
    () => true,
    () => false,
  );
  if (!client) return null;
  return (
    <button type="button" className="bouton-secondaire print:hidden" onClick={() => window.print()}>
      Imprimer
    </button>
  );
}
