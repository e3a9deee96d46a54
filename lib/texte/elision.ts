// French elision before a vowel or a mute h: « d'octobre », « d'Ane », « l'école », but « de Henri », « le
// hibou »: an aspirated h is never elided, and which words have one is a matter of usage, so they are listed here.
// Used everywhere a name or a month follows « de », « le », « que » (and « la » before a vowel: « l'inscription »).

/** Words (and first names) whose h is aspirated: written « de Henri », never « d'Henri ». Lower case, no accent. */
export const H_ASPIRES = new Set([
  "hache",
  "haie",
  "hall",
  "hamac",
  "hameau",
  "hanche",
  "handball",
  "handicap",
  "hangar",
  "haricot",
  "hasard",
  "haut",
  "hauteur",
  "henri",
  "henriette",
  "heros",
  "hibou",
  "hockey",
  "hollande",
  "homard",
  "hongrie",
  "honte",
  "hors",
  "housse",
  "hugues",
  "huit",
  "huitieme",
]);

/** Words that start with a vowel letter and still take no elision (a consonant sound: « le yaourt », « de Yannick »
 * is elided by usage: only the listed ones are kept). */
const SANS_ELISION = new Set(["onze", "onzieme", "oui", "yaourt", "yoga", "yacht"]);

const sansAccent = (mot: string) =>
  mot
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Whether a word (a name, a month, a noun) takes the elided form before it. */
export function commenceParUneVoyelle(mot: string): boolean {
  const premier = mot.replace(/^[\s«"(]+/, "").split(/[\s'’-]/)[0] ?? "";
  const brut = sansAccent(premier);
  if (brut === "" || SANS_ELISION.has(brut)) return false;
  if (brut.startsWith("h")) return !H_ASPIRES.has(brut);
  return /^[aeiouyœæ]/.test(brut);
}

type Particule = "de" | "le" | "la" | "que" | "ne" | "je" | "se";

/**
 * « de » + word, elided when it must be: `elision("de", "octobre")` → « d'octobre », `elision("de", "Henri")` →
 * « de Henri ». A capital particle stays capital (« D'ANE » when the caller upper-cases the whole).
 */
export function elision(particule: Particule, mot: string): string {
  if (!commenceParUneVoyelle(mot)) return `${particule} ${mot}`;
  return `${particule.slice(0, -1)}'${mot}`;
}

/** « de » + word: the most frequent case (« Facturation d'octobre », « Dossier santé de Louise »). */
export const de = (mot: string) => elision("de", mot);
