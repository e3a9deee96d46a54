// The journal in words: one renderer per kind of entry, as data (like the demandes' transitions.ts). Each turns
// an entry's details, with the names the query resolved in batch, into a French sentence with its subject and
// the links to what it names (the family, the demande, the invoice). An entry written before a renderer read a
// field simply lacks it: every renderer words its absence, so an old entry still reads as a sentence.
import { Lecteur, type Noms, type Phrases, type Rendu } from "@/lib/domain/journal/lecteur";
import { PHRASES_COMPTES } from "@/lib/domain/journal/phrases-comptes";
import { PHRASES_FAMILLES } from "@/lib/domain/journal/phrases-familles";
import { PHRASES_GESTION } from "@/lib/domain/journal/phrases-gestion";
import { PHRASES_QUOTIDIEN } from "@/lib/domain/journal/phrases-quotidien";
import { de } from "@/lib/texte/elision";

export const PHRASES: Phrases = { ...PHRASES_COMPTES, ...PHRASES_FAMILLES, ...PHRASES_QUOTIDIEN, ...PHRASES_GESTION };

export const libelleEvenement = (evenement: string) => PHRASES[evenement]?.libelle ?? "Action";

/** The kinds of entry, by their French name, for the filter's list. */
export const ACTIONS: Record<string, string> = Object.fromEntries(
  Object.entries(PHRASES)
    .map(([evenement, p]) => [evenement, p.libelle] as const)
    .sort((a, b) => a[1].localeCompare(b[1], "fr")),
);

/** The sentence of an entry and its links. */
export function rendre(evenement: string, details: unknown, noms: Noms): Rendu {
  const lecteur = new Lecteur(details, noms);
  const renderer = PHRASES[evenement];
  const phrase = renderer ? renderer.phrase(lecteur) : `Action enregistrée (${evenement})`;
  // « de un enfant », « de Ane ETCHART », « de octobre 2026 »: French elides them (lib/texte/elision.ts)
  const elidee = phrase.replace(/(?<!\p{L})de (\S+)/gu, (_, mot: string) => de(mot));
  return { phrase: elidee.charAt(0).toUpperCase() + elidee.slice(1), liens: lecteur.liens };
}
