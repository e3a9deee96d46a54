// The dossier santé's medical follow-up (issue 26), beside the seed's parts (schemas.ts): VACCINATIONS (the date
// of each vaccine's last injection, DT-Polio first, and one « Autre »), TRAITEMENTS EN COURS (a short repeatable
// list) and the signed PAI document (its metadata: the file itself is encrypted in the storage, document-pai.ts).
// Like schemas.ts, its messages never repeat what was typed.
import { estJour, type Jour } from "@/lib/temps/jours-calcul";
import { VACCINS, type Vaccin } from "@/lib/domain/sante/vaccins";

export type VaccinFait = { code: Vaccin; date: Jour };
export type Traitement = { medicament: string; posologie: string; jusquau: Jour | null };
/** The signed PAI as stored: `cle` is its key in the storage (encrypted, bound to the child). */
export type DocumentPai = { nom: string; sha256: string; mime: string; taille: number; cle: string };

export type SuiviSante = {
  vaccins: VaccinFait[];
  vaccinAutre: { nom: string; date: Jour | null } | null;
  traitements: Traitement[];
  paiDocument: DocumentPai | null;
};

/** A dossier validated before issue 26 has none of these: read as « nothing known ». */
export const SUIVI_VIDE: SuiviSante = { vaccins: [], vaccinAutre: null, traitements: [], paiDocument: null };

export const MAX_TRAITEMENTS = 5;
export const champVaccin = (code: Vaccin) => `vaccin_${code}`;
export const champTraitement = (rang: number, partie: "medicament" | "posologie" | "jusquau") =>
  `traitement_${rang}_${partie}`;

/** The PAI document's fields: written by the server only (never taken from what the browser posts). */
export const CHAMPS_DOCUMENT_PAI = [
  "paiDocumentNom",
  "paiDocumentSha256",
  "paiDocumentMime",
  "paiDocumentTaille",
  "paiDocumentCle",
] as const;

const RANGS = Array.from({ length: MAX_TRAITEMENTS }, (_, i) => i + 1);

/** The fields the parent types (the PAI document's are added by the server). */
export const CHAMPS_SUIVI = [
  ...(Object.keys(VACCINS) as Vaccin[]).map(champVaccin),
  "vaccinAutre",
  "vaccinAutreDate",
  ...RANGS.flatMap((rang) => (["medicament", "posologie", "jusquau"] as const).map((p) => champTraitement(rang, p))),
];

/** A date typed in the form: a real calendar day, from 1900, not after today; its error otherwise. */
function jourSaisi(valeur: string | undefined, aujourdhui: Jour | undefined, passe: boolean): Jour | null | string {
  const v = valeur?.trim();
  if (!v) return null;
  if (!estJour(v) || v < "1900-01-01") return "Indiquez une date valide (jj/mm/aaaa).";
  if (passe && aujourdhui && v > aujourdhui) return "Cette date est dans le futur : indiquez la date de l'injection.";
  return v;
}

const erreur = (resultat: Jour | null | string): resultat is string =>
  typeof resultat === "string" && !estJour(resultat);

/** Reads the follow-up's fields; `aujourdhui` (Europe/Paris) refuses an injection dated in the future. */
export function lireSuivi(
  values: Record<string, string>,
  aujourdhui?: Jour,
): { suivi: SuiviSante; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const vaccins: VaccinFait[] = [];
  for (const code of Object.keys(VACCINS) as Vaccin[]) {
    const date = jourSaisi(values[champVaccin(code)], aujourdhui, true);
    if (erreur(date)) errors[champVaccin(code)] = date;
    else if (date) vaccins.push({ code, date });
  }
  const nomAutre = values.vaccinAutre?.trim().slice(0, 100) || null;
  const dateAutre = jourSaisi(values.vaccinAutreDate, aujourdhui, true);
  if (erreur(dateAutre)) errors.vaccinAutreDate = dateAutre;
  else if (dateAutre && !nomAutre) errors.vaccinAutre = "Indiquez le nom de l'autre vaccin, ou videz sa date.";
  if ((values.vaccinAutre?.trim().length ?? 0) > 100) errors.vaccinAutre = "Autre vaccin : 100 caractères au maximum.";

  const traitements: Traitement[] = [];
  for (const rang of RANGS) {
    const [medicament, posologie] = (["medicament", "posologie"] as const).map(
      (p) => values[champTraitement(rang, p)]?.trim() ?? "",
    ) as [string, string];
    const jusquau = jourSaisi(values[champTraitement(rang, "jusquau")], aujourdhui, false);
    if (!medicament && !posologie && !jusquau) continue;
    if (erreur(jusquau)) errors[champTraitement(rang, "jusquau")] = jusquau;
    if (!medicament) errors[champTraitement(rang, "medicament")] = "Indiquez le médicament, ou videz cette ligne.";
    else if (medicament.length > 100)
      errors[champTraitement(rang, "medicament")] = "Médicament : 100 caractères au maximum.";
    if (!posologie) errors[champTraitement(rang, "posologie")] = "Indiquez la posologie (dose et moments de prise).";
    else if (posologie.length > 200)
      errors[champTraitement(rang, "posologie")] = "Posologie : 200 caractères au maximum.";
    traitements.push({ medicament, posologie, jusquau: erreur(jusquau) ? null : jusquau });
  }
  return {
    suivi: {
      vaccins,
      vaccinAutre: nomAutre ? { nom: nomAutre, date: erreur(dateAutre) ? null : dateAutre } : null,
      traitements,
      paiDocument: documentDesValeurs(values),
    },
    errors,
  };
}

