"use client";
// The agent's actions on one demande, each a small form posting the state the agent saw. They share one
// answer area, which stays on screen when the demande's state changes under it (another agent acted first:
// the message says who, and the page below is already refreshed).
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { FieldMessages, Label } from "@/components/ui/Field";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import type { FormState } from "@/lib/forms";
import type { StatutDemande } from "@/lib/generated/prisma/enums";
import { deciderAction } from "./actions";
import { CHAMP_MOTIF, CHAMP_PIECES_NON_VERIFIEES, CHOIX_CREER, champRattachement } from "./decision";

// the wrapper's actions also take FormData alone (a plain <form action>): this is the form-state half
const decider: (precedent: FormState, formData: FormData) => Promise<FormState> = deciderAction;

export type Rapprochement = {
  enfantRef: string;
  /** "Éloi ETCHART" as declared */
  declare: string;
  connus: { id: string; libelle: string }[];
};

type Props = {
  numero: number;
  statut: StatutDemande;
  /** the actions the transition table allows an agent in this state */
  possibles: Record<"instruire" | "demanderComplement" | "accepter" | "refuser", boolean>;
  rapprochements: Rapprochement[];
  /** the pièces not « Vérifiée » (an inscription's): named by the acceptance's question, confirmed with it */
  piecesNonVerifiees?: { ids: string; question: string } | null;
};

export function ActionsDemande({ numero, statut, possibles, rapprochements, piecesNonVerifiees = null }: Props) {
  // the answer is shown above the forms, not in one of them (reponse: it still comes into view, focused)
  const { state, formAction: action, pending, onSubmit, numero: reponse, attente } = useFormulaireAction(decider);
  const { values, errors } = state;
  const aucune = !Object.values(possibles).some(Boolean);

  // Accepter and Refuser cannot be undone: a first click asks, the second (Confirmer …) sends
  // (asked under the answer it was asked after: a new answer closes the question)
  const [question, setQuestion] = useState<{ decision: "accepter" | "refuser"; sous: FormState } | null>(null);
  const aConfirmer = question?.sous === state ? question.decision : null;
  const commun = { action, onSubmit, pending, numero, statut };
  const confirmation = (decision: "accepter" | "refuser", libelle: string, confirmer: string, classe: string) =>
    aConfirmer === decision ? (
      <Confirmation
        question={
          decision === "accepter" && piecesNonVerifiees
            ? `${piecesNonVerifiees.question} La demande N° ${numero} sera acceptée : cette décision est définitive et le demandeur en est informé par courriel.`
            : `${libelle} la demande N° ${numero} ? Cette décision est définitive et le demandeur en est informé par courriel.`
        }
        confirmation={
          decision === "accepter" && piecesNonVerifiees ? (
            <input type="hidden" name={CHAMP_PIECES_NON_VERIFIEES} value={piecesNonVerifiees.ids} />
          ) : null
        }
        confirmer={confirmer}
        classe={classe}
        pending={pending}
        onAnnuler={() => setQuestion(null)}
      />
    ) : (
      <button
        type="submit"
        className={classe}
        disabled={pending}
        onClick={(event) => {
          // without JavaScript the button decides at once; with it, the question comes first
          event.preventDefault();
          setQuestion({ decision, sous: state });
        }}
      >
        {libelle}
      </button>
    );

  return (
    <div className="space-y-4">
      {attente}
      {state.message && <Alert key={reponse} kind={state.ok ? "succes" : "erreur"} title={state.message} reponse />}
      {aucune && <p>Aucune action possible sur cette demande.</p>}

      {possibles.instruire && (
        <Formulaire {...commun} decision="instruire">
          <button type="submit" className="bouton-principal" disabled={pending}>
            Prendre en charge
          </button>
        </Formulaire>
      )}

      {possibles.accepter && (
        <Formulaire {...commun} decision="accepter">
          {rapprochements.map((r) => {
            const name = champRattachement(r.enfantRef);
            return (
              <fieldset
                key={r.enfantRef}
                className="mb-3 rounded-md border border-amber-500 bg-amber-50 p-3"
                aria-describedby={errors[name] ? `${name}-erreur` : undefined}
              >
                <legend className="px-1 font-semibold">Enfant déclaré : {r.declare}</legend>
                {r.connus.map((connu) => (
                  <div key={connu.id} className="mb-2">
                    <p className="mb-1">Enfant possiblement déjà connu : {connu.libelle}</p>
                    <label className="flex items-start gap-2">
                      <input
                        type="radio"
                        name={name}
                        value={connu.id}
                        defaultChecked={values[name] === connu.id}
                        className="mt-1 size-5 shrink-0 accent-marque"
                      />
                      <span>
                        Rattacher à l&apos;enfant existant (garde alternée)
                        {r.connus.length > 1 && <span className="sr-only"> : {connu.libelle}</span>}
                      </span>
                    </label>
                  </div>
                ))}
                <label className="flex items-start gap-2">
                  <input
                    type="radio"
                    name={name}
                    value={CHOIX_CREER}
                    defaultChecked={values[name] === CHOIX_CREER}
                    className="mt-1 size-5 shrink-0 accent-marque"
                  />
                  <span>Créer un nouvel enfant</span>
                </label>
                <FieldMessages name={name} error={errors[name]} />
              </fieldset>
            );
          })}
          {confirmation("accepter", "Accepter", "Confirmer l'acceptation", "bouton-principal")}
        </Formulaire>
      )}

      {possibles.demanderComplement && (
        <Formulaire {...commun} decision="demanderComplement">
          <Motif name={CHAMP_MOTIF.demanderComplement} label="Motif du complément" state={state} />
          <div className="mb-3">
            <Label htmlFor="manques">Ce qu&apos;il manque</Label>
            <textarea
              id="manques"
              name="manques"
              rows={3}
              maxLength={2000}
              defaultValue={values.manques}
              aria-describedby="manques-aide"
              className="champ"
            />
            <FieldMessages name="manques" hint="Une pièce ou une information par ligne." />
          </div>
          <button type="submit" className="bouton-secondaire" disabled={pending}>
            Demander un complément
          </button>
        </Formulaire>
      )}

      {possibles.refuser && (
        <Formulaire {...commun} decision="refuser">
          <Motif name={CHAMP_MOTIF.refuser} label="Motif du refus" state={state} />
          {confirmation("refuser", "Refuser", "Confirmer le refus", "bouton-secondaire")}
        </Formulaire>
      )}
    </div>
  );
}

