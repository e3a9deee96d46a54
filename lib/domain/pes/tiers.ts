// The tiers of a pièce, from the invoice's own snapshot of who is billed (its destinataire and address at issue):
// read again later, the same bordereau gives the same file.
import type { TiersPes } from "@/lib/domain/pes/modele";

const CIVILITES: Record<string, "M" | "MME"> = { mme: "MME", madame: "MME", m: "M", "m.": "M", monsieur: "M" };

/**
 * "Claire ETCHART" or "Mme ETCHART Claire" → nom ETCHART, prénom Claire: the portal writes the nom in capitals;
 * when no word is (or every word is), the last word is the nom.
 */
export function separerNom(destinataire: string): { civilite: "M" | "MME" | null; nom: string; prenom: string } {
  const mots = destinataire.trim().split(/\s+/).filter(Boolean);
  const civilite = mots.length > 1 ? (CIVILITES[mots[0]!.toLowerCase()] ?? null) : null;
  if (civilite) mots.shift();
  const majuscule = (m: string) => /\p{L}/u.test(m) && m === m.toUpperCase();
  const noms = mots.filter(majuscule);
  if (noms.length === 0 || noms.length === mots.length) {
    return { civilite, nom: mots.at(-1) ?? "", prenom: mots.slice(0, -1).join(" ") };
  }
  return { civilite, nom: noms.join(" "), prenom: mots.filter((m) => !majuscule(m)).join(" ") };
}

/** "12 rue des Écoles\nBât. B\n64990 Villefranque" → the street part, the postcode, the town. */
export function separerAdresse(adresse: string): { adresse: string; codePostal: string; ville: string } {
  const texte = adresse.replace(/\r/g, "").trim();
  const cp = /(?:^|[\s,])(\d{5})\s+([^\n\d][^\n]*)$/.exec(texte);
  if (!cp) return { adresse: texte.replace(/\n+/g, ", "), codePostal: "", ville: "" };
  const avant = texte
    .slice(0, cp.index)
    .trim()
    .replace(/[\s,]*\n+[\s,]*/g, ", ");
  return { adresse: avant, codePostal: cp[1]!, ville: cp[2]!.trim() };
}

export function tiersDeFacture(
  snapshot: { destinataire: string; adresse: string },
  civiliteTitulaire: "MADAME" | "MONSIEUR" | null,
  compte: TiersPes["compte"],
): TiersPes {
  const nom = separerNom(snapshot.destinataire);
  const civilite = nom.civilite ?? (civiliteTitulaire === "MADAME" ? "MME" : civiliteTitulaire ? "M" : null);
  return { ...separerAdresse(snapshot.adresse), civilite, nom: nom.nom, prenom: nom.prenom, compte };
}
