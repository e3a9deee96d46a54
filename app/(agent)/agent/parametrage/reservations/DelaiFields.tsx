"use client";
// One délai of the Paramétrage des réservations (réserver or annuler): its form, and the rule in words with an
// example as it is typed, so the agent sees what the families will be told before saving.
import { useState, type ReactNode } from "react";
import { FieldMessages, Label } from "@/components/ui/Field";
import { delaiSchema, echeance, libelleDelai, type Delai } from "@/lib/domain/calendrier/delais";
import { NOMS_TYPES_DELAI } from "@/lib/domain/calendrier/schemas";
import { jourEnClair, nomJour, type Jour } from "@/lib/temps/jours-calcul";

export type Saisie = { type: string; n: string; ouvres: boolean; jour: string; heure: string };

export const saisieDe = (d: Delai | null): Saisie => ({
  type: d?.type ?? "J_MOINS",
  n: d && "n" in d ? String(d.n) : "1",
  ouvres: d?.type === "J_MOINS" ? d.ouvres : false,
  jour: d && "jour" in d ? String(d.jour) : "4",
  heure: d && "heure" in d ? d.heure : "12:00",
});

const delaiDe = (s: Saisie): Delai | null => {
  const brut =
    s.type === "J_MOINS"
      ? { type: s.type, n: Number(s.n), ouvres: s.ouvres, heure: s.heure }
      : s.type === "JOUR_PRECEDENT" || s.type === "JOUR_SEMAINE_PRECEDENTE"
        ? { type: s.type, jour: Number(s.jour), heure: s.heure }
        : s.type === "JOUR_MOIS_PRECEDENT"
          ? { type: s.type, n: Number(s.n), heure: s.heure }
          : { type: s.type };
  const lu = delaiSchema.safeParse(brut);
  return lu.success ? lu.data : null;
};

/** "pour le lundi 7 septembre : jusqu'au jeudi 3 septembre à 12:00" */
export function exempleDelai(delai: Delai, exemple: Jour, partie: "reservation" | "annulation"): string {
  const e = echeance(delai, exemple);
  if (!e) return `pour le ${jourEnClair(exemple)} : jamais (l'annulation se fait auprès du service)`;
  return `pour le ${jourEnClair(exemple)} : ${partie === "reservation" ? "réservable" : "annulable"} jusqu'au ${jourEnClair(e.jour)} à ${e.heure}`;
}

export function DelaiFields({
  partie,
  titre,
  initial,
  errors,
  exemple,
}: {
  partie: "reservation" | "annulation";
  titre: string;
  initial: Saisie;
  errors: Record<string, string>;
  exemple: Jour;
}) {
  const [s, setS] = useState(initial);
  const maj = (champ: keyof Saisie, valeur: string | boolean) => setS({ ...s, [champ]: valeur });
  const nom = (champ: string) => `${partie}-${champ}`;
  const delai = delaiDe(s);
  const types = Object.entries(NOMS_TYPES_DELAI).filter(([t]) => partie === "annulation" || t !== "JAMAIS");
  const champ = (name: string, label: string, control: ReactNode) => (
    <div className="mb-4">
      <Label htmlFor={nom(name)}>{label}</Label>
      {control}
      <FieldMessages name={nom(name)} error={errors[nom(name)]} />
    </div>
  );
  const attributs = (name: string) => ({
    id: nom(name),
    name: nom(name),
    className: "champ",
    "aria-invalid": errors[nom(name)] ? true : undefined,
    "aria-describedby": errors[nom(name)] ? `${nom(name)}-erreur` : undefined,
  });
  return (
    <fieldset className="mb-4 rounded-md border border-stone-300 p-3">
      <legend className="px-1 font-semibold">{titre}</legend>
      {champ(
        "type",
        "Forme du délai",
        <select {...attributs("type")} value={s.type} onChange={(e) => maj("type", e.target.value)}>
          {types.map(([t, texte]) => (
            <option key={t} value={t}>
              {texte}
            </option>
          ))}
        </select>,
      )}
      <div className="grid gap-x-4 sm:grid-cols-3">
        {(s.type === "J_MOINS" || s.type === "JOUR_MOIS_PRECEDENT") &&
          champ(
            "n",
            s.type === "J_MOINS" ? "Nombre de jours avant (N)" : "Jour du mois (N)",
            <input {...attributs("n")} inputMode="numeric" value={s.n} onChange={(e) => maj("n", e.target.value)} />,
          )}
        {(s.type === "JOUR_PRECEDENT" || s.type === "JOUR_SEMAINE_PRECEDENTE") &&
          champ(
            "jour",
            "Jour de la semaine",
            <select {...attributs("jour")} value={s.jour} onChange={(e) => maj("jour", e.target.value)}>
              {[1, 2, 3, 4, 5, 6, 7].map((j) => (
                <option key={j} value={j}>
                  {nomJour(j)}
                </option>
              ))}
            </select>,
          )}
        {s.type !== "JAMAIS" &&
          champ(
            "heure",
            "Heure limite (HH:MM)",
            <input
              {...attributs("heure")}
              type="time"
              value={s.heure}
              onChange={(e) => maj("heure", e.target.value)}
            />,
          )}
      </div>
      {s.type === "J_MOINS" && (
        <div className="mb-4 flex items-start gap-3">
          <input
            type="checkbox"
            id={nom("ouvres")}
            name={nom("ouvres")}
            checked={s.ouvres}
            onChange={(e) => maj("ouvres", e.target.checked)}
            className="mt-3 size-5 shrink-0 accent-marque"
          />
          <label htmlFor={nom("ouvres")} className="min-h-11 py-2.5">
            Compter en jours ouvrés (sans samedis, dimanches ni jours fériés)
          </label>
        </div>
      )}
      <p aria-live="polite" className="rounded-md bg-stone-100 p-2 text-sm">
        {delai ? (
          <>
            <span className="font-semibold">Règle : {libelleDelai(delai)}</span>
            <br />
            Par exemple, {exempleDelai(delai, exemple, partie)}.
          </>
        ) : (
          "Règle incomplète : complétez les champs ci-dessus."
        )}
      </p>
    </fieldset>
  );
}
