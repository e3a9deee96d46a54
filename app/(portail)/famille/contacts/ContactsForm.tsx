"use client";
// « Contacts et habilitations »: every person of the family's list in one form, each with its fields and, per
// child, « Venir chercher l'enfant : Autorisation / Interdiction » and « À prévenir en cas d'urgence »; a person
// added here gets a fresh key, a known one may be removed. The whole list is sent; what is typed stays on an error.
import { useEffect, useRef, useState } from "react";
import { ChoixAutorisation } from "@/components/formulaire/ChoixAutorisation";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { CheckboxField, ChampsObligatoires, TextField } from "@/components/ui/Field";
import { champ, champEnfant, type EnfantNomme } from "@/lib/domain/famille/contacts-saisie";
import { demanderContactsAction } from "./actions";

export type PersonneForm = { cle: string; id: string | null; nom: string };

export function ContactsForm({
  personnes,
  enfants,
  valeurs,
}: {
  personnes: PersonneForm[];
  enfants: EnfantNomme[];
  valeurs: Record<string, string>;
}) {
  const { state, formRef, onSubmit, formAction, pending, annonce } = useFormulaireAction(demanderContactsAction, {
    valeurs,
  });
  const [liste, setListe] = useState(personnes);
  const [suivante, setSuivante] = useState(1);
  // the keyboard follows: a person added gets the focus on its first field, a person dropped gives it to « Ajouter »
  const focus = useRef<string | null>(null);
  const boutonAjouter = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const cible = focus.current;
    focus.current = null;
    if (cible === null) return;
    (cible === "ajouter" ? boutonAjouter.current : document.getElementById(champ(cible, "prenom")))?.focus();
  }, [liste]);
  const v = state.values;
  const e = state.errors;
  const ajouter = () => {
    setListe([...liste, { cle: `n${suivante}`, id: null, nom: `Nouvelle personne ${suivante}` }]);
    focus.current = `n${suivante}`;
    setSuivante(suivante + 1);
  };
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <ChampsObligatoires />
      <input type="hidden" name="contacts" value={liste.map((p) => p.cle).join(",")} />
      {liste.length === 0 && <p className="mb-4">Aucune personne autre que les représentants.</p>}
      {liste.map((p) => (
        <fieldset key={p.cle} className="mb-6 rounded-md border border-stone-300 p-3">
          <legend className="px-1 text-lg font-bold">{p.nom}</legend>
          <input type="hidden" name={champ(p.cle, "id")} value={p.id ?? ""} />
          <TextField
            name={champ(p.cle, "prenom")}
            label="Prénom"
            required
            autoComplete="off"
            defaultValue={v[champ(p.cle, "prenom")]}
            error={e[champ(p.cle, "prenom")]}
          />
          <TextField
            name={champ(p.cle, "nom")}
            label="Nom"
            required
            autoComplete="off"
            defaultValue={v[champ(p.cle, "nom")]}
            error={e[champ(p.cle, "nom")]}
          />
          <TextField
            name={champ(p.cle, "lien")}
            label="Lien avec l'enfant"
            required
            hint="Grand-mère, voisin…"
            defaultValue={v[champ(p.cle, "lien")]}
            error={e[champ(p.cle, "lien")]}
          />
          <TextField
            name={champ(p.cle, "telephonePortable")}
            label="Téléphone portable"
            type="tel"
            autoComplete="off"
            defaultValue={v[champ(p.cle, "telephonePortable")]}
            error={e[champ(p.cle, "telephonePortable")]}
          />
          <TextField
            name={champ(p.cle, "telephoneDomicile")}
            label="Téléphone domicile"
            type="tel"
            autoComplete="off"
            defaultValue={v[champ(p.cle, "telephoneDomicile")]}
            error={e[champ(p.cle, "telephoneDomicile")]}
          />
          <h3 className="mb-2 font-bold uppercase">Habilitations</h3>
          {enfants.map((enfant) => (
            <div key={enfant.id} className="mb-2">
              <ChoixAutorisation
                className="mb-2"
                name={champEnfant(p.cle, enfant.id, "recuperer")}
                libelle={`Venir chercher l'enfant — ${enfant.prenoms}`}
                valeur={v[champEnfant(p.cle, enfant.id, "recuperer")]}
                error={e[champEnfant(p.cle, enfant.id, "recuperer")]}
              />
              <CheckboxField
                name={champEnfant(p.cle, enfant.id, "prevenir")}
                label={`À prévenir en cas d'urgence — ${enfant.prenoms}`}
                defaultChecked={v[champEnfant(p.cle, enfant.id, "prevenir")] === "on"}
              />
            </div>
          ))}
          {p.id ? (
            <CheckboxField
              name={champ(p.cle, "retirer")}
              label={`Retirer ${p.nom} des contacts`}
              defaultChecked={v[champ(p.cle, "retirer")] === "on"}
            />
          ) : (
            <button
              type="button"
              className="bouton-secondaire"
              onClick={() => {
                setListe(liste.filter((x) => x.cle !== p.cle));
                focus.current = "ajouter";
              }}
            >
              Ne pas ajouter cette personne
            </button>
          )}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-3">
        <button ref={boutonAjouter} type="button" className="bouton-secondaire" onClick={ajouter}>
          Ajouter une personne
        </button>
        <button type="submit" className="bouton-principal" disabled={pending}>
          Valider
        </button>
      </div>
    </form>
  );
}
