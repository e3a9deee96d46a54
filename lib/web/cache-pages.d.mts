// The types of cache-pages.mjs (plain JavaScript that Next imports at run time), for the TypeScript that tests it.
export declare function maintenant(): number;
export declare const ENTREES_MAX: number;
type Contexte = {
  kind?: string;
  tags?: string[];
  softTags?: string[];
  revalidate?: number | false;
  cacheControl?: { revalidate?: number | false };
};
type Entree = { value: unknown; lastModified: number; cacheControl?: { revalidate?: number | false } };
type Etat = { entrees: Map<string, Entree>; invalidations: Map<string, number>; rendusEnCours: Map<string, number> };
export declare function nouvelEtat(): Etat;
export default class CachePages {
  constructor(options?: unknown, horloge?: () => number, etat?: Etat);
  get(cle: string, contexte?: Contexte): Promise<Entree | null>;
  set(cle: string, donnees: unknown, contexte?: Contexte): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
