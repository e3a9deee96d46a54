"use client";
// The seed's ADRESSE block: a search among the national addresses (ARIA 1.2 combobox with a listbox popup)
// whose chosen suggestion fills the fields, and the fields themselves, always editable by hand. The search is
// only a help: when the service gives nothing (down, slow, no match) nothing is said and the family types.
import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent, type RefObject } from "react";
import { FieldMessages, Label, TextField } from "@/components/ui/Field";
import type { AdresseSuggestion } from "@/lib/adresse/geoplateforme";
import { ADRESSE_CHAMPS } from "@/lib/domain/famille/schemas";

type Props = { values: Record<string, string>; errors: Record<string, string> };

const CHAMPS = ADRESSE_CHAMPS;
type Champ = (typeof CHAMPS)[number];
type Adresse = Record<Champ, string>;

const VIDE: Adresse = {
  adresseNumero: "",
  adresseVoie: "",
  adresseBatiment: "",
  adresseAppartement: "",
  adresseComplement: "",
  codePostal: "",
  ville: "",
  pays: "FRANCE",
  codeInsee: "",
};
// The INSEE code stands for the suggestion chosen: once one of these is typed by hand, the address is another.
const HORS_SUGGESTION = new Set<Champ>(["adresseVoie", "codePostal", "ville", "pays"]);

const MIN_CARACTERES = 3;
const ATTENTE_MS = 250;
const RECHERCHE_ID = "adresse-recherche";
const LISTE_ID = "adresse-suggestions";
const optionId = (index: number) => `${LISTE_ID}-${index}`;

function adresseInitiale(values: Record<string, string>): Adresse {
  const adresse = { ...VIDE };
  for (const champ of CHAMPS) adresse[champ] = values[champ] ?? VIDE[champ];
  return adresse;
}

function annonceDe(nombre: number): string {
  if (nombre === 0) return "";
  return nombre === 1 ? "1 adresse proposée" : `${nombre} adresses proposées`;
}

export function AdresseFields({ values, errors }: Props) {
  const [adresse, setAdresse] = useState(() => adresseInitiale(values));
  const [texte, setTexte] = useState("");
  const [suggestions, setSuggestions] = useState<AdresseSuggestion[]>([]);
  const [ouverte, setOuverte] = useState(false);
  const [active, setActive] = useState(-1);
  const [annonce, setAnnonce] = useState("");
  const recherche = useRef<HTMLInputElement>(null);
  const attente = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const enCours = useRef<AbortController | null>(null);
  const deroulee = ouverte && suggestions.length > 0;

  /** Forgets the search waiting for its delay and the one waiting for its answer. */
  function abandonner() {
    clearTimeout(attente.current);
    enCours.current?.abort();
    enCours.current = null;
  }
  useEffect(() => abandonner, []);

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active]);

  function fermer() {
    setOuverte(false);
    setActive(-1);
  }

  function saisir(champ: Champ, valeur: string) {
    setAdresse((a) => ({ ...a, [champ]: valeur, ...(HORS_SUGGESTION.has(champ) ? { codeInsee: "" } : {}) }));
  }

  function taper(valeur: string) {
    setTexte(valeur);
    setActive(-1);
    // Emptied now so that the next count is heard even when it is the same as the last one.
    setAnnonce("");
    abandonner();
    const q = valeur.trim();
    if (q.length < MIN_CARACTERES) {
      setSuggestions([]);
      setOuverte(false);
      return;
    }
    attente.current = setTimeout(() => void chercher(q), ATTENTE_MS);
  }

  async function chercher(q: string) {
    const controller = new AbortController();
    enCours.current = controller;
    let recues: AdresseSuggestion[] = [];
    try {
      const response = await fetch(`/api/adresses?q=${encodeURIComponent(q)}`, {
        signal: controller.signal,
        cache: "no-store",
      });
      if (response.ok) recues = ((await response.json()) as { suggestions: AdresseSuggestion[] }).suggestions;
    } catch {
      // Down, offline or interrupted: no suggestion, and the fields stay there to be typed in.
    }
    // A later keystroke, a choice or "Effacer" made this answer stale.
    if (controller.signal.aborted) return;
    enCours.current = null;
    setSuggestions(recues);
    setOuverte(recues.length > 0 && document.activeElement === recherche.current);
    setActive(-1);
    setAnnonce(annonceDe(recues.length));
  }

  function choisir(suggestion: AdresseSuggestion) {
    abandonner();
    setAdresse((a) => ({
      ...a,
      adresseNumero: suggestion.numero,
      adresseVoie: suggestion.voie,
      codePostal: suggestion.codePostal,
      ville: suggestion.ville,
      pays: suggestion.pays,
      codeInsee: suggestion.codeInsee,
    }));
    setTexte(suggestion.label);
    fermer();
    setAnnonce("");
    document.getElementById("adresseBatiment")?.focus();
  }

  function effacer() {
    abandonner();
    setAdresse(VIDE);
    setTexte("");
    setSuggestions([]);
    fermer();
    setAnnonce("");
    recherche.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const nombre = suggestions.length;
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && nombre > 0) {
      event.preventDefault();
      const bas = event.key === "ArrowDown";
      setOuverte(true);
      if (!deroulee) setActive(bas ? 0 : nombre - 1);
      else setActive(bas ? (active + 1) % nombre : (active <= 0 ? nombre : active) - 1);
    } else if (event.key === "Enter" && deroulee) {
      // Enter is for the list while it is shown: never a submission of the form (whose own Enter handler,
      // if any, must not see it either).
      event.preventDefault();
      event.stopPropagation();
      const choisie = suggestions[active];
      if (choisie) choisir(choisie);
      else fermer();
    } else if (event.key === "Escape" && (deroulee || texte)) {
      event.preventDefault();
      event.stopPropagation();
      if (deroulee) fermer();
      else taper("");
    }
  }

  const champ = (name: Exclude<Champ, "codeInsee">) => ({
    name,
    value: adresse[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => saisir(name, event.target.value),
  });

  return (
    <fieldset className="mb-6">
      <legend className="mb-3 text-lg font-bold uppercase">Adresse</legend>
      <RechercheAdresse
        rechercheRef={recherche}
        texte={texte}
        deroulee={deroulee}
        active={active}
        suggestions={suggestions}
        annonce={annonce}
        onTaper={taper}
        onKeyDown={onKeyDown}
        onFermer={fermer}
        onChoisir={choisir}
        onEffacer={effacer}
      />
      <ChampsSaisis champ={champ} />
      <input type="hidden" name="codeInsee" value={adresse.codeInsee} />
    </fieldset>
  );
}

