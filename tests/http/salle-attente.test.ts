// Admission control against the built server (issue 28): a second node of it, on the test database, with one
// request at a time and two waiting (ADMISSION_CONCURRENCE=1, ADMISSION_FILE=2, so four actions). Its one place
// is held by a server action whose body never finishes arriving (Next reads the whole body before it runs the
// action): nothing depends on timing. Shown: the requests within the bound wait and all succeed; past it the
// « salle d'attente » (503, its headers, the French page), never a 500, and each refused request succeeds when
// retried after Retry-After; a server action past the actions' bound gets the action protocol and, retried, is
// done once; static files and the cached pages are never queued; a queued client that went away leaves the queue.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.node.js";
import { db } from "@/lib/db";
import { nomCookieSession } from "@/lib/config";
import { salleAttenteDe } from "@/lib/web/salle-attente-protocole";
import { portLibreDe } from "../ports";
import { actionDuBuild } from "./build";
import { connecte, serveur } from "./client";
import { espaceActive } from "./fixtures";
import { startApp, stopApp, waitForHealth } from "./global-setup";

const ACTION = actionDuBuild("app/(portail)/mes-informations/telephones/actions.ts", "changerTelephonesAction");
const PAGE_ACTION = "/mes-informations/telephones";
const PLANCHER = "/mon-espace/plancher";

let app: ChildProcess;
let baseUrl: string;
let journal: string;
let cookie: string;
let usagerId: string;

beforeAll(async () => {
  const port = await portLibreDe("http");
  baseUrl = `http://127.0.0.1:${port}`;
  const dossier = mkdtempSync(join(tmpdir(), "portail-salle-attente-"));
  journal = join(dossier, "serveur.log");
  app = startApp(journal, {
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: serveur.databaseUrl,
    APP_URL: baseUrl,
    DATA_DIR: join(dossier, "data"),
    STORAGE_DIR: serveur.storageDir,
    CLE_CHIFFREMENT: serveur.cleChiffrement,
    ALTCHA_HMAC_KEY: randomBytes(32).toString("hex"),
    // the first node runs the jobs
    JOBS_CONCURRENCY: "0",
    ADMISSION_CONCURRENCE: "1",
    ADMISSION_FILE: "2",
    // nobody is refused for waiting too long here: only the bound refuses
    ADMISSION_ATTENTE_MAX_MS: "600000",
  });
  await waitForHealth(baseUrl, app, journal);
  const espace = await espaceActive();
  usagerId = espace.usagerId;
  const { jeton } = await connecte({ kind: "USAGER", usagerId });
  cookie = `${nomCookieSession("http://127.0.0.1")}=${jeton}`;
}, 240_000);

afterAll(async () => {
  if (app) await stopApp(app);
});

type Reponse = { status: number; entetes: http.IncomingHttpHeaders; corps: string };

/** One request on its own connection; `corps` sent whole. */
function envoyer(chemin: string, init: { method?: string; corps?: Buffer; entetes?: Record<string, string> } = {}) {
  return new Promise<Reponse>((resolve, reject) => {
    const requete = http.request(
      `${baseUrl}${chemin}`,
      { method: init.method ?? "GET", agent: false, headers: { cookie, ...init.entetes } },
      (reponse) => {
        const morceaux: Buffer[] = [];
        reponse.on("data", (m: Buffer) => morceaux.push(m));
        reponse.on("end", () =>
          resolve({ status: reponse.statusCode!, entetes: reponse.headers, corps: Buffer.concat(morceaux).toString() }),
        );
      },
    );
    requete.on("error", reject);
    requete.end(init.corps);
  });
}

/** The phone number change as Next's client posts it. */
async function changerTelephone(telephone: string) {
  const donnees = new FormData();
  donnees.append("telephone", telephone);
  donnees.append("mobile", "");
  const corps = await encodeReply([{ values: {}, errors: {} }, donnees]);
  const multipart = new Response(corps as FormData);
  return {
    corps: Buffer.from(await multipart.arrayBuffer()),
    entetes: {
      "next-action": ACTION.id,
      accept: "text/x-component",
      origin: baseUrl,
      "content-type": multipart.headers.get("content-type")!,
    },
  };
}

