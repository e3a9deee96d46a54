"use client";
// ANNULER LA DÉMARCHE's confirmation, the same for every démarche: the question (what will be deleted), yes,
// or back to where the parent was.
import Link from "next/link";
import { annulerDemarche } from "@/app/(portail)/demandes/actions-demarche";
import type { FormState } from "@/lib/forms";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

const annulerAvecEtat: (precedent: FormState, formData: FormData) => Promise<FormState> = annulerDemarche;

export function AnnulerDemarche({
  demandeId,
  question,
  reprendre,
}: {
  demandeId: string;
  question: string;
  reprendre: { href: string; libelle: string };
}) {
  const { formAction: annuler, pending, formRef, annonce } = useFormulaireAction(annulerAvecEtat, { focus: "champ" });
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Annuler la démarche
      </h1>
      <p className="mb-6">{question}</p>
      {annonce}
      <form ref={formRef} action={annuler} aria-busy={pending} className="flex flex-col gap-3 sm:flex-row">
        <input type="hidden" name="demande" value={demandeId} />
        <button type="submit" className="bouton-principal" disabled={pending}>
          Oui, annuler la démarche
        </button>
        <Link href={reprendre.href} className="bouton-secondaire no-underline">
          {reprendre.libelle}
        </Link>
      </form>
    </section>
  );
}
