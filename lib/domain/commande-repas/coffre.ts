// A version's diets, allergens and P.A.I. counts: health data even without names, so only stored encrypted,
// bound to its row.
import { chiffrer, dechiffrer } from "@/lib/chiffrement";
import type { Besoins } from "@/lib/domain/commande-repas/calcul";

export const contexteCommande = (id: string) => `commande-repas:${id}`;

export const scellerBesoins = (id: string, besoins: Record<string, Besoins>) =>
  chiffrer(JSON.stringify(besoins), contexteCommande(id));

export const ouvrirBesoins = (version: { id: string; besoinsChiffres: string }): Record<string, Besoins> =>
  JSON.parse(dechiffrer(version.besoinsChiffres, contexteCommande(version.id))) as Record<string, Besoins>;