/** The PAI document the values name (written by the server), or null. */
export function documentDesValeurs(values: Record<string, string>): DocumentPai | null {
  const { paiDocumentNom: nom, paiDocumentSha256: sha256, paiDocumentMime: mime, paiDocumentCle: cle } = values;
  const taille = Number(values.paiDocumentTaille);
  return nom && sha256 && mime && cle && Number.isInteger(taille) ? { nom, sha256, mime, taille, cle } : null;
}

export function valeursDuDocument(document: DocumentPai | null): Record<string, string> {
  if (!document) return {};
  return {
    paiDocumentNom: document.nom,
    paiDocumentSha256: document.sha256,
    paiDocumentMime: document.mime,
    paiDocumentTaille: String(document.taille),
    paiDocumentCle: document.cle,
  };
}

/** The form prefilled with a validated version's follow-up. */
export function valeursDuSuivi(suivi: SuiviSante): Record<string, string> {
  return {
    ...Object.fromEntries(suivi.vaccins.map((v) => [champVaccin(v.code), v.date])),
    ...(suivi.vaccinAutre
      ? {
          vaccinAutre: suivi.vaccinAutre.nom,
          ...(suivi.vaccinAutre.date ? { vaccinAutreDate: suivi.vaccinAutre.date } : {}),
        }
      : {}),
    ...Object.fromEntries(
      suivi.traitements.flatMap((t, i) => [
        [champTraitement(i + 1, "medicament"), t.medicament],
        [champTraitement(i + 1, "posologie"), t.posologie],
        ...(t.jusquau ? [[champTraitement(i + 1, "jusquau"), t.jusquau]] : []),
      ]),
    ),
    ...valeursDuDocument(suivi.paiDocument),
  };
}

/** What the browser may hold of the values: the PAI document's name, never its storage key or digest. */
export function valeursPourLeNavigateur(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(([champ]) => champ !== "paiDocumentCle" && champ !== "paiDocumentSha256"),
  );
}

/** How many treatment rows the form shows: those filled, and one empty (up to the maximum). */
export function lignesDeTraitement(values: Record<string, string>): number {
  const remplies = RANGS.filter((rang) =>
    (["medicament", "posologie", "jusquau"] as const).some((p) => values[champTraitement(rang, p)]?.trim()),
  );
  return Math.min(MAX_TRAITEMENTS, Math.max(0, ...remplies) + 1);
}

/** « 12/03/2024 » from a calendar day. */
export const jourFrancais = (jour: Jour) => `${jour.slice(8, 10)}/${jour.slice(5, 7)}/${jour.slice(0, 4)}`;

export function libellesVaccins(suivi: SuiviSante): string[] {
  return [
    ...suivi.vaccins.map((v) => `${VACCINS[v.code]} : ${jourFrancais(v.date)}`),
    ...(suivi.vaccinAutre
      ? [
          `Autre : ${suivi.vaccinAutre.nom}${suivi.vaccinAutre.date ? ` : ${jourFrancais(suivi.vaccinAutre.date)}` : ""}`,
        ]
      : []),
  ];
}

export function libellesTraitements(suivi: SuiviSante): string[] {
  return suivi.traitements.map(
    (t) => `${t.medicament} — ${t.posologie}${t.jusquau ? ` (jusqu'au ${jourFrancais(t.jusquau)})` : ""}`,
  );
}

/** The DT-Polio's last injection, for the rule (vaccins.ts). */
export const derniereDtPolio = (suivi: SuiviSante): Jour | null =>
  suivi.vaccins.find((v) => v.code === "DT_POLIO")?.date ?? null;
