"use client";
// The error summary at the top of a form, the one component that shows « N champs sont à corriger. »
// (phrases.ts): an alert (announced, brought into view and focused by Alert), the whole form's message if any,
// the form's own note (« Ce qui est saisi est enregistré… ») and, with `liens`, each field in error as a link.
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { ListeErreurs } from "@/components/formulaire/ListeErreurs";
import { champsEnErreur, ERREUR_FORMULAIRE, phraseErreurs } from "@/components/formulaire/phrases";

export function ResumeErreurs({
  errors,
  liens = false,
  children,
}: {
  errors: Record<string, string>;
  /** list each field in error with its message, as a link to it */
  liens?: boolean;
  children?: ReactNode;
}) {
  const titre = phraseErreurs(champsEnErreur(errors).length);
  const message = errors[ERREUR_FORMULAIRE];
  if (!titre) return message ? <Alert kind="erreur" title={message} /> : null;
  const contenu = message || children || liens;
  return (
    <Alert kind="erreur" title={titre}>
      {contenu && (
        <>
          {message && <p>{message}</p>}
          {children}
          {liens && <ListeErreurs errors={errors} />}
        </>
      )}
    </Alert>
  );
}
