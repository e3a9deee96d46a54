"use client";
// Step 1 of "Ajout de famille": the family's people on the left (above on a phone), the selected person's
// form in the centre. Every button of the form first saves the person shown, so moving to another person,
// adding one or going to step 2 never loses what was typed.
import Link from "next/link";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { ResumeErreurs } from "@/components/formulaire/ResumeErreurs";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { PersonneFields } from "@/components/famille/PersonneFields";
import type { Role } from "@/lib/domain/famille/schemas";
import { enregistrerDeclaration, type DeclarationState } from "./actions";

export type EntreeListe = { selection: string; nom: string; incomplet: boolean };
export type Liste = {
  titulaire: EntreeListe;
  coRepresentant: EntreeListe | null;
  enfants: EntreeListe[];
  contacts: EntreeListe[];
};

// The wrapper's action typed with this form's state (its extra fields: the list of what is missing, the save).
const enregistrer: (etat: DeclarationState, formData: FormData) => Promise<DeclarationState> = enregistrerDeclaration;

type Props = { selection: string; role: Role; initial: Record<string, string>; liste: Liste; titre: string };

export function DeclarationForm({ selection, role, initial, liste, titre }: Props) {
  const { state, formAction, pending, onSubmit, formRef, numero, attente } = useFormulaireAction(enregistrer, {
    initial: { values: initial, errors: {} },
  });
  const manquesRef = useRef<HTMLDivElement>(null);
  const errors = state.errors;
  const v = state.values;

  useEffect(() => {
    if (state.manques?.length) manquesRef.current?.focus();
  }, [state.manques]);

  // Enter in a field means ENREGISTRER, not the first button of the form (the first person of the list).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (
      event.key === "Enter" &&
      target.tagName === "INPUT" &&
      !["checkbox", "radio"].includes((target as HTMLInputElement).type)
    ) {
      event.preventDefault();
      formRef.current?.requestSubmit(formRef.current.querySelector<HTMLButtonElement>("[data-default-submit]"));
    }
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      aria-busy={pending}
      className="grid gap-6 lg:grid-cols-[16rem_1fr]"
    >
      {attente}
      <input type="hidden" name="personne" value={selection} />
      <ListePersonnes liste={liste} selection={selection} />

      <div className="min-w-0">
        {state.manques && state.manques.length > 0 && (
          <div ref={manquesRef} tabIndex={-1} className="outline-none">
            <Alert
              kind="erreur"
              title="Votre famille n'est pas complète : vous ne pouvez pas encore aller à l'étape 2."
            >
              <ul className="list-disc space-y-1 pl-5">
                {state.manques.map((manque) => (
                  <li key={manque.selection}>
                    <button
                      type="submit"
                      name="intent"
                      value={manque.selection === "nouvel-enfant" ? "ajouter:enfant" : `voir:${manque.selection}`}
                      className="inline-flex min-h-11 items-center font-semibold underline"
                    >
                      {manque.personne}
                    </button>{" "}
                    : {manque.messages.join(" ")}
                  </li>
                ))}
              </ul>
            </Alert>
          </div>
        )}
        {state.message && <Alert kind="erreur" title={state.message} />}
        {state.enregistre && <Alert kind="succes" title="Les informations sont enregistrées." />}
        {!state.manques && (
          <ResumeErreurs key={numero} errors={errors}>
            <p>Ce qui est saisi est enregistré : vous pourrez le corriger plus tard.</p>
          </ResumeErreurs>
        )}

        <h2 className="mb-1 text-lg font-bold uppercase text-marque-fonce">{titre}</h2>
        <PersonneFields role={role} v={v} errors={errors} />

        <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          <button type="submit" name="intent" value="enregistrer" className="bouton-secondaire" data-default-submit>
            Enregistrer
          </button>
          {role !== "titulaire" && (
            <button type="submit" name="intent" value="supprimer" formNoValidate className="bouton-discret">
              {role === "enfant"
                ? "Supprimer cet enfant"
                : role === "contact"
                  ? "Supprimer ce contact"
                  : "Supprimer le co-représentant"}
            </button>
          )}
        </div>

        <p className="mt-8 rounded-md border-l-4 border-marque bg-orange-50 p-3 font-semibold">
          ATTENTION : ne pas aller à l&apos;étape 2 avant d&apos;avoir créé l&apos;ensemble de votre famille
        </p>
        <div className="mt-4 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
          <Link href="/famille/declarer/annuler" className="bouton-discret no-underline">
            Annuler la démarche
          </Link>
          <button type="submit" name="intent" value="etape2" className="bouton-principal">
            Aller à l&apos;étape 2 &gt;
          </button>
        </div>
      </div>
    </form>
  );
}

function ListePersonnes({ liste, selection }: { liste: Liste; selection: string }) {
  const bouton = (entree: EntreeListe) => {
    const active = entree.selection === selection;
    return (
      <li key={entree.selection}>
        <button
          type="submit"
          name="intent"
          value={`voir:${entree.selection}`}
          aria-current={active ? "true" : undefined}
          className={`min-h-11 w-full rounded-md border px-3 py-2 text-left ${active ? "border-marque bg-orange-50 font-bold" : "border-stone-300 bg-white hover:bg-stone-50"}`}
        >
          {entree.nom}
          {entree.incomplet && <span className="block text-sm font-semibold text-red-800">à compléter</span>}
        </button>
      </li>
    );
  };
  const ajouter = (role: string, texte: string) => (
    <li>
      <button
        type="submit"
        name="intent"
        value={`ajouter:${role}`}
        className="min-h-11 w-full rounded-md border border-dashed border-marque-fonce px-3 py-2 text-left font-semibold text-marque-fonce"
      >
        + {texte}
      </button>
    </li>
  );
  return (
    <nav aria-label="Les membres de votre famille" className="space-y-4 rounded-md bg-stone-100 p-3 lg:self-start">
      <Groupe titre="Titulaire du compte">{bouton(liste.titulaire)}</Groupe>
      <Groupe titre="Co-représentant">
        {liste.coRepresentant ? bouton(liste.coRepresentant) : ajouter("coRepresentant", "Ajouter un co-représentant")}
      </Groupe>
      <Groupe titre="Enfant(s)">
        {liste.enfants.map(bouton)}
        {ajouter("enfant", "Ajouter un enfant")}
      </Groupe>
      <Groupe titre="Contacts">
        {liste.contacts.map(bouton)}
        {ajouter("contact", "Ajouter un contact")}
      </Groupe>
      <p className="text-sm">
        Ajouter un co-représentant, enfant(s), contact(s) : procéder de la même façon que pour le titulaire du compte.
        Sélectionner la personne et remplir les informations.
      </p>
    </nav>
  );
}

function Groupe({ titre, children }: { titre: string; children: React.ReactNode }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-bold uppercase">{titre}</h3>
      <ul className="space-y-2">{children}</ul>
    </div>
  );
}