/** The search (an ARIA 1.2 combobox), its list of suggestions, « Effacer » and the count read aloud. */
function RechercheAdresse({
  rechercheRef,
  texte,
  deroulee,
  active,
  suggestions,
  annonce,
  onTaper,
  onKeyDown,
  onFermer,
  onChoisir,
  onEffacer,
}: {
  rechercheRef: RefObject<HTMLInputElement | null>;
  texte: string;
  deroulee: boolean;
  active: number;
  suggestions: AdresseSuggestion[];
  annonce: string;
  onTaper: (valeur: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onFermer: () => void;
  onChoisir: (suggestion: AdresseSuggestion) => void;
  onEffacer: () => void;
}) {
  return (
    <div className="mb-4">
      <Label htmlFor={RECHERCHE_ID}>Adresse</Label>
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <input
            ref={rechercheRef}
            id={RECHERCHE_ID}
            type="text"
            role="combobox"
            aria-expanded={deroulee}
            aria-controls={LISTE_ID}
            aria-autocomplete="list"
            aria-activedescendant={deroulee && active >= 0 ? optionId(active) : undefined}
            aria-describedby={`${RECHERCHE_ID}-aide`}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            placeholder="Rechercher une adresse..."
            value={texte}
            onChange={(event) => onTaper(event.target.value)}
            onKeyDown={onKeyDown}
            onBlur={onFermer}
            className="champ"
          />
          {deroulee && (
            // Pressing an option must not take the focus from the search field (whose blur closes the list).
            <ul
              id={LISTE_ID}
              role="listbox"
              aria-label="Adresses proposées"
              onMouseDown={(event) => event.preventDefault()}
              className="absolute inset-x-0 top-full z-10 mt-1 rounded-md border border-stone-500 bg-white shadow-lg"
            >
              {suggestions.map((suggestion, index) => (
                <li
                  key={`${index}-${suggestion.label}`}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  onClick={() => onChoisir(suggestion)}
                  className="flex min-h-11 cursor-pointer items-center border-b border-stone-200 px-3 py-2 last:border-b-0 hover:bg-stone-100 aria-selected:bg-blue-700 aria-selected:text-white"
                >
                  {suggestion.label.includes(suggestion.codePostal)
                    ? suggestion.label
                    : `${suggestion.label} (${suggestion.codePostal})`}
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="button" className="bouton-secondaire shrink-0" onClick={onEffacer}>
          Effacer
        </button>
      </div>
      <FieldMessages
        name={RECHERCHE_ID}
        hint="Au moins 3 caractères, puis choisissez une adresse proposée. Vous pouvez aussi remplir les champs ci-dessous."
      />
      <p role="status" className="sr-only">
        {annonce}
      </p>
    </div>
  );
}

type ProprietesChamp = {
  name: string;
  value: string;
  error?: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
};

/** The address's own fields, always editable by hand. */
function ChampsSaisis({ champ }: { champ: (name: Exclude<Champ, "codeInsee">) => ProprietesChamp }) {
  return (
    <>
      <div className="grid gap-x-4 sm:grid-cols-[8rem_1fr]">
        <TextField {...champ("adresseNumero")} label="Numéro" maxLength={10} />
        <TextField
          {...champ("adresseVoie")}
          label="Nom de la voie"
          required
          autoComplete="address-line1"
          maxLength={150}
        />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField {...champ("adresseBatiment")} label="Bâtiment" maxLength={50} />
        <TextField {...champ("adresseAppartement")} label="Appartement" maxLength={50} />
      </div>
      <TextField {...champ("adresseComplement")} label="Complément" autoComplete="address-line2" maxLength={150} />
      <div className="grid gap-x-4 sm:grid-cols-[10rem_1fr]">
        <TextField
          {...champ("codePostal")}
          label="Code postal"
          required
          autoComplete="postal-code"
          inputMode="numeric"
          maxLength={10}
          hint="5 chiffres en France."
        />
        <TextField {...champ("ville")} label="Ville" required autoComplete="address-level2" maxLength={100} />
      </div>
      <TextField {...champ("pays")} label="Pays" required autoComplete="country-name" maxLength={100} />
    </>
  );
}
