"use client";
// Whatever went wrong, the person sees a French message and a way on; the details stay in the server log.
import { GENERIC_ERROR } from "@/lib/errors";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Une erreur est survenue
      </h1>
      <p className="mb-6">{GENERIC_ERROR}</p>
      <button type="button" className="bouton-principal" onClick={reset}>
        Réessayer
      </button>
    </section>
  );
}