/**
 * An action whose body announces more than it sends: admitted, it holds the node's place as long as this
 * client keeps its connection; queued, it waits. `lacher` closes the connection.
 */
function tenir(): { lacher: () => void; fermee: Promise<void> } {
  const requete = http.request(`${baseUrl}${PAGE_ACTION}`, {
    method: "POST",
    agent: false,
    headers: {
      cookie,
      origin: baseUrl,
      "next-action": ACTION.id,
      "content-type": "text/plain;charset=UTF-8",
      "content-length": "1000",
    },
  });
  const fermee = new Promise<void>((resolve) => requete.on("close", () => resolve()));
  requete.on("error", () => undefined);
  requete.write("[");
  requete.flushHeaders();
  return { lacher: () => requete.destroy(), fermee };
}

/**
 * What a page asked now meets: "servie" (the place was free), its waiting-room position (the queue is full),
 * or "en file" (still unanswered after a second: queued; its client then goes away, so it leaves the queue).
 */
function sonder(): Promise<"servie" | "en file" | number> {
  return new Promise((resolve) => {
    const requete = http.request(`${baseUrl}${PLANCHER}`, { agent: false, headers: { cookie } }, (reponse) => {
      clearTimeout(minuterie);
      reponse.resume();
      const position = /position=(\d+)/.exec(String(reponse.headers["x-salle-attente"]))?.[1];
      resolve(reponse.statusCode === 503 ? Number(position) : "servie");
    });
    const minuterie = setTimeout(() => {
      requete.destroy();
      resolve("en file");
    }, 1_000);
    requete.on("error", () => undefined);
    requete.end();
  });
}

/** One held action that has the node's place (sent again until a page asked next is no longer served). */
async function tenirLaPlace(): Promise<ReturnType<typeof tenir>> {
  for (;;) {
    const tenue = tenir();
    await attendre(0.2);
    if ((await sonder()) !== "servie") return tenue;
    tenue.lacher();
  }
}

