// Admission control as scripts/serveur.ts runs it: which requests go through the limiter (lib/web/admission.ts),
// its settings, the « salle d'attente » answer (lib/web/salle-attente.ts) and the log lines to monitor it.
//
// What is queued: every request that reaches Next, pages and actions, EXCEPT
// - static assets (`/_next/static/…`, `/_next/image`, the files of public/, the app's icon and the usual
//   metadata files): a waiting parent's browser must still get the CSS and JavaScript of the page it waits for;
// - the pages served from Next's cache (GET/HEAD of lib/web/coquilles.ts: `/connexion`, `/`, the public pages).
//   Measured (docs/performance.md): `/connexion` and `/` serve 838–901 requests per second on one node, about
//   1.1 ms of the node each, against the dynamic floor's 134 (7.5 ms) and Mon accueil's 85 (12 ms), and read
//   the database only once per 30 s. Queued, a parent opening the login page would wait behind the saves for a
//   page that costs a sixth of the cheapest of them; let past, a thousand of them cost the node about a second.
// - `/api/health` and `/api/sante`: the load balancer's probe must not wait in a queue and take the node for dead.
//
// `liberer` runs when the answer is over or the connection closed, whichever first.
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { lireEnvironnement, type Environnement } from "@/lib/config";
import { log } from "@/lib/log";
import { Admission, type Compteurs, type Reglages } from "@/lib/web/admission";
import { COQUILLES } from "@/lib/web/coquilles";
import { reponseSalleAttente } from "@/lib/web/salle-attente";
import { reessaiPour } from "@/lib/web/salle-attente-protocole";

/** What a transaction waits for a pooled connection at most before Prisma gives up (lib/db.ts: maxWait). */
export const MAX_WAIT_TRANSACTION_MS = 10_000;

/**
 * The default concurrency: the database pool's size (DATABASE_POOL_SIZE, 5 by default), at least 2 and at most
 * four per core. Before admission every request of a rush asked the pool at once: 1,000 parents queued inside
 * Prisma, and 259 saves waited more than maxWait (10 s) for a connection and failed. With no more requests
 * running than connections, a transaction waits at most for the statements the other running requests have in
 * flight (a page's parallel reads borrow a connection for a few milliseconds each), never for the whole crowd,
 * which waits here instead, where a wait is not an error.
 */
export function concurrenceParDefaut({ pool, coeurs }: { pool: number; coeurs: number }): number {
  return Math.max(2, Math.min(pool, 4 * coeurs));
}

export function reglagesAdmission(env: Environnement = lireEnvironnement()): Reglages {
  const file = env.ADMISSION_FILE ?? 200;
  const concurrence =
    env.ADMISSION_CONCURRENCE === "illimitee"
      ? Infinity
      : (env.ADMISSION_CONCURRENCE ??
        concurrenceParDefaut({ pool: env.DATABASE_POOL_SIZE ?? 5, coeurs: availableParallelism() }));
  return { concurrence, file, fileActions: 4 * file, attenteMaxMs: env.ADMISSION_ATTENTE_MAX_MS ?? 30_000 };
}

/** The files of public/, as paths of the site ("/agent/pointage-sw.js"). */
export function fichiersPublics(racine: string): Set<string> {
  const dossier = path.join(racine, "public");
  try {
    return new Set(
      readdirSync(dossier, { recursive: true, withFileTypes: true })
        .filter((entree) => entree.isFile())
        .map(
          (entree) => `/${path.relative(dossier, path.join(entree.parentPath, entree.name)).split(path.sep).join("/")}`,
        ),
    );
  } catch {
    return new Set();
  }
}

const METADONNEES =
  /^\/(favicon\.ico|icon(\d*)\.(svg|png|ico)|apple-icon\.png|manifest\.webmanifest|robots\.txt|sitemap\.xml|sw\.js)$/;

const SONDES = new Set(["/api/health", "/api/sante"]);

/** Whether this request goes past the queue (see the top of this file). */
export function horsFile(methode: string | undefined, chemin: string, publics: ReadonlySet<string>): boolean {
  if (chemin.startsWith("/_next/static/") || chemin === "/_next/image") return true;
  if (publics.has(chemin) || METADONNEES.test(chemin) || SONDES.has(chemin)) return true;
  return (methode === "GET" || methode === "HEAD") && COQUILLES.has(chemin);
}

/** How often at most the counters are logged while they change. */
const INTERVALLE_ETAT_MS = 5_000;

export type Garde = {
  admission: Admission;
  /**
   * Runs `suite` once the request is admitted (or at once when it is not queued); answers the waiting room when
   * it is refused; does nothing when its client went away while it waited.
   */
  passer: (req: IncomingMessage, res: ServerResponse, suite: (attenteMs: number) => void) => void;
  arreter: () => void;
};

export function creerGarde(racine: string, reglages: Reglages = reglagesAdmission()): Garde {
  const admission = new Admission(reglages);
  const pool = lireEnvironnement().DATABASE_POOL_SIZE ?? 5;
  if (reglages.concurrence > pool) {
    // said at start: beyond the pool, transactions queue inside Prisma again, where a wait past maxWait fails
    log.warn(
      { evenement: "admission.au_dela_du_pool", pool, maxWaitMs: MAX_WAIT_TRANSACTION_MS },
      "ADMISSION_CONCURRENCE dépasse DATABASE_POOL_SIZE : une sauvegarde peut attendre une connexion",
    );
  }
  const publics = fichiersPublics(racine);
  let dernier = "";
  const journaliserEtat = () => {
    const compteurs: Compteurs = admission.compteurs();
    const cle = JSON.stringify(compteurs);
    if (cle === dernier) return;
    dernier = cle;
    log.info({ evenement: "admission.etat", ...compteurs }, "admission");
  };
  const minuterie = setInterval(journaliserEtat, INTERVALLE_ETAT_MS);
  minuterie.unref();
  log.info(
    {
      evenement: "admission.reglages",
      concurrence: Number.isFinite(reglages.concurrence) ? reglages.concurrence : "illimitee",
      file: reglages.file,
      fileActions: reglages.fileActions,
      attenteMaxMs: reglages.attenteMaxMs,
    },
    "admission",
  );

  const passer: Garde["passer"] = (req, res, suite) => {
    const chemin = (req.url ?? "/").split("?")[0]!;
    if (horsFile(req.method, chemin, publics)) return suite(0);
    const action = req.method === "POST";
    const { issue, abandonner } = admission.demander({ action });
    res.once("close", abandonner);
    void issue.then((resultat) => {
      if (resultat.admis) {
        res.once("close", resultat.liberer);
        if (res.destroyed) return resultat.liberer();
        return suite(Math.round(resultat.attenteMs));
      }
      if (resultat.raison === "abandon") return;
      const salle = { ...resultat, reessai: reessaiPour(resultat.estimation) };
      const reponse = reponseSalleAttente(salle, {
        methode: req.method ?? "GET",
        action: req.headers["next-action"] !== undefined,
        adresse: req.url ?? "/",
      });
      log.info(
        {
          evenement: "admission.salle_attente",
          raison: resultat.raison,
          genre: action ? "action" : "page",
          position: salle.position,
          estimation: salle.estimation,
          ...admission.compteurs(),
        },
        "salle d'attente",
      );
      res.writeHead(reponse.status, reponse.enTetes).end(reponse.corps);
    });
  };
  return { admission, passer, arreter: () => clearInterval(minuterie) };
}
