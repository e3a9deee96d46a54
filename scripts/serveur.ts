// The HTTP server of one node, started by scripts/start.ts once the database is ready (in place of `next start`,
// and of the standalone output's server.js, which it mirrors): Next.js's request handler inside our own
// http.Server, so that
// - every request gets an id (the reverse proxy's X-Request-Id when it sends a sane one) and one JSON log line:
//   method, path without query string nor link token, status, duration; nothing else about the person;
// - SIGTERM stops it gracefully: no new connection, the running requests finish (idle keep-alive connections are
//   closed, busy ones get `Connection: close`), then the steps instrumentation.ts registered (the job runner's
//   jobs under way, the database pool), then exit 0. A later second signal, or DELAI_ARRET_MS, cuts it short;
// - a POST heavier than its page takes is answered 413 from its announced length, before any of it is read;
//   what the client still sends is drained, never kept nor parsed (Next reads a whole body before its proxy
//   runs): lib/web/limites-corps.ts;
// - pages and actions run under a concurrency limit, the excess waits in a bounded queue, and past its bound
//   (or after ADMISSION_ATTENTE_MAX_MS) the « salle d'attente » answers, never an error: lib/web/admission-noeud.ts
//   (what is queued and what is not, the settings, the log lines), lib/web/salle-attente-protocole.ts (the answer).
// Env: PORT (3000), HOSTNAME (every interface), LOG_LEVEL.
// every request gets its socket's address in a header no client can set (lib/auth/adresse-client.ts)
import "./adresse-socket.cjs";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { executerArret } from "../lib/arret";
import { nomCookieSession } from "../lib/config";
import { cheminJournalisable, log } from "../lib/log";
import { creerGarde } from "../lib/web/admission-noeud";
import { MESSAGE_TROP_LOURD, refusDuCorps } from "../lib/web/limites-corps";

// Beside the bundle in the standalone tree (scripts/serveur.mjs), or scripts/serveur.ts in the source tree.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DELAI_ARRET_MS = 25_000;
/** How long a refused body may keep arriving (drained, never kept) before its connection is cut. */
const DELAI_VIDANGE_MS = 10_000;
const ID_REQUETE = /^[\w.:-]{1,100}$/;

/** In the standalone tree there is no next.config.ts: the build wrote the resolved config beside the output. */
function configurationConstruite(): Record<string, unknown> | undefined {
  if (existsSync(path.join(ROOT, "next.config.ts"))) return undefined;
  const fichier = path.join(ROOT, ".next/required-server-files.json");
  const { config } = JSON.parse(readFileSync(fichier, "utf8")) as { config: Record<string, unknown> };
  // As the standalone server.js does: Next.js reads it instead of looking for a config file.
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  return config;
}

/** Whether the Cookie header carries this cookie. */
const avecCookie = (entete: string | undefined, nom: string) =>
  (entete ?? "").split(";").some((morceau) => morceau.trim().startsWith(`${nom}=`));

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const conf = configurationConstruite();
  // Next's own idea of this server's origin, for its URLs only (the socket listens on HOSTNAME below): always
  // localhost, the origin the proxy's request.url has. With HOSTNAME's (0.0.0.0 in the container) the two
  // differ, and Next takes the proxy's rewrites (`/` to /_accueil, an invented path to /_introuvable) for
  // another site's: it fetched each over HTTP from itself, two requests for one.
  const app = next({ dev: false, dir: ROOT, port, hostname: "localhost", ...(conf ? { conf } : {}) });
  await app.prepare();
  const traiter = app.getRequestHandler();

  const garde = creerGarde(ROOT);
  let arret = false;
  let arretDemande = 0;
  const serveur = http.createServer((req, res) => {
    const debut = performance.now();
    // read now: Next rewrites req.url while it handles a rewritten path (`/` is served by /_accueil, proxy.ts)
    const chemin = cheminJournalisable(req.url ?? "/");
    const recue = req.headers["x-request-id"];
    const requestId = typeof recue === "string" && ID_REQUETE.test(recue) ? recue : randomUUID();
    res.setHeader("x-request-id", requestId);
    // While stopping, a keep-alive client is told to reconnect elsewhere after this answer.
    if (arret) res.setHeader("connection", "close");
    const refus = refusDuCorps({
      methode: req.method,
      // the path as sent, never parsed (a malformed target must not throw here): an unusual spelling of an
      // upload page's path only meets the stricter 1 MB
      chemin: (req.url ?? "/").split("?")[0]!,
      longueur: req.headers["content-length"],
      morcelee: req.headers["transfer-encoding"] !== undefined,
      avecSession: avecCookie(req.headers.cookie, nomCookieSession()),
    });
    let attenteMs = 0;
    res.once("close", () => {
      log.info(
        {
          requestId,
          method: req.method,
          path: chemin,
          status: res.statusCode,
          durationMs: Math.round(performance.now() - debut),
          // the part of it spent in the admission queue
          ...(attenteMs > 0 ? { attenteMs } : {}),
          ...(res.writableFinished ? {} : { interrompue: true }),
        },
        "requête",
      );
    });
    if (refus) {
      // answered before Next, so without next.config.ts's headers: a static text that no browser may sniff
      res.writeHead(refus, {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end(MESSAGE_TROP_LOURD);
      // Node then drains what the client is still sending, unread and unkept, so that a browser in the middle of
      // its upload receives this answer rather than a reset connection; one still sending after a while is cut.
      const coupure = setTimeout(() => req.socket.destroy(), DELAI_VIDANGE_MS);
      coupure.unref();
      req.once("end", () => clearTimeout(coupure));
      return;
    }
    garde.passer(req, res, (attente) => {
      attenteMs = attente;
      traiter(req, res).catch((error: unknown) => {
        log.error({ requestId, erreur: error instanceof Error ? error.name : typeof error }, "requête échouée");
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    serveur.once("error", reject);
    serveur.listen(port, hostname, () => resolve());
  });
  log.info({ evenement: "serveur.ecoute", port }, "serveur à l'écoute");

  const arreter = async (signal: string) => {
    // The same SIGTERM often arrives twice (to the process group, and forwarded by scripts/start.ts): only a
    // signal sent later means "now".
    if (arret && Date.now() - arretDemande < 2_000) return;
    if (arret) {
      log.warn({ evenement: "serveur.arret.force", signal }, "second signal : arrêt immédiat");
      process.exit(1);
    }
    arret = true;
    arretDemande = Date.now();
    log.info({ evenement: "serveur.arret", signal }, "arrêt demandé : plus de nouvelle connexion");
    const couperTout = setTimeout(() => {
      log.warn({ evenement: "serveur.arret.delai" }, "requêtes encore en cours : connexions coupées");
      serveur.closeAllConnections();
    }, DELAI_ARRET_MS);
    couperTout.unref();
    await new Promise<void>((resolve) => {
      serveur.close(() => resolve());
      serveur.closeIdleConnections();
    });
    clearTimeout(couperTout);
    await executerArret((etape, error) =>
      log.error(
        { evenement: "serveur.arret.echec", etape, erreur: error instanceof Error ? error.message : typeof error },
        "étape d'arrêt échouée",
      ),
    );
    await app.close().catch(() => undefined);
    log.info({ evenement: "serveur.arrete" }, "arrêté proprement");
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void arreter(signal));
}

main().catch((error: unknown) => {
  log.fatal({ erreur: error instanceof Error ? error.message : String(error) }, "le serveur n'a pas démarré");
  process.exit(1);
});
