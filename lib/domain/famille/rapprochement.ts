// Garde alternée: each parent declares the child from their own space, and the seed's software "fera le
// rapprochement lorsqu'un enfant sera déclaré 2 fois". Two declarations are the same child when nom,
// prénom(s) and date de naissance agree, ignoring case, accents, hyphens and extra spaces.

function normaliser(texte: string): string {
  return texte
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function cleRapprochement(nom: string, prenoms: string, dateNaissanceIso: string): string {
  return `${normaliser(nom)}|${normaliser(prenoms)}|${dateNaissanceIso}`;
}
