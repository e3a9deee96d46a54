"use client";
// « Service non assuré »: the activities and lieux (one declaration may cover several), the day or range, the
// motif; then what it will do (« 143 réservations annulées, 97 familles prévenues ») to confirm or modify, what
// was typed kept; and the undo of a declaration made today. A refused form keeps what was typed and says why
// beside the field.
import { Alert } from "@/components/ui/Alert";
import { CaseDeListe, FieldMessages } from "@/components/ui/Field";
import { MotifField, PeriodeFields } from "@/components/formulaire/champs";
import type { FormState } from "@/lib/forms";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { sansPointFinal } from "@/lib/texte/point-final";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
type Etat = FormState & { apercu?: { bilan: string }; modifier?: boolean };
type Activites = { id: number; libelle: string; lieux: { id: number; nom: string }[] }[];

const caseDe = (activiteId: number, lieuId: number) => `service-${activiteId}-${lieuId}`;

function Services({ activites, v, erreur }: { activites: Activites; v: Record<string, string>; erreur?: string }) {
  return (
    <fieldset
      name="services"
      tabIndex={-1}
      className="mb-4 outline-none"
      aria-describedby={erreur ? "services-erreur" : undefined}
    >
      <legend className="mb-1 font-semibold">
        <span aria-hidden="true" className="mr-1 text-red-700">
          *
        </span>
        Activités et lieux
      </legend>
      <div className="grid gap-x-6 sm:grid-cols-2">
        {activites.map((a) => (
          <fieldset key={a.id} className="mb-2">
            <legend className="text-sm font-semibold uppercase text-stone-700">{a.libelle}</legend>
            {a.lieux.map((l) => {
              const nom = caseDe(a.id, l.id);
              return (
                <CaseDeListe key={l.id} name={nom} defaultChecked={v[nom] === "on"}>
                  {l.nom}
                </CaseDeListe>
              );
            })}
          </fieldset>
        ))}
      </div>
      <FieldMessages name="services" error={erreur} />
    </fieldset>
  );
}

/** What the confirmation step says it will declare: the activities and lieux, the days, the motif. */
function resume(activites: Activites, v: Record<string, string>, motifs: Record<string, string>) {
  const services = activites.flatMap((a) =>
    a.lieux.filter((l) => v[caseDe(a.id, l.id)] === "on").map((l) => `${sansPointFinal(a.libelle)}, ${l.nom}`),
  );
  const jour = (j: string) => j.split("-").reverse().join("/");
  const periode = v.fin && v.fin !== v.debut ? `du ${jour(v.debut!)} au ${jour(v.fin)}` : `le ${jour(v.debut!)}`;
  return `${services.join(" ; ")} — ${periode} — ${motifs[v.motif!] ?? ""}`;
}

export function DeclarationForm({
  action,
  activites,
  motifs,
}: {
  action: Action;
  activites: Activites;
  motifs: Record<string, string>;
}) {
  const { state, formAction, pending, formRef, annonce, onSubmit, numero } = useFormulaireAction<Etat>(action, {
    focus: "champ",
  });
  const v = state.ok ? {} : state.values;
  if (!state.ok && state.apercu)
    return (
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
        <Alert key={`apercu-${numero}`} title={`Cette déclaration : ${state.apercu.bilan}.`}>
          <p>{resume(activites, v, motifs)}</p>
          <p>Chaque famille concernée reçoit un seul courriel. Confirmez-vous la déclaration ?</p>
        </Alert>
        {Object.entries(v)
          .filter(([nom]) => nom !== "etape")
          .map(([nom, valeur]) => (
            <input key={nom} type="hidden" name={nom} value={valeur} />
          ))}
        <div className="flex flex-wrap gap-4">
          <button type="submit" name="etape" value="confirmer" className="bouton-principal" disabled={pending}>
            Confirmer
          </button>
          <button type="submit" name="etape" value="modifier" className="bouton-secondaire" disabled={pending}>
            Modifier
          </button>
        </div>
      </form>
    );
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      {state.modifier && (
        <Alert key={`modifier-${numero}`} title="Modifiez la déclaration, puis vérifiez-la à nouveau." />
      )}
      <Services activites={activites} v={v} erreur={state.errors.services} />
      <PeriodeFields valeurs={v} errors={state.errors} />
      <MotifField valeurs={v} errors={state.errors} motifs={motifs} />
      <p className="mb-3 text-sm">
        Chaque réservation de ces jours devient « non facturée » et chaque famille concernée reçoit un courriel. Le
        nombre de réservations et de familles concernées s&apos;affiche avant de confirmer.
      </p>
      <button type="submit" name="etape" value="apercu" className="bouton-principal" disabled={pending}>
        Déclarer le service non assuré
      </button>
    </form>
  );
}

/** Stays on the page once the declaration is undone, so its message is still read after the list refreshes. */
export function AnnulerForm({
  action,
  id,
  libelle,
  annulable,
}: {
  action: Action;
  id: string;
  libelle: string;
  annulable: boolean;
}) {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction(action, { focus: "champ" });
  if (!annulable && !state.message) return null;
  return (
    <form ref={formRef} action={formAction} aria-busy={pending}>
      {annonce}
      <input type="hidden" name="id" value={id} />
      {annulable && !state.ok && (
        <button type="submit" className="bouton-secondaire" disabled={pending}>
          Annuler cette déclaration<span className="sr-only"> : {libelle}</span>
        </button>
      )}
    </form>
  );
}
