// The Identité step of Créer mon espace after FranceConnect: what FranceConnect says is shown read-only (the
// server puts it back whatever is sent, lib/domain/usager/franceconnect.ts); only the nom usuel is the parent's.
import { Alert } from "@/components/ui/Alert";
import { TextField } from "@/components/ui/Field";
import { CIVILITES } from "@/lib/domain/usager/schemas";

type Props = { values: Record<string, string>; errors: Record<string, string> };

export function IdentiteFranceConnect({ values: v, errors }: Props) {
  const verrouille = { readOnly: true, className: "champ bg-stone-100" } as const;
  return (
    <fieldset>
      <legend className="sr-only">Identité</legend>
      <Alert kind="info" title="Identité transmise par FranceConnect">
        <p>Ces informations viennent de FranceConnect et ne peuvent pas être modifiées ici.</p>
      </Alert>
      <input type="hidden" name="civilite" value={v.civilite ?? ""} />
      <TextField
        name="civiliteAffichee"
        label="Civilité"
        defaultValue={CIVILITES[v.civilite as keyof typeof CIVILITES] ?? ""}
        {...verrouille}
      />
      <TextField
        name="nomUsage"
        label="Nom usuel"
        required
        defaultValue={v.nomUsage}
        error={errors.nomUsage}
        autoComplete="family-name"
        maxLength={100}
      />
      <TextField name="nomNaissance" label="Nom de naissance" defaultValue={v.nomNaissance} {...verrouille} />
      <TextField name="prenoms" label="Prénom(s)" defaultValue={v.prenoms} {...verrouille} />
      <TextField
        name="dateNaissance"
        label="Date de naissance"
        type="date"
        defaultValue={v.dateNaissance}
        {...verrouille}
      />
      <TextField name="paysNaissance" label="Pays de naissance" defaultValue={v.paysNaissance} {...verrouille} />
      <TextField
        name="departementNaissance"
        label="Département de naissance"
        defaultValue={v.departementNaissance}
        {...verrouille}
      />
      <TextField
        name="communeNaissance"
        label="Commune de naissance"
        defaultValue={v.communeNaissance}
        {...verrouille}
      />
    </fieldset>
  );
}
