// Steady load on one target (autocannon, `connections` connections for `duration` seconds): a page (one GET
// with one parent's cookie, or none) or an action posted by many parents in turn (each its own cookie, address and
// body), as scripts/bench/pages.ts measures them. What it gives: requests per second, p50/p95/p99 of every
// response, and the errors (non-2xx answers, connection errors and timeouts; for a target of several requests,
// also the 2xx answers without the expected text).
import type { EventEmitter } from "node:events";
import autocannon from "autocannon";
import { percentile } from "./commun";

/** One request as autocannon sends it (the path from the node's root). */
export type Requete = { path: string; method: "GET" | "POST"; headers: Record<string, string>; body?: Buffer };

/** What is measured: `requetes` sent in turn, each answer to contain `marque` (checked under load when several). */
export type Cible = { nom: string; marque: string; requetes: Requete[] };

export type MesurePage = {
  cible: Cible;
  requetesParSeconde: number;
  reponses: number;
  p50: number;
  p95: number;
  p99: number;
  erreurs: number;
  detail: string;
};

let enCours: autocannon.Instance | undefined;
/** Stops a measure under way (on a signal). */
export function arreterCharge(): void {
  enCours?.stop();
}

/** autocannon's options: one prebuilt request, or the cible's requests in turn with their answers read. */
function options(baseUrl: string, cible: Cible, sansMarque: { n: number }): autocannon.Options {
  const [premiere] = cible.requetes;
  if (cible.requetes.length === 1 && premiere!.method === "GET")
    return { url: baseUrl + premiere!.path, headers: premiere!.headers };
  let suivante = 0;
  return {
    url: baseUrl,
    requests: [
      {
        setupRequest: (req) => {
          const r = cible.requetes[suivante++ % cible.requetes.length]!;
          // a copy: autocannon writes Content-Length into the headers it is given
          return { ...req, method: r.method, path: r.path, headers: { ...r.headers }, body: r.body };
        },
        onResponse: (status: number, corps: string) => {
          if (status >= 200 && status < 300 && !corps.includes(cible.marque)) sansMarque.n++;
        },
      },
    ],
  };
}

export function mesurer(baseUrl: string, cible: Cible, connections: number, duration: number): Promise<MesurePage> {
  return new Promise((resolve, reject) => {
    // autocannon 9 gives p50, p90, p97_5, p99… but no p95: keep every response's latency and rank them here.
    const latencies: number[] = [];
    const sansMarque = { n: 0 };
    const instance = autocannon({ ...options(baseUrl, cible, sansMarque), connections, duration }, (error, result) => {
      enCours = undefined;
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      latencies.sort((a, b) => a - b);
      const codes = Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith("2"))
        .map(([code, { count }]) => `HTTP ${code} × ${count ?? "?"}`);
      if (result.errors)
        codes.push(`erreurs de connexion × ${result.errors} (dont délais dépassés × ${result.timeouts})`);
      if (sansMarque.n) codes.push(`réponses 2xx sans « ${cible.marque} » × ${sansMarque.n}`);
      resolve({
        cible,
        requetesParSeconde: result.requests.average,
        reponses: latencies.length,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        // autocannon counts timeouts among its errors: not added twice.
        erreurs: result.non2xx + result.errors + sansMarque.n,
        detail: codes.join(", "),
      });
    });
    enCours = instance;
    // @types/autocannon declares ("response", (statusCode, bytes, ms)), but autocannon 9 emits the client first
    // (lib/run.js: tracker.emit('response', this, statusCode, resBytes, responseTime)); ms is a float.
    (instance as unknown as EventEmitter).on(
      "response",
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
      },
    );
  });
}

/** One request of the cible sent with fetch; its answer must be 200 and contain `marque`. Returns its bytes. */
export async function envoyerUne(baseUrl: string, r: Requete, marque: string, entetes: Record<string, string> = {}) {
  const reponse = await fetch(baseUrl + r.path, {
    method: r.method,
    // an action's Origin is the node's it is sent to (Next refuses an action from another origin)
    headers: { ...r.headers, ...(r.headers.origin ? { origin: baseUrl } : {}), ...entetes },
    body: r.body ? new Uint8Array(r.body) : undefined,
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });
  const corps = Buffer.from(await reponse.arrayBuffer());
  if (reponse.status !== 200) throw new Error(`${r.method} ${r.path} : HTTP ${reponse.status}`);
  if (!corps.toString("utf8").includes(marque)) throw new Error(`${r.method} ${r.path} : sans « ${marque} »`);
  return corps.length;
}
