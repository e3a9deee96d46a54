// How values are written in a PES file: every value in a V="…" attribute, amounts in euros with two decimals,
// dates YYYY-MM-DD, texts within the field's length and within ISO-8859-1 (the file's encoding).

/** A node of the file: an element with its value (V) or its children, in the order the DGFiP tables give. */
export type Noeud = { nom: string; v?: string; enfants?: Noeud[] };

/** `nom` with its value, or nothing when the value is absent (an optional field left out). */
export const champ = (nom: string, v: string | null | undefined): Noeud[] =>
  v == null || v === "" ? [] : [{ nom, v }];

export const bloc = (nom: string, ...enfants: (Noeud | Noeud[])[]): Noeud => ({ nom, enfants: enfants.flat() });

/** 4845 → "48.45"; -120 → "-1.20". */
export function montant(centimes: number): string {
  const signe = centimes < 0 ? "-" : "";
  const abs = Math.abs(centimes);
  return `${signe}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const REMPLACEMENTS: Record<string, string> = {
  œ: "oe",
  Œ: "OE",
  "’": "'",
  "‘": "'",
  "“": '"',
  "”": '"',
  "–": "-",
  "—": "-",
  "…": "...",
  "€": "EUR",
  "\u202f": " ",
  "\u2009": " ",
};

/**
 * The text as ISO-8859-1 can carry it: the typographic characters the portal writes are replaced, a letter
 * outside Latin-1 loses its accent, anything else becomes "?"; control characters and line breaks become spaces.
 */
export function latin1(texte: string): string {
  if (/^[\x20-\x7e\xa0-\xff]*$/.test(texte)) return texte.replace(/\s+/g, " ").trim();
  let sortie = "";
  for (const c of texte) {
    const r = REMPLACEMENTS[c];
    if (r !== undefined) sortie += r;
    else if (c.charCodeAt(0) < 0x20 || c === "\u007f") sortie += " ";
    else if (c.codePointAt(0)! <= 0xff) sortie += c;
    else {
      const base = c.normalize("NFD").replace(/\p{M}/gu, "");
      sortie += base.length > 0 && base.codePointAt(0)! <= 0xff ? base : "?";
    }
  }
  return sortie.replace(/\s+/g, " ").trim();
}

/** The text within `longueur` characters: cut at a word when it can be, with "..." to say so. */
export function tronquer(texte: string, longueur: number): string {
  const propre = latin1(texte);
  if (propre.length <= longueur) return propre;
  const coupe = propre.slice(0, longueur - 3);
  const espace = coupe.lastIndexOf(" ");
  return `${espace > longueur / 2 ? coupe.slice(0, espace) : coupe}...`;
}

const echapper = (v: string) =>
  /[&<>"]/.test(v) ? v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;") : v;

// one element a line, without indentation: a month's file stays a few megabytes
function ecrire(noeud: Noeud, lignes: string[]) {
  if (noeud.v !== undefined) {
    lignes.push(`<${noeud.nom} V="${echapper(noeud.v)}"/>`);
    return;
  }
  lignes.push(`<${noeud.nom}>`);
  for (const enfant of noeud.enfants ?? []) ecrire(enfant, lignes);
  lignes.push(`</${noeud.nom}>`);
}

export const NAMESPACE_PES = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller";

/** The file's bytes: the XML declaration says ISO-8859-1 and every character is one Latin-1 byte. */
export function octetsPes(racine: Noeud[]): Uint8Array {
  const lignes = [
    `<?xml version="1.0" encoding="ISO-8859-1"?>`,
    `<n:PES_Aller xmlns:n="${NAMESPACE_PES}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
  ];
  for (const noeud of racine) ecrire(noeud, lignes);
  lignes.push("</n:PES_Aller>", "");
  return new Uint8Array(Buffer.from(latin1Brut(lignes.join("\n")), "latin1"));
}

// the values were made Latin-1 by latin1(); this guards the rest (element names, codes) the same way
const latin1Brut = (texte: string) => texte.replace(/[^\n\x20-\xff]/gu, "?");
