// The ports handed to the servers the test lanes start (tests/ports.ts): below the kernel's ephemeral range,
// where no outgoing connection takes them, in the lane's own thousand, free when chosen.
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { expect, it } from "vitest";
import { PLAGES, portsLibres, portsLibresSync } from "@/tests/ports";

const premierPortEphemere = Number(
  readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0],
);

function ecouter(port: number): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const serveur = createServer();
    serveur.once("error", reject);
    serveur.listen(port, "127.0.0.1", () => resolve(() => new Promise((ok) => serveur.close(() => ok()))));
  });
}

it("chaque voie a son millier, sous la plage éphémère du noyau", () => {
  const debuts = Object.values(PLAGES).sort((a, b) => a - b);
  for (const [i, debut] of debuts.entries()) {
    expect(debut + 1000).toBeLessThanOrEqual(premierPortEphemere);
    if (i > 0) expect(debut).toBeGreaterThanOrEqual(debuts[i - 1]! + 1000);
  }
});

it("des ports distincts de la voie, chacun libre : un serveur peut y écouter", async () => {
  const ports = await portsLibres("e2e", 7);
  expect(new Set(ports).size).toBe(7);
  for (const port of ports) {
    expect(port).toBeGreaterThanOrEqual(PLAGES.e2e);
    expect(port).toBeLessThan(PLAGES.e2e + 1000);
  }
  const fermer = await Promise.all(ports.map(ecouter));
  await Promise.all(fermer.map((f) => f()));
});

it("un port déjà pris n'est jamais rendu", async () => {
  // every port of the bench's thousand (no bench runs during the tests) but one taken: that one is the answer
  const libre = PLAGES.bench + 500;
  const fermer: (() => Promise<void>)[] = [];
  for (let port = PLAGES.bench; port < PLAGES.bench + 1000; port++) {
    if (port !== libre) fermer.push(await ecouter(port).catch(() => async () => {}));
  }
  try {
    expect(await portsLibres("bench")).toEqual([libre]);
    await expect(portsLibres("bench", 2)).rejects.toThrow("Pas 2 ports libres entre 24000 et 24999.");
  } finally {
    await Promise.all(fermer.map((f) => f()));
  }
});

it("avec des décalages, p + d est libre et reste dans le millier (la démo et ses bouchons)", () => {
  const ports = portsLibresSync("demo", 2, [265, 266, 267]);
  expect(ports).toHaveLength(2);
  for (const port of ports) expect(port + 267).toBeLessThan(PLAGES.demo + 1000);
  const pris = ports.flatMap((p) => [p, p + 265, p + 266, p + 267]);
  expect(new Set(pris).size).toBe(pris.length);
});