async function jusqua(condition: () => Promise<boolean>, quoi: string) {
  const limite = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > limite) throw new Error(`toujours pas : ${quoi}\n${readFileSync(journal, "utf8").slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const attendre = (secondes: number) => new Promise((resolve) => setTimeout(resolve, secondes * 1000));

function verifierProtocole(reponse: Reponse) {
  expect(reponse.status).toBe(503);
  const reessai = Number(reponse.entetes["retry-after"]);
  expect(Number.isInteger(reessai) && reessai >= 1).toBe(true);
  expect(reponse.entetes["x-salle-attente"]).toMatch(/^position=\d+; estimation=\d+$/);
  expect(reponse.entetes["cache-control"]).toBe("no-store");
  return reessai;
}

describe("the admission queue of a node", () => {
  it("lets the requests within the bound wait and succeed; past it the French waiting room, then success after Retry-After", async () => {
    const tenue = await tenirLaPlace();
    const enFile = [envoyer(PLANCHER), envoyer(PLANCHER)];
    await attendre(0.3);
    // a page asked now is refused at the third place: the two are waiting
    await jusqua(async () => (await sonder()) === 3, "deux pages en file");

    const refusee = await envoyer(PLANCHER);
    const reessai = verifierProtocole(refusee);
    expect(refusee.entetes["x-salle-attente"]).toMatch(/^position=3; /);
    expect(refusee.entetes["content-type"]).toBe("text/html; charset=utf-8");
    expect(refusee.entetes["content-security-policy"]).toMatch(/default-src 'none'; style-src 'sha256-/);
    expect(refusee.corps).toContain('<html lang="fr">');
    expect(refusee.corps).toContain("<title>Salle d'attente – Portail Famille</title>");
    expect(refusee.corps).toContain("Vous êtes 3e dans la file");
    expect(refusee.corps).toContain(`<noscript><meta http-equiv="refresh" content="${reessai}"></noscript>`);
    expect(refusee.corps).toContain(`<a href="${PLANCHER}">Réessayer maintenant</a>`);
    const tete = await envoyer(PLANCHER, { method: "HEAD" });
    verifierProtocole(tete);

    // (d) meanwhile static files and the cached pages are answered: they never wait
    const statiques = ["/icon.svg", "/bench-statique.html", "/connexion", "/api/health"];
    for (const chemin of statiques) expect((await envoyer(chemin)).status, chemin).toBe(200);

    tenue.lacher();
    const servies = await Promise.all(enFile);
    expect(servies.map((r) => r.status)).toEqual([200, 200]);
    const page = servies[0]!.corps;
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();

    // a static file of Next while the place is held and the queue full: served at once too
    const seconde = await tenirLaPlace();
    const autres = [envoyer(PLANCHER), envoyer(PLANCHER)];
    await attendre(0.3);
    await jusqua(async () => (await sonder()) === 3, "deux pages en file");
    expect((await envoyer(script!)).status).toBe(200);
    seconde.lacher();
    expect((await Promise.all(autres)).map((r) => r.status)).toEqual([200, 200]);

    await attendre(reessai);
    expect((await envoyer(PLANCHER)).status).toBe(200);
    const lignes = readFileSync(journal, "utf8");
    expect(lignes).toContain('"evenement":"admission.salle_attente"');
    // no answer was an error (the held actions, cut by their client, are logged as interrupted)
    const erreurs = lignes.split("\n").filter((l) => /"status":5\d\d/.test(l) && !l.includes("interrompue"));
    expect(erreurs.every((l) => l.includes('"status":503'))).toBe(true);
  });

  it("answers a server action past the bound with the action protocol; retried, it is done once", async () => {
    const tenue = await tenirLaPlace();
    // eight actions may wait (4 × ADMISSION_FILE): eight clients that will go away
    const partants = Array.from({ length: 8 }, () => tenir());
    await jusqua(async () => (await sonder()) === 9, "huit actions en file");

    const avant = await db().usager.findUniqueOrThrow({ where: { id: usagerId }, select: { telephone: true } });
    const { corps, entetes } = await changerTelephone("0612345678");
    const refusee = await envoyer(PAGE_ACTION, { method: "POST", corps, entetes });
    const reessai = verifierProtocole(refusee);
    expect(refusee.entetes["content-type"]).toBe("text/plain");
    // what the form's hook reads from the Error Next's client throws with this body
    expect(salleAttenteDe(new Error(refusee.corps))).toEqual({ position: 9, estimation: expect.any(Number), reessai });
    expect(await db().usager.findUniqueOrThrow({ where: { id: usagerId }, select: { telephone: true } })).toEqual(
      avant,
    );

    // the queued clients go away: they leave the queue (a page is queued again, not refused) and never run
    for (const partant of partants) partant.lacher();
    await Promise.all(partants.map((p) => p.fermee));
    await jusqua(async () => (await sonder()) === "en file", "la file vidée");
    tenue.lacher();

    await attendre(reessai);
    const retentee = await envoyer(PAGE_ACTION, { method: "POST", corps, entetes });
    expect(retentee.status).toBe(200);
    expect(retentee.entetes["content-type"]).toMatch(/^text\/x-component/);
    expect(retentee.corps).toContain("Vos numéros de téléphone sont enregistrés.");
    const apres = await db().usager.findUniqueOrThrow({ where: { id: usagerId }, select: { telephone: true } });
    expect(apres.telephone).toBe("0612345678");
    // in the node's log: that action refused once and done once (the held ones, cut by their client, are logged
    // as interrupted)
    const posts = (status: number) =>
      readFileSync(journal, "utf8")
        .split("\n")
        .filter(
          (l) =>
            l.includes('"method":"POST"') &&
            l.includes(`"path":"${PAGE_ACTION}"`) &&
            l.includes(`"status":${status}`) &&
            !l.includes("interrompue"),
        ).length;
    // (the line is written when the connection closes, a moment after the answer)
    await jusqua(async () => posts(200) > 0, "la ligne du journal");
    expect([posts(503), posts(200)]).toEqual([1, 1]);
  });
});
