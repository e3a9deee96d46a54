// Where the dossier santé's data is sealed and opened: only ever stored encrypted (lib/chiffrement.ts), each
// value bound to its row, so a ciphertext copied into another child's record or another demande does not open.
import { chiffrer, dechiffrer } from "@/lib/chiffrement";
import { champsSante, ficheComplete, type FicheSante } from "@/lib/domain/sante/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The version of a DOSSIER_SANTE's data (Demande.donneesVersion). 2 (issue 26): the same shape, whose encrypted
 * values may also hold the vaccinations, the treatments and the PAI document; a version-1 demande reads as one
 * with none of them (DEMARCHE_DOSSIER_SANTE still reads it).
 */
export const VERSION_DONNEES_SANTE = 2;

/** Demande.donnees of a DOSSIER_SANTE: the form as typed (encrypted), and whether it can be deposited. */
export type DonneesSante = { sante?: string; complet?: boolean };

export const contexteDemande = (demandeId: string) => `dossier-sante:demande:${demandeId}`;
export const contexteVersion = (enfantId: string, versionId: string) => `dossier-sante:${enfantId}:${versionId}`;

export function lireDonnees(donnees: Prisma.JsonValue | unknown): DonneesSante {
  if (!donnees || typeof donnees !== "object" || Array.isArray(donnees)) return {};
  const { sante, complet } = donnees as Record<string, unknown>;
  return { sante: typeof sante === "string" ? sante : undefined, complet: complet === true };
}

export function scellerValeurs(demandeId: string, values: Record<string, string>, complet: boolean): DonneesSante {
  return { sante: chiffrer(JSON.stringify(champsSante(values)), contexteDemande(demandeId)), complet };
}

/** The form as the parent typed it; empty for a demande never saved. */
export function ouvrirValeurs(demande: { id: string; donnees: Prisma.JsonValue }): Record<string, string> {
  const { sante } = lireDonnees(demande.donnees);
  return sante ? champsSante(JSON.parse(dechiffrer(sante, contexteDemande(demande.id)))) : {};
}

export const scellerFiche = (enfantId: string, versionId: string, fiche: FicheSante) =>
  chiffrer(JSON.stringify(fiche), contexteVersion(enfantId, versionId));

/** A validated version; one written before issue 26 reads with no vaccination, treatment or PAI document. */
export function ouvrirFiche(version: { id: string; enfantId: string; donneesChiffrees: string }): FicheSante {
  return ficheComplete(
    JSON.parse(dechiffrer(version.donneesChiffrees, contexteVersion(version.enfantId, version.id))) as FicheSante,
  );
}
