// A person's identity as the usager's space holds it (lib/domain/usager/schemas.ts): civilité, names, birth
// date and place. One group for the two forms that ask for it, « Créer mon espace » (its Identité step) and
// « Modifier mon espace » (ActionForm's `identite`), so their labels and limits cannot drift apart.
import { SelectField, TextField } from "@/components/ui/Field";
import { NOM_MAX } from "@/lib/champs";
import { CIVILITES } from "@/lib/domain/usager/schemas";

export function IdentiteFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const texte = (name: string, label: string) => (
    <TextField name={name} label={label} defaultValue={values[name]} error={errors[name]} maxLength={NOM_MAX} />
  );
  return (
    <>
      <SelectField
        name="civilite"
        label="Civilité"
        required
        options={CIVILITES}
        defaultValue={values.civilite ?? ""}
        error={errors.civilite}
        autoComplete="honorific-prefix"
      />
      <TextField
        name="nomUsage"
        label="Nom usuel"
        required
        defaultValue={values.nomUsage}
        error={errors.nomUsage}
        autoComplete="family-name"
        maxLength={NOM_MAX}
      />
      {texte("nomNaissance", "Nom de naissance")}
      <TextField
        name="prenoms"
        label="Prénom(s)"
        required
        defaultValue={values.prenoms}
        error={errors.prenoms}
        autoComplete="given-name"
        maxLength={NOM_MAX}
      />
      <TextField
        name="dateNaissance"
        label="Date de naissance"
        type="date"
        defaultValue={values.dateNaissance}
        error={errors.dateNaissance}
        autoComplete="bday"
        hint="Format JJ/MM/AAAA."
      />
      {texte("paysNaissance", "Pays de naissance")}
      {texte("departementNaissance", "Département de naissance")}
      {texte("communeNaissance", "Commune de naissance")}
    </>
  );
}