type Decision = keyof Props["possibles"];

function Formulaire({
  action,
  onSubmit,
  pending,
  numero,
  statut,
  decision,
  children,
}: {
  action: (formData: FormData) => void;
  onSubmit: ReturnType<typeof useFormulaireAction>["onSubmit"];
  pending: boolean;
  numero: number;
  statut: StatutDemande;
  decision: Decision;
  children: ReactNode;
}) {
  return (
    <form action={action} onSubmit={onSubmit} noValidate aria-busy={pending} className="border-t border-stone-200 pt-4">
      <input type="hidden" name="numero" value={numero} />
      <input type="hidden" name="statutVu" value={statut} />
      <input type="hidden" name="decision" value={decision} />
      {children}
    </form>
  );
}

function Motif({ name, label, state }: { name: string; label: string; state: FormState }) {
  const error = state.errors[name];
  return (
    <div className="mb-3">
      <Label htmlFor={name} required>
        {label}
      </Label>
      <textarea
        id={name}
        name={name}
        rows={3}
        maxLength={2000}
        required
        defaultValue={state.values[name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-erreur` : undefined}
        className="champ"
      />
      <FieldMessages name={name} error={error} />
    </div>
  );
}

/** "Accepter la demande N° 12 ?": focused when it appears, so a keyboard or screen-reader user hears it. */
function Confirmation({
  question,
  confirmation,
  confirmer,
  classe,
  pending,
  onAnnuler,
}: {
  question: string;
  /** what the confirming button sends besides the decision (the pieces it names) */
  confirmation?: ReactNode;
  confirmer: string;
  classe: string;
  pending: boolean;
  onAnnuler: () => void;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
      <p ref={ref} tabIndex={-1} className="mb-3 font-semibold">
        {question}
      </p>
      {confirmation}
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" className={classe} disabled={pending}>
          {confirmer}
        </button>
        <button type="button" className="bouton-discret" onClick={onAnnuler}>
          Ne rien faire
        </button>
      </div>
    </div>
  );
}
