// Ports for the servers the tests and the bench start in another process (PostgreSQL, the app, the stand-ins
// of e2e): chosen here, then handed to that process, which listens on it a few seconds later.
//
// They are taken below Linux's ephemeral range (32768–60999 by default). The kernel picks from that range the
// local port of every outgoing connection and of every listen on port 0: a port chosen there by listening on 0
// and closing at once could be taken before its server listens, and was once (CI, 2026-11-27: the PayFiP
// stand-in of e2e met EADDRINUSE while the integration lane, running alongside, opened thousands of
// connections to PostgreSQL). Each user has its own thousand, so lanes running at once never pick the same
// port; within one, the search starts at a random place. A server started in the same process listens on 0.
import { execFileSync } from "node:child_process";
import { isPortFree } from "../scripts/port-libre";

export const PLAGES = {
  integration: 20000,
  http: 21000,
  e2e: 22000,
  demo: 23000,
  bench: 24000,
} as const;
export type Plage = keyof typeof PLAGES;
const TAILLE = 1000;

/**
 * `n` free ports of the user's thousand. With `decalages`, each port p is kept only if p + d is free too for
 * every d (the demo starts its stand-ins at PORT+265…267), and p + d stays in the thousand.
 */
export async function portsLibres(plage: Plage, n = 1, decalages: number[] = []): Promise<number[]> {
  const debut = PLAGES[plage];
  const ecart = Math.max(0, ...decalages);
  const places = TAILLE - ecart;
  const depart = Math.floor(Math.random() * places);
  const pris: number[] = [];
  for (let i = 0; i < places && pris.length < n; i++) {
    const port = debut + ((depart + i) % places);
    const voulus = [port, ...decalages.map((d) => port + d)];
    if (pris.some((p) => [p, ...decalages.map((d) => p + d)].some((q) => voulus.includes(q)))) continue;
    if ((await Promise.all(voulus.map((p) => isPortFree(p)))).every(Boolean)) pris.push(port);
  }
  if (pris.length < n) throw new Error(`Pas ${n} ports libres entre ${debut} et ${debut + TAILLE - 1}.`);
  return pris;
}

export async function portLibreDe(plage: Plage): Promise<number> {
  const [port] = await portsLibres(plage);
  return port!;
}

/** The same, for a synchronous caller (a Playwright config): asked of a short child process. */
export function portsLibresSync(plage: Plage, n = 1, decalages: number[] = []): number[] {
  return execFileSync(process.execPath, ["--import", "tsx", __filename, plage, String(n), ...decalages.map(String)])
    .toString()
    .trim()
    .split(" ")
    .map(Number);
}

if (process.argv[1] === __filename) {
  const [plage, n, ...decalages] = process.argv.slice(2);
  void portsLibres(plage as Plage, Number(n), decalages.map(Number)).then((ports) => console.log(ports.join(" ")));
}
