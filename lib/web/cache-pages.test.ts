// The memory cache Next serves the login and public pages from (lib/web/cache-pages.mjs): an invalidation holds
// whatever the wall clock does, and a render that began before an invalidation is not kept as new. The page's
// invalidation over HTTP, on the built server, is tests/http/connexion.test.ts ("servie depuis le cache").
import { afterEach, describe, expect, it, vi } from "vitest";
import CachePages, { ENTREES_MAX, maintenant, nouvelEtat } from "@/lib/web/cache-pages.mjs";

/** A page as Next stores it: its tags in a header. */
function page(html: string, tags = "_N_T_/layout,_N_T_/connexion,commune") {
  return { kind: "APP_PAGE", html, headers: { "x-next-cache-tags": tags }, status: 200 };
}
const CONTEXTE_PAGE = { kind: "APP_PAGE", cacheControl: { revalidate: 30 } };

/** A clock the test moves: milliseconds. */
function horloge(debut = 1_000_000) {
  let t = debut;
  return { lire: () => t, avancer: (ms: number) => (t += ms) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("le cache des pages servies telles quelles", () => {
  it("garde une page, la rend de nouveau après l'invalidation d'un de ses tags, pas d'un autre", async () => {
    const h = horloge();
    const cache = new CachePages({}, h.lire, nouvelEtat());
    expect(await cache.get("/connexion", CONTEXTE_PAGE)).toBeNull();
    h.avancer(40);
    await cache.set("/connexion", page("v1"), CONTEXTE_PAGE);
    h.avancer(5);
    expect((await cache.get("/connexion", CONTEXTE_PAGE))?.value).toEqual(page("v1"));

    await cache.revalidateTag("actualites");
    h.avancer(1);
    expect((await cache.get("/connexion", CONTEXTE_PAGE))?.value).toEqual(page("v1"));

    await cache.revalidateTag(["commune"]);
    h.avancer(1);
    expect(await cache.get("/connexion", CONTEXTE_PAGE)).toBeNull();
    await cache.set("/connexion", page("v2"), CONTEXTE_PAGE);
    h.avancer(1);
    expect((await cache.get("/connexion", CONTEXTE_PAGE))?.value).toEqual(page("v2"));
  });

  it("une horloge murale avancée d'une heure pendant que le serveur tourne ne retient pas l'invalidation", async () => {
    // the real clock of the file: monotonic, while Date is stepped as a virtual machine's clock can be
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const cache = new CachePages({}, maintenant, nouvelEtat());
    await cache.get("/actualites", CONTEXTE_PAGE);
    await cache.set("/actualites", page("avant", "_N_T_/actualites"), CONTEXTE_PAGE);
    vi.setSystemTime(Date.now() + 3_600_000);
    await cache.revalidateTag("_N_T_/actualites");
    expect(await cache.get("/actualites", CONTEXTE_PAGE)).toBeNull();
  });

  it("un rendu commencé avant l'invalidation et fini après n'est pas gardé comme neuf", async () => {
    const h = horloge();
    const cache = new CachePages({}, h.lire, nouvelEtat());
    expect(await cache.get("/actualites", CONTEXTE_PAGE)).toBeNull(); // the render begins, reading the old list
    h.avancer(200);
    await cache.revalidateTag("_N_T_/actualites"); // an agent publishes meanwhile
    h.avancer(300);
    await cache.set("/actualites", page("ancienne liste", "_N_T_/actualites"), CONTEXTE_PAGE);
    h.avancer(10);
    expect(await cache.get("/actualites", CONTEXTE_PAGE)).toBeNull(); // so the next request renders again
    h.avancer(100);
    await cache.set("/actualites", page("nouvelle liste", "_N_T_/actualites"), CONTEXTE_PAGE);
    h.avancer(10);
    expect((await cache.get("/actualites", CONTEXTE_PAGE))?.value).toEqual(page("nouvelle liste", "_N_T_/actualites"));
  });

  it("une page passée de ses 30 s est servie encore, et son nouveau rendu date de la requête qui l'a demandé", async () => {
    const h = horloge();
    const cache = new CachePages({}, h.lire, nouvelEtat());
    await cache.get("/cgu", CONTEXTE_PAGE);
    await cache.set("/cgu", page("v1", "_N_T_/cgu"), CONTEXTE_PAGE);
    h.avancer(31_000);
    const perimee = await cache.get("/cgu", CONTEXTE_PAGE); // Next serves it and renders again in the background
    expect(perimee?.value).toEqual(page("v1", "_N_T_/cgu"));
    h.avancer(50);
    await cache.revalidateTag("_N_T_/cgu");
    h.avancer(50);
    await cache.set("/cgu", page("v1 encore", "_N_T_/cgu"), CONTEXTE_PAGE);
    expect(await cache.get("/cgu", CONTEXTE_PAGE)).toBeNull();
  });

  it("une donnée lue sous un tag (unstable_cache) suit les tags de sa lecture", async () => {
    const h = horloge();
    const cache = new CachePages({}, h.lire, nouvelEtat());
    const contexte = { kind: "FETCH", tags: ["commune"], softTags: ["_N_T_/layout"] };
    const donnee = { kind: "FETCH", data: { body: "{}" }, revalidate: 30 };
    await cache.get("commune-du-gabarit", contexte);
    await cache.set("commune-du-gabarit", donnee, contexte);
    h.avancer(1);
    expect((await cache.get("commune-du-gabarit", contexte))?.value).toEqual(donnee);
    await cache.revalidateTag("commune");
    h.avancer(1);
    expect(await cache.get("commune-du-gabarit", contexte)).toBeNull();
  });

  it("les gestionnaires que Next crée à chaque requête partagent les pages du serveur", async () => {
    const h = horloge();
    const cle = `/partage-${Math.random()}`; // the server's own state, shared with nothing else here
    await new CachePages({}, h.lire).set(cle, page("accueil", `_N_T_${cle}`), CONTEXTE_PAGE);
    h.avancer(1);
    expect((await new CachePages({}, h.lire).get(cle, CONTEXTE_PAGE))?.value).toEqual(page("accueil", `_N_T_${cle}`));
    await new CachePages({}, h.lire).revalidateTag(`_N_T_${cle}`);
    h.avancer(1);
    expect(await new CachePages({}, h.lire).get(cle, CONTEXTE_PAGE)).toBeNull();
  });

  it("oublie les invalidations qui ne peuvent plus rien changer, garde celles qui le peuvent", async () => {
    const h = horloge();
    const etat = nouvelEtat();
    const cache = new CachePages({}, h.lire, etat);
    for (let i = 0; i < 50; i += 1) {
      await cache.revalidateTag(`_N_T_/demandes/D-${i}`); // a demande's page, never cached here
      h.avancer(1);
    }
    expect(etat.invalidations.size).toBe(1);

    await cache.get("/cgu", CONTEXTE_PAGE);
    await cache.set("/cgu", page("v1", "_N_T_/cgu,commune"), CONTEXTE_PAGE);
    h.avancer(1);
    await cache.revalidateTag("commune");
    h.avancer(1);
    await cache.revalidateTag("_N_T_/demandes/D-99");
    expect(etat.invalidations.has("commune")).toBe(true);
    expect(await cache.get("/cgu", CONTEXTE_PAGE)).toBeNull();
  });

  it("garde au plus ENTREES_MAX entrées, la moins récemment lue s'en va la première", async () => {
    const h = horloge();
    const cache = new CachePages({}, h.lire, nouvelEtat());
    for (let i = 0; i <= ENTREES_MAX; i += 1) {
      await cache.set(`/p${i}`, page(`p${i}`), CONTEXTE_PAGE);
      h.avancer(1);
      if (i === 5) await cache.get("/p0", CONTEXTE_PAGE);
    }
    expect(await cache.get("/p1", CONTEXTE_PAGE)).toBeNull();
    expect((await cache.get("/p0", CONTEXTE_PAGE))?.value).toEqual(page("p0"));
    expect((await cache.get(`/p${ENTREES_MAX}`, CONTEXTE_PAGE))?.value).toEqual(page(`p${ENTREES_MAX}`));
  });
});
