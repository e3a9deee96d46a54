// Field groups several forms repeat, written once with their labels and hints: the period « Du » / « Au » of an
// absence or a service non assuré (the last day empty for a single day, as their actions read it), and the
// motif chosen from the list the page gives. A person's fields are components/famille/PersonneFields.tsx.
import { SelectField, TextField } from "@/components/ui/Field";

type Saisie = { valeurs: Record<string, string>; errors: Record<string, string> };

/** « Du » (required) and « Au » (empty: the same day), as the fields `debut` and `fin`. */
export function PeriodeFields({ valeurs, errors, min }: Saisie & { min?: string }) {
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <TextField
        name="debut"
        label="Du"
        type="date"
        required
        min={min}
        defaultValue={valeurs.debut}
        error={errors.debut}
      />
      <TextField
        name="fin"
        label="Au"
        type="date"
        min={min}
        defaultValue={valeurs.fin}
        error={errors.fin}
        hint="Laissez vide pour un seul jour."
      />
    </div>
  );
}

/** The required « Motif », one of `motifs` (value → label), as the field `motif`. */
export function MotifField({ valeurs, errors, motifs }: Saisie & { motifs: Record<string, string> }) {
  return (
    <SelectField
      name="motif"
      label="Motif"
      required
      options={motifs}
      defaultValue={valeurs.motif ?? ""}
      error={errors.motif}
    />
  );
}
