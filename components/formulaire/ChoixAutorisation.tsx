// A required « Autorisation / Interdiction » choice, nothing preselected: the inscription's permissions and
// habilitations, and « Venir chercher l'enfant » per child in « Contacts et habilitations ».
import { FieldMessages } from "@/components/ui/Field";

export function ChoixAutorisation({
  name,
  libelle,
  valeur,
  error,
  className = "mb-4",
}: {
  name: string;
  libelle: string;
  valeur?: string;
  error?: string;
  className?: string;
}) {
  return (
    <fieldset className={className} aria-describedby={error ? `${name}-erreur` : undefined}>
      <legend className="mb-1 font-semibold">
        <span aria-hidden="true" className="mr-1 text-red-700">
          *
        </span>
        {libelle}
      </legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {(["AUTORISE", "INTERDIT"] as const).map((choix) => (
          <label key={choix} className="inline-flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name={name}
              value={choix}
              defaultChecked={valeur === choix}
              required
              className="size-5 accent-marque"
            />
            {choix === "AUTORISE" ? "Autorisation" : "Interdiction"}
          </label>
        ))}
      </div>
      <FieldMessages name={name} error={error} />
    </fieldset>
  );
}
