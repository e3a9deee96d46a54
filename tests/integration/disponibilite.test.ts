// GET /api/sante (and /api/health) says whether the node can serve: 503 when its database does not answer, 200
// again as soon as it does, without restarting the node. The database is "cut" by a TCP relay this test owns,
// between the app's pool and this file's PostgreSQL, rather than by stopping a cluster other files share.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";

let relais: net.Server;
let port = 0;
const connexions = new Set<net.Socket>();
let cible: { host: string; port: number };

/** Opens the relay on the same port each time: the pool reconnects to the address it was given. */
async function ouvrir(): Promise<void> {
  relais = net.createServer((client) => {
    const serveur = net.connect(cible);
    for (const socket of [client, serveur]) {
      connexions.add(socket);
      socket.on("close", () => connexions.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(serveur).pipe(client);
  });
  await new Promise<void>((resolve) => relais.listen(port, "127.0.0.1", resolve));
  port = (relais.address() as AddressInfo).port;
}

/**
 * The database hangs: the address accepts connections and never answers (a frozen host, a full network
 * buffer). The app's pool has no connect timeout of its own, so only the check's delay can end a probe.
 */
async function figer(): Promise<() => Promise<void>> {
  const tenues = new Set<net.Socket>();
  const trou = net.createServer((socket) => {
    tenues.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => trou.listen(port, "127.0.0.1", resolve));
  return async () => {
    const ferme = new Promise<void>((resolve) => trou.close(() => resolve()));
    for (const socket of tenues) socket.destroy();
    await ferme;
  };
}

/** The database goes away: no new connection is accepted, and the open ones are dropped mid-stream. */
async function couper(): Promise<void> {
  const ferme = new Promise<void>((resolve) => relais.close(() => resolve()));
  for (const socket of connexions) socket.destroy();
  await ferme;
}

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  cible = { host: url.hostname, port: Number(url.port || 5432) };
  await ouvrir();
  url.hostname = "127.0.0.1";
  url.port = String(port);
  // Before lib/db.ts creates its client (it reads DATABASE_URL at its first call).
  process.env.DATABASE_URL = url.toString();
});

afterAll(async () => {
  await couper().catch(() => undefined);
});

const ROUTES = { sante: () => import("@/app/api/sante/route"), health: () => import("@/app/api/health/route") };

/** The monitoring's token (SUPERVISION_JETON), set before lib/config.ts reads the environment. */
const JETON = "jeton-de-supervision-de-ce-test-0123456789";
process.env.SUPERVISION_JETON = JETON;

async function demander(
  route: keyof typeof ROUTES,
  authorization = `Bearer ${JETON}`,
): Promise<{ status: number; corps: Record<string, unknown> }> {
  const { GET } = await ROUTES[route]();
  const reponse = await GET(new Request("http://portail.test/api/sante", { headers: { authorization } }));
  return { status: reponse.status, corps: (await reponse.json()) as Record<string, unknown> };
}

it("answers 200 with the version, 503 while the database is cut, and 200 again once it is back", async () => {
  const { version } = (await import("@/package.json")).default;
  expect(await demander("sante")).toEqual({ status: 200, corps: { status: "ok", version } });
  expect((await demander("health")).status).toBe(200);

  await couper();
  expect(await demander("sante")).toEqual({ status: 503, corps: { status: "indisponible", version } });
  expect((await demander("health")).status).toBe(503);

  // A database that hangs still gets an answer: the check's own delay ends the probe (without it, this would
  // wait for ever, and the test would fail on its timeout): a load balancer's probe must not hang.
  const degeler = await figer();
  expect(await demander("sante")).toEqual({ status: 503, corps: { status: "indisponible", version } });
  await degeler();

  await ouvrir();
  let reprise = await demander("sante");
  // The pool may still hold a connection the cut broke: the next check, not a restart, finds the database.
  for (let essai = 0; reprise.status !== 200 && essai < 5; essai++) reprise = await demander("sante");
  expect(reprise).toEqual({ status: 200, corps: { status: "ok", version } });
});

it("/api/sante shows the version to anyone: the status is public, the version for the monitoring's token only", async () => {
  for (const route of ["sante", "health"] as const) {
    expect(await demander(route, "")).toEqual({ status: 200, corps: { status: "ok" } });
    expect(await demander(route, "Bearer un-autre-jeton-qui-ne-convient-pas-du-tout")).toEqual({
      status: 200,
      corps: { status: "ok" },
    });
  }
});
