"use client";
// A unit's tariff: its mode, then the fields of that mode (a price; brackets of QF; a taux d'effort with its
// bounds). Each message beside its field; nothing typed is lost on a refusal.
import { useState } from "react";
import { ChampsObligatoires, SelectField, TextField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

const MODES = { FIXE: "Prix fixe", TRANCHES: "Tranches de quotient familial", TAUX_EFFORT: "Taux d'effort" };

export function TarifForm({
  action,
  valeurs,
  lignes,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  valeurs: Record<string, string>;
  lignes: number;
}) {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction(action, { focus: "champ" });
  const valeur = (nom: string) => (state.ok === false ? state.values[nom] : (state.values[nom] ?? valeurs[nom])) ?? "";
  const [mode, setMode] = useState(valeur("mode") || "TRANCHES");
  const e = state.errors;
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
      {annonce}
      <ChampsObligatoires />
      <SelectField
        name="mode"
        label="Mode de calcul"
        required
        options={MODES}
        value={mode}
        onChange={(ev) => setMode(ev.target.value)}
        error={e.mode}
      />
      {mode === "FIXE" && (
        <TextField
          name="prix"
          label="Prix unitaire (€)"
          required
          inputMode="decimal"
          defaultValue={valeur("prix")}
          error={e.prix}
          hint="Jusqu'à 4 décimales, par exemple 3,155."
        />
      )}
      {mode === "TAUX_EFFORT" && (
        <>
          <TextField
            name="taux"
            label="Taux d'effort (% du QF)"
            required
            inputMode="decimal"
            defaultValue={valeur("taux")}
            error={e.taux}
            hint="0,42 : un QF de 1 000 € paie 4,20 €."
          />
          <TextField
            name="min"
            label="Prix minimum (€)"
            required
            inputMode="decimal"
            defaultValue={valeur("min")}
            error={e.min}
          />
          <TextField
            name="max"
            label="Prix maximum (€)"
            required
            inputMode="decimal"
            defaultValue={valeur("max")}
            error={e.max}
            hint="Aussi le prix payé sans quotient familial."
          />
        </>
      )}
      {mode === "TRANCHES" && (
        <fieldset className="mb-4">
          <legend className="mb-2 font-semibold">
            Tranches (QF en euros ; borne haute exclue ; dernière tranche sans borne haute)
          </legend>
          {Array.from({ length: lignes }, (_, i) => (
            <div key={i} className="grid gap-x-3 sm:grid-cols-3">
              <TextField
                name={`qfMin${i}`}
                label={`Tranche ${i + 1} : QF à partir de`}
                inputMode="numeric"
                defaultValue={valeur(`qfMin${i}`)}
                error={e[`qfMin${i}`]}
              />
              <TextField
                name={`qfMax${i}`}
                label={`Tranche ${i + 1} : QF inférieur à`}
                inputMode="numeric"
                defaultValue={valeur(`qfMax${i}`)}
                error={e[`qfMax${i}`]}
              />
              <TextField
                name={`prix${i}`}
                label={`Tranche ${i + 1} : prix (€)`}
                inputMode="decimal"
                defaultValue={valeur(`prix${i}`)}
                error={e[`prix${i}`]}
              />
            </div>
          ))}
        </fieldset>
      )}
      <TextField
        name="majoration"
        label="Supplément « présent sans réservation » (€, facultatif)"
        inputMode="decimal"
        defaultValue={valeur("majoration")}
        error={e.majoration}
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer le tarif
      </button>
    </form>
  );
}
