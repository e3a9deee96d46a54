// Next's cache of the pages it serves as they are (lib/coquille.ts: the login page, the public pages) and of the
// data read under a tag (lib/domain/commune/gabarit.ts), kept in this server's memory: next.config.ts names this
// file as its `cacheHandler`. Plain JavaScript: Next imports it at run time, outside its bundles.
//
// Why not Next's own memory cache: it stamps an entry with the wall clock (Date.now) and a tag's invalidation
// too, then decides with the process's monotonic clock (performance.timeOrigin + performance.now()) whether the
// invalidation has happened yet. When the machine's wall clock is stepped forward while the server runs (a virtual
// machine's clock corrected after it resumed, NTP's first sync after boot), every invalidation is "in the future"
// for as long as the step: an agent publishes an actualité and the public page keeps the old one, a commune changes
// its telephone and the footer keeps the old number (CI saw it, 8 December 2026). Here every time is read from the
// one monotonic clock, so a step of the wall clock changes nothing.
//
// And one race it had too: a render that started before an invalidation and ends after it (a slow page under load,
// a background re-render after its 30 s) was stored as new, with the old data, and served until its next 30 s. Here
// an entry is stamped with the moment its render began (the miss that asked for it), not the moment it was stored:
// such a render is older than the invalidation, so the next request renders again.

/** The one clock of this file: milliseconds, monotonic, never stepped. */
export function maintenant() {
  return performance.timeOrigin + performance.now();
}

/** The header in which Next keeps a page's tags (next/dist/lib/constants: NEXT_CACHE_TAGS_HEADER). */
const EN_TETE_TAGS = "x-next-cache-tags";
/** More than every cached page and datum this app has (a dozen pages, a few reads); the oldest read goes first. */
export const ENTREES_MAX = 1000;

/**
 * @typedef {{ value: any; lastModified: number; cacheControl?: { revalidate?: number | false } }} Entree
 * @typedef {{ kind?: string; tags?: string[]; softTags?: string[]; revalidate?: number | false; cacheControl?: { revalidate?: number | false } }} Contexte
 */

/**
 * What the server keeps. Next makes a handler per request: they all share this one (as its own memory cache does).
 * @typedef {{ entrees: Map<string, Entree>; invalidations: Map<string, number>; rendusEnCours: Map<string, number> }} Etat
 * entrees: the pages and data; invalidations: each tag's last one; rendusEnCours: when a render began for a key
 * that missed or was past its time (see the top of this file), all on maintenant()'s clock.
 * @returns {Etat}
 */
export function nouvelEtat() {
  return { entrees: new Map(), invalidations: new Map(), rendusEnCours: new Map() };
}
const ETAT_DU_SERVEUR = nouvelEtat();

export default class CachePages {
  #entrees;
  #invalidations;
  #rendusEnCours;
  #horloge;

  /**
   * @param {unknown} _options Next's (its own file cache's settings: nothing here uses them)
   * @param {() => number} horloge
   * @param {Etat} etat
   */
  constructor(_options, horloge = maintenant, etat = ETAT_DU_SERVEUR) {
    this.#horloge = horloge;
    this.#entrees = etat.entrees;
    this.#invalidations = etat.invalidations;
    this.#rendusEnCours = etat.rendusEnCours;
  }

  /** @param {string} cle @param {Contexte} [contexte] */
  async get(cle, contexte = {}) {
    const entree = this.#entrees.get(cle);
    const instant = this.#horloge();
    if (!entree || this.#invalidee(entree, contexte)) {
      this.#entrees.delete(cle);
      this.#debutDeRendu(cle, instant);
      return null;
    }
    const revalidate = entree.cacheControl?.revalidate ?? entree.value?.revalidate ?? contexte.revalidate;
    // past its time, Next serves it once more and renders it again in the background
    if (typeof revalidate === "number" && instant - entree.lastModified > revalidate * 1000)
      this.#debutDeRendu(cle, instant);
    // the most recently read last: the first to go is the one read least recently
    this.#entrees.delete(cle);
    this.#entrees.set(cle, entree);
    return entree;
  }

  /** @param {string} cle @param {any} donnees @param {Contexte} [contexte] */
  async set(cle, donnees, contexte = {}) {
    const debut = this.#rendusEnCours.get(cle) ?? this.#horloge();
    this.#rendusEnCours.delete(cle);
    if (donnees === null) {
      this.#entrees.delete(cle);
      return;
    }
    this.#entrees.delete(cle);
    this.#entrees.set(cle, { value: donnees, lastModified: debut, cacheControl: contexte.cacheControl });
    borner(this.#entrees);
  }

  /**
   * updateTag, revalidatePath and revalidateTag. A stale-while-revalidate profile (`durations`) is taken as an
   * immediate invalidation too: this app asks for none, and a fresh page is never wrong.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const instant = this.#horloge();
    for (const tag of typeof tags === "string" ? [tags] : tags) this.#invalidations.set(tag, instant);
    this.#elaguer(instant);
  }

  /**
   * Forgets the invalidations older than every kept entry and every render under way: they can no longer change
   * an answer (each page a demande's action revalidates is a tag of its own: kept forever, they would pile up).
   * @param {number} instant
   */
  #elaguer(instant) {
    let plusAncien = instant;
    for (const entree of this.#entrees.values()) plusAncien = Math.min(plusAncien, entree.lastModified);
    for (const debut of this.#rendusEnCours.values()) plusAncien = Math.min(plusAncien, debut);
    for (const [tag, moment] of this.#invalidations) if (moment < plusAncien) this.#invalidations.delete(tag);
  }

  resetRequestCache() {}

  /**
   * The first miss of a render counts. A render that never ends in a set (an error) leaves its start behind: the
   * next entry of that key is then taken as older than it is, which costs at most one render more.
   * @param {string} cle @param {number} instant
   */
  #debutDeRendu(cle, instant) {
    if (this.#rendusEnCours.has(cle)) return;
    this.#rendusEnCours.set(cle, instant);
    borner(this.#rendusEnCours);
  }

  /** @param {Entree} entree @param {Contexte} contexte */
  #invalidee(entree, contexte) {
    const tags =
      entree.value?.kind === "FETCH"
        ? [...(contexte.tags ?? []), ...(contexte.softTags ?? [])]
        : String(entree.value?.headers?.[EN_TETE_TAGS] ?? "")
            .split(",")
            .filter(Boolean);
    return tags.some((tag) => (this.#invalidations.get(tag) ?? -Infinity) >= entree.lastModified);
  }
}

/** Drops a map's oldest keys past ENTREES_MAX. @param {Map<string, unknown>} map */
function borner(map) {
  for (const plusAncienne of map.keys()) {
    if (map.size <= ENTREES_MAX) break;
    map.delete(plusAncienne);
  }
}
