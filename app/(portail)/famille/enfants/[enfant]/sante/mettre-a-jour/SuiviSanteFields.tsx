// Issue 26's parts of MA DEMANDE: VACCINATIONS (the date of each vaccine's last injection, DT-Polio first, as the
// carnet de santé gives it), TRAITEMENTS EN COURS (the rows filled and one empty, up to five: saving shows the
// next one) and the signed PAI (a file, checked again by its bytes on the server, 10 Mo at most).
import { CheckboxField, FieldMessages, TextField } from "@/components/ui/Field";
import { champTraitement, champVaccin, lignesDeTraitement } from "@/lib/domain/sante/suivi";
import { VACCINS, type Vaccin } from "@/lib/domain/sante/vaccins";

const ACCEPT_PAI = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";
const legende = "mb-3 w-full bg-stone-100 px-3 py-2 font-bold uppercase";

type Props = { v: Record<string, string>; errors: Record<string, string>; tropLourd: string | null };

export function SuiviSanteFields({ v, errors, tropLourd }: Props) {
  return (
    <>
      <fieldset className="mb-8">
        <legend className={legende}>Vaccinations</legend>
        <p className="mb-3">
          La date de la dernière injection de chaque vaccin, telle qu&apos;elle figure dans le carnet de santé. Le
          DT-Polio est obligatoire pour l&apos;accueil collectif.
        </p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {(Object.entries(VACCINS) as [Vaccin, string][]).map(([code, libelle]) => (
            <TextField
              key={code}
              name={champVaccin(code)}
              label={libelle}
              type="date"
              defaultValue={v[champVaccin(code)]}
              error={errors[champVaccin(code)]}
            />
          ))}
          <TextField
            name="vaccinAutre"
            label="Autre vaccin"
            defaultValue={v.vaccinAutre}
            error={errors.vaccinAutre}
            autoComplete="off"
          />
          <TextField
            name="vaccinAutreDate"
            label="Date de l'autre vaccin"
            type="date"
            defaultValue={v.vaccinAutreDate}
            error={errors.vaccinAutreDate}
          />
        </div>
      </fieldset>

      <fieldset className="mb-8">
        <legend className={legende}>Traitements en cours</legend>
        <p className="mb-3">
          Un médicament par ligne. Une nouvelle ligne apparaît quand vous enregistrez (cinq au plus).
        </p>
        {Array.from({ length: lignesDeTraitement(v) }, (_, i) => i + 1).map((rang) => (
          <fieldset key={rang} className="mb-2 grid gap-x-4 sm:grid-cols-3">
            <legend className="sr-only">Traitement {rang}</legend>
            <TextField
              name={champTraitement(rang, "medicament")}
              label={`Médicament (traitement ${rang})`}
              defaultValue={v[champTraitement(rang, "medicament")]}
              error={errors[champTraitement(rang, "medicament")]}
              autoComplete="off"
            />
            <TextField
              name={champTraitement(rang, "posologie")}
              label={`Posologie (traitement ${rang})`}
              defaultValue={v[champTraitement(rang, "posologie")]}
              error={errors[champTraitement(rang, "posologie")]}
              autoComplete="off"
            />
            <TextField
              name={champTraitement(rang, "jusquau")}
              label={`Jusqu'au (facultatif, traitement ${rang})`}
              type="date"
              defaultValue={v[champTraitement(rang, "jusquau")]}
              error={errors[champTraitement(rang, "jusquau")]}
            />
          </fieldset>
        ))}
        <button type="submit" name="intent" value="enregistrer" className="bouton-secondaire">
          Ajouter un traitement
        </button>
      </fieldset>

      <fieldset className="mb-8">
        <legend className={legende}>PAI signé</legend>
        <p id="paiDocument-aide" className="mb-2 text-sm text-stone-700">
          Si votre enfant a un projet d&apos;accueil individualisé, joignez le document signé : PDF, JPEG ou PNG, 10 Mo
          au maximum. Il est chiffré et réservé aux agents habilités aux données de santé.
        </p>
        {v.paiDocumentNom && (
          <>
            <p className="mb-2">
              Document joint : <span className="font-semibold">{v.paiDocumentNom}</span>
            </p>
            <CheckboxField name="retirerPaiDocument" label="Retirer ce document" />
          </>
        )}
        <label htmlFor="paiDocument" className="mb-1 block font-semibold">
          {v.paiDocumentNom ? "Remplacer par un autre document" : "Document du PAI"}
        </label>
        <input
          id="paiDocument"
          type="file"
          name="paiDocument"
          accept={ACCEPT_PAI}
          className="champ"
          aria-describedby={`paiDocument-aide${errors.paiDocument || tropLourd ? " paiDocument-erreur" : ""}`}
          aria-invalid={errors.paiDocument || tropLourd ? true : undefined}
        />
        <FieldMessages name="paiDocument" error={tropLourd ?? errors.paiDocument} />
        {/* shown again after a search of the directory: the server keeps the document itself */}
        {v.paiDocumentNom && <input type="hidden" name="paiDocumentNom" value={v.paiDocumentNom} />}
      </fieldset>
    </>
  );
}
