// The first-load JavaScript of a page: every script its HTML loads from /_next/static (the shared framework and
// the route's own chunks), each fetched from the built server and gzipped here at level 9, as a browser
// downloads them on a first visit (Next 16's build no longer prints it per route). The nomodule polyfills
// (about 39 kB) are left out: a browser that runs modules never downloads them.
import { gzipSync } from "node:zlib";
import { COOKIE_SESSION } from "./client";

/** The first-load JavaScript of the family booking view, gzipped: at most this many bytes (150 kB). */
export const BUDGET_JS_VUE_FAMILLE = 150_000;

export async function jsPremierChargement(baseUrl: string, chemin: string, jeton?: string) {
  const headers: Record<string, string> = jeton ? { cookie: `${COOKIE_SESSION}=${jeton}` } : {};
  const html = await (await fetch(baseUrl + chemin, { headers })).text();
  // every chunk named in the HTML, the flight data's included (the route's client components load at
  // hydration), but not the polyfills a <script noModule> offers to browsers without modules only
  const sansModule = new Set(
    [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"[^>]*>/gi)]
      .filter((m) => /\bnomodule\b/i.test(m[0]))
      .map((m) => m[1]!),
  );
  const scripts = [...new Set([...html.matchAll(/\/_next\/static\/[^"'\s\\]+?\.js/g)].map((m) => m[0]))].filter(
    (src) => ![...sansModule].some((s) => s.endsWith(src)),
  );
  let octets = 0;
  for (const src of scripts) {
    const reponse = await fetch(baseUrl + src);
    if (!reponse.ok) throw new Error(`${src} : HTTP ${reponse.status}`);
    octets += gzipSync(Buffer.from(await reponse.arrayBuffer()), { level: 9 }).length;
  }
  return { octets, fichiers: scripts.length };
}
