// The bench's client before the node's waiting room (scripts/bench/client.ts): a 503 with Retry-After and
// X-Salle-Attente is a wait, the same request sent again after it; any other 503 is an error. Against a local
// HTTP server that answers as scripts/serveur.ts's admission control does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envoyer, page, salleAttente } from "./client";
import { Etape } from "./commun";

let serveur: http.Server;
let base: string;
/** how many waiting-room answers each path still gets before its success */
const salles = new Map<string, number>();
const corpsRecus: string[] = [];

beforeAll(async () => {
  serveur = http.createServer((req, res) => {
    let corps = "";
    req.on("data", (morceau: Buffer) => (corps += morceau.toString()));
    req.on("end", () => {
      corpsRecus.push(corps);
      const restantes = salles.get(req.url ?? "") ?? 0;
      if (req.url === "/panne") {
        res.writeHead(503, { "content-type": "text/plain" });
        return res.end("Service indisponible");
      }
      if (restantes > 0) {
        salles.set(req.url ?? "", restantes - 1);
        res.writeHead(503, {
          "retry-after": "1",
          "x-salle-attente": `position=${restantes}; estimation=2`,
          "cache-control": "no-store",
          "content-type": "text/plain",
        });
        return res.end("Salle d'attente");
      }
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`Bonjour ${corps}`);
    });
  });
  await new Promise<void>((resolve) => serveur.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => serveur.close(() => resolve())));

describe("salleAttente", () => {
  it("reads the protocol, and only a 503 that carries it", () => {
    const entetes = new Headers({ "retry-after": "20", "x-salle-attente": "position=37; estimation=20" });
    expect(salleAttente(503, entetes)).toEqual({ apresS: 20, position: 37, estimationS: 20 });
    expect(salleAttente(200, entetes)).toBeUndefined();
    expect(salleAttente(503, new Headers({ "retry-after": "20" }))).toBeUndefined();
    expect(salleAttente(503, new Headers({ "retry-after": "0", "x-salle-attente": "position=1" }))).toBeUndefined();
  });
});

describe("the waiting room, as the browser meets it", () => {
  it("waits Retry-After and sends the same page request again; the wait is kept, not an error", async () => {
    salles.set("/mon-espace", 2);
    const etape = new Etape("Mon accueil");
    const corps = await etape.mesurer((suivi) => page(base, "/mon-espace", "jeton", "Bonjour", undefined, suivi));
    expect(corps).toContain("Bonjour");
    expect(etape.erreurs).toBe(0);
    expect(etape.attentes).toHaveLength(1);
    expect(etape.attentes[0]).toBeGreaterThanOrEqual(1_900);
    expect(etape.latences[0]).toBeGreaterThanOrEqual(etape.attentes[0]!);
  });

  it("sends a form's body again, unchanged, and adds the wait to the parent's own record", async () => {
    salles.set("/enregistrer", 1);
    corpsRecus.length = 0;
    const sienne = { attenteMs: 0, passages: 0 };
    const etape = new Etape("Enregistrer");
    const texte = await etape.mesurer(async (suivi) => {
      const reponse = await envoyer(`${base}/enregistrer`, { method: "POST", body: "changements=[1,2]" }, suivi);
      return reponse.text();
    }, sienne);
    expect(texte).toBe("Bonjour changements=[1,2]");
    expect(corpsRecus).toEqual(["changements=[1,2]", "changements=[1,2]"]);
    expect(sienne.passages).toBe(1);
    expect(sienne.attenteMs).toBeGreaterThanOrEqual(900);
  });

  it("counts a 503 without the protocol as an error, with its reason", async () => {
    const etape = new Etape("Mon accueil");
    expect(await etape.mesurer((suivi) => page(base, "/panne", "jeton", "Bonjour", undefined, suivi))).toBeUndefined();
    expect(etape.detail()).toBe("/panne : HTTP 503 × 1");
    expect(etape.attentes).toHaveLength(0);
  });
});
