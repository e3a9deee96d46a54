// Why a page costs what it costs, per request, alone (no load): what the pages scenario prints beside each
// page's throughput and in a missed budget's reason. A node of its own talks to the database through the wire
// counter (scripts/bench/pg-compteur.ts); each target is sent twice to warm it, then DIAGNOSTIC_REQUETES times
// one after the other, and measured:
// - SQL statements and transactions per request, and the time the node waited on PostgreSQL per request;
// - the time per request as the client sees it (so what is not SQL is the framework, the rendering and the
//   network: the difference);
// - the bytes of the answer (the HTML of a page, the RSC answer of an action) and, for a page, of its RSC payload
//   alone (what a client-side navigation to it downloads: the same GET with `RSC: 1`).
import { arreterProcessus } from "./processus";
import { type Cible, envoyerUne, type Requete } from "./charge";
import type { Contexte } from "./commun";
import { demarrerCompteur } from "./pg-compteur";

const DIAGNOSTIC_REQUETES = 10;

export type Diagnostic = {
  ordres: number;
  transactions: number;
  /** ms the node waited on PostgreSQL, per request */
  sqlMs: number;
  /** ms per request, one at a time, as the client sees it */
  totalMs: number;
  /** bytes PostgreSQL sent, per request */
  octetsBase: number;
  /** bytes of the answer */
  octets: number;
  /** bytes of the page's RSC payload (GET with RSC: 1), for a page */
  octetsRsc?: number;
};

/**
 * The bytes of a page's RSC payload, as a client-side navigation fetches it: Next answers a request with `RSC: 1`
 * by a 307 to the same path with its cache-busting `_rsc` parameter, which is followed once. Undefined when the
 * answer is anything else (a page served from the cache has no RSC answer of its own).
 */
async function octetsRsc(baseUrl: string, r: Requete): Promise<number | undefined> {
  const entetes = { ...r.headers, rsc: "1" };
  let reponse = await fetch(baseUrl + r.path, { headers: entetes, redirect: "manual" });
  const suite = reponse.headers.get("location");
  if (reponse.status === 307 && suite?.includes("_rsc")) {
    await reponse.arrayBuffer();
    reponse = await fetch(new URL(suite, baseUrl), { headers: entetes, redirect: "manual" });
  }
  const corps = await reponse.arrayBuffer();
  return reponse.status === 200 && reponse.headers.get("content-type")?.includes("text/x-component")
    ? corps.byteLength
    : undefined;
}

export async function diagnostiquer(ctx: Contexte, cibles: Cible[]): Promise<Map<string, Diagnostic>> {
  const compteur = await demarrerCompteur(ctx.base.url);
  const noeud = await ctx.demarrerNoeud({ DATABASE_URL: compteur.url, JOBS_CONCURRENCY: "0" });
  const resultats = new Map<string, Diagnostic>();
  try {
    for (const cible of cibles) {
      const requete = (i: number) => cible.requetes[i % cible.requetes.length]!;
      for (let i = 0; i < 2; i++) await envoyerUne(noeud.baseUrl, requete(i), cible.marque);
      compteur.remettre();
      let octets = 0;
      const t0 = performance.now();
      for (let i = 0; i < DIAGNOSTIC_REQUETES; i++)
        octets = await envoyerUne(noeud.baseUrl, requete(i + 2), cible.marque);
      const totalMs = (performance.now() - t0) / DIAGNOSTIC_REQUETES;
      const c = compteur.lire();
      const premiere = requete(0);
      resultats.set(cible.nom, {
        ordres: c.ordres / DIAGNOSTIC_REQUETES,
        transactions: c.transactions / DIAGNOSTIC_REQUETES,
        sqlMs: c.attenteMs / DIAGNOSTIC_REQUETES,
        totalMs,
        octetsBase: c.octetsRecus / DIAGNOSTIC_REQUETES,
        octets,
        octetsRsc: premiere.method === "GET" ? await octetsRsc(noeud.baseUrl, premiere) : undefined,
      });
    }
  } finally {
    await arreterProcessus(noeud.process);
    await compteur.arreter();
  }
  return resultats;
}

const ko = (octets: number | undefined) => (octets === undefined ? "—" : (octets / 1000).toFixed(1));

/** The table's columns for one target (after its name). */
export const ENTETE_DIAGNOSTIC = ["SQL ordres", "transactions", "ms SQL", "ms seule", "ko réponse", "ko RSC"];
export function colonnesDiagnostic(d: Diagnostic | undefined): string[] {
  if (!d) return ENTETE_DIAGNOSTIC.map(() => "—");
  return [
    d.ordres.toFixed(1),
    d.transactions.toFixed(1),
    d.sqlMs.toFixed(1),
    d.totalMs.toFixed(1),
    ko(d.octets),
    ko(d.octetsRsc),
  ];
}

/** A missed budget's reason: this target's numbers beside its reference's. */
export function pourquoi(nom: string, d: Diagnostic | undefined, refNom: string, ref: Diagnostic | undefined) {
  if (!d || !ref) return undefined;
  const une = (x: Diagnostic) =>
    `${x.ordres.toFixed(1)} ordres SQL (${x.transactions.toFixed(1)} transactions, ${ko(x.octetsBase)} ko lus), ` +
    `${x.sqlMs.toFixed(1)} ms en base sur ${x.totalMs.toFixed(1)} ms par requête seule ` +
    `(${(x.totalMs - x.sqlMs).toFixed(1)} ms hors SQL : cadre, rendu, réseau), réponse de ${ko(x.octets)} ko` +
    (x.octetsRsc === undefined ? "" : ` (RSC ${ko(x.octetsRsc)} ko)`);
  return `${nom} : ${une(d)} ; ${refNom} : ${une(ref)}.`;
}
