"use client";
// The feed's link, selectable as text (a phone long-press) with a copy button, and « Renouveler le lien ».
import { useState } from "react";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { renouvelerLienAgendaAction } from "./actions";

export function LienAgenda({ lien }: { lien: string }) {
  const [copie, setCopie] = useState<string | null>(null);
  async function copier() {
    try {
      await navigator.clipboard.writeText(lien);
      setCopie("Lien copié : collez-le dans votre agenda.");
    } catch {
      setCopie("La copie n'est pas possible ici : sélectionnez le lien et copiez-le.");
    }
  }
  return (
    <div className="mb-3">
      <label htmlFor="lien-agenda" className="mb-1 block font-semibold">
        Lien de l&apos;agenda
      </label>
      <input
        id="lien-agenda"
        readOnly
        value={lien}
        className="champ w-full font-mono text-sm"
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" className="bouton-secondaire mt-2" onClick={copier}>
        Copier le lien
      </button>
      <p role="status" className="mt-1 text-sm">
        {copie}
      </p>
    </div>
  );
}

export function RenouvelerLienForm() {
  const { formAction, pending, onSubmit, formRef, annonce } = useFormulaireAction(renouvelerLienAgendaAction);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} aria-busy={pending}>
      {annonce}
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Renouveler le lien
      </button>
    </form>
  );
}
