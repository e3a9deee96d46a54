// Two nodes (the production server) on one PostgreSQL behind nginx (Debian's package: installed with apt-get when missing
// and the bench runs as root; started with a generated configuration, on 127.0.0.1 only). Antibes' rush (2,500
// parents within 60 s, scripts/bench/rush.ts) is run through the proxy to the two nodes, with its budgets plus
// each step's p95 under 1 s; compared with the same rush on one node (the rush scenario's, when it ran before).
// Then what must hold across nodes:
// - throttling: five wrong passwords for one identifiant, sent to the two nodes in turn, lock the sixth try
//   (the correct password) on either node;
// - sessions: a session opened by a login on one node opens Mon accueil on the other, and a logout on the
//   other closes it on the first;
// - the outbox: both nodes run its worker; every recap mail queued by the rush's saves is sent once (as many
//   messages reach the SMTP sink as rows are marked sent, none twice).
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { db } from "../../lib/db";
import { startMailSink } from "../../e2e/fixtures/mail-sink";
import { action, COOKIE_SESSION, idAction, jetonDe, page } from "./client";
import { attendre, type Contexte, type Noeud, type Scenario } from "./commun";
import { arreterProcessus, termine } from "./processus";
import type { Parent } from "./population";
import {
  type BilanRush,
  BUDGET_RUSH_P95_MS_DEUX_NOEUDS,
  budgetsRush,
  effacerRush,
  libellePasse,
  notesRush,
  rush,
  RUSH_2500_EN_60_S,
  tableauRush,
} from "./rush";

const CONNEXION = ["app/(auth)/connexion/actions.ts", "connexion"] as const;
const DECONNEXION = ["app/(portail)/actions.ts", "deconnexion"] as const;

function nginx(): string {
  const chemin = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((c) => existsSync(c));
  if (chemin) return chemin;
  if (process.getuid?.() !== 0)
    throw new Error("nginx est absent et le banc ne tourne pas en root : installez-le (apt-get install nginx-light).");
  console.log("  installation de nginx (apt-get install nginx-light)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "nginx-light"], { stdio: "pipe", env });
  } catch {
    execFileSync("apt-get", ["update"], { stdio: "pipe", env });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "nginx-light"], { stdio: "pipe", env });
  }
  // the package's own service is not the bench's: it stays stopped
  try {
    execFileSync("service", ["nginx", "stop"], { stdio: "pipe" });
  } catch {
    // no service manager in a container: nothing started
  }
  return "/usr/sbin/nginx";
}

/** nginx on 127.0.0.1:`port` in front of `noeuds` (least connections, keep-alive to the nodes). */
async function demarrerProxy(ctx: Contexte, noeuds: Noeud[]): Promise<{ baseUrl: string; arreter(): Promise<void> }> {
  const binaire = nginx();
  const dir = await mkdtemp(path.join(os.tmpdir(), "portail-bench-nginx-"));
  const port = await ctx.portLibre();
  const conf = `
daemon off;
master_process on;
worker_processes 1;
${process.getuid?.() === 0 ? "user root;" : ""}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 25m;
  upstream portail {
    least_conn;
${noeuds.map((n) => `    server 127.0.0.1:${n.port} max_fails=0;`).join("\n")}
    keepalive 64;
    # below Node's own keep-alive timeout (5 s): nginx must not reuse a connection the node is closing (a 502)
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portail;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # the parents' own addresses (scripts/bench/client.ts), passed on as a trusted front proxy would
      proxy_set_header X-Forwarded-For $http_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
      proxy_buffering off;
    }
  }
}
`;
  await writeFile(path.join(dir, "nginx.conf"), conf);
  const proc = spawn(binaire, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  let sortie = "";
  proc.stderr?.on("data", (chunk: Buffer) => (sortie += chunk.toString()));
  const arreter = async () => {
    await arreterProcessus(proc, () => proc.kill("SIGQUIT"));
    await rm(dir, { recursive: true, force: true });
  };
  ctx.aLaFin(arreter);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (proc.exitCode !== null) throw new Error(`nginx s'est arrêté : ${sortie}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, arreter };
    } catch {
      // not listening yet
    }
    await attendre(100);
  }
  throw new Error(`nginx ne répond pas : ${sortie}`);
}

async function verrouillage(noeuds: Noeud[], { identifiant, motDePasse, ip }: Parent) {
  const id = idAction(...CONNEXION);
  for (let i = 0; i < 5; i++)
    await action(
      noeuds[i % 2]!.baseUrl,
      "/connexion",
      id,
      { identifiant, motDePasse: "Pas-le-bon-1!", suite: "" },
      { ip },
    );
  const sixieme = await action(noeuds[1]!.baseUrl, "/connexion", id, { identifiant, motDePasse, suite: "" }, { ip });
  return sixieme.texte.includes("Trop de tentatives de connexion") && !jetonDe(sixieme.headers);
}

async function sessionPartagee(noeuds: Noeud[], { identifiant, motDePasse, ip }: Parent) {
  const connexion = await action(
    noeuds[0]!.baseUrl,
    "/connexion",
    idAction(...CONNEXION),
    { identifiant, motDePasse, suite: "" },
    { ip },
  );
  const jeton = jetonDe(connexion.headers);
  if (!jeton) return { ouverte: false, fermee: false };
  const ouverte = await page(noeuds[1]!.baseUrl, "/mon-espace", jeton, "Bonjour").then(
    () => true,
    () => false,
  );
  await action(noeuds[1]!.baseUrl, "/mon-espace", idAction(...DECONNEXION), {}, { jeton });
  const apres = await fetch(`${noeuds[0]!.baseUrl}/mon-espace`, {
    headers: { cookie: `${COOKIE_SESSION}=${jeton}` },
    redirect: "manual",
  });
  return { ouverte, fermee: apres.status === 307 };
}

/**
 * Waits until the previous pass has settled: saves the bench stopped waiting for (60 s) may still commit on the
 * server, their recap mails queued and sent later. Settled: nothing pending and no new outbox row for 5 s (at most
 * 3 minutes). Without it, such a late mail reached the next pass's sink and was counted against its rows.
 */
async function passeTerminee(): Promise<void> {
  const fin = Date.now() + 180_000;
  let avant = -1;
  let stableDepuis = Date.now();
  for (;;) {
    const [lignes, enAttente] = await Promise.all([
      db().outboxMail.count(),
      db().outboxMail.count({ where: { status: "PENDING" } }),
    ]);
    if (lignes !== avant) {
      avant = lignes;
      stableDepuis = Date.now();
    }
    if ((enAttente === 0 && Date.now() - stableDepuis >= 5_000) || Date.now() > fin) return;
    await attendre(500);
  }
}

async function outboxVidee(depuis: Date, limiteMs: number): Promise<number> {
  const fin = Date.now() + limiteMs;
  for (;;) {
    const enAttente = await db().outboxMail.count({ where: { status: "PENDING", createdAt: { gte: depuis } } });
    if (enAttente === 0 || Date.now() > fin) return enAttente;
    await attendre(500);
  }
}

export const scenario: Scenario = {
  nom: "noeuds",
  titre: "Deux nœuds derrière nginx, une base PostgreSQL",
  bases: ["postgresql"],
  async executer(ctx) {
    const sink = await startMailSink({ port: 0 });
    ctx.aLaFin(() => sink.close());
    const env = { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, JOBS_POLL_INTERVAL_MS: "1000" };
    // the one-node scenarios' node has no SMTP: stopped, so that only these two send the rush's mails
    await arreterProcessus(ctx.noeud.process);
    await termine(ctx.noeud.process);
    const { parents } = ctx.population;
    // the earlier scenarios' bookings removed and their mails marked sent before these nodes start sending
    await effacerRush(parents);
    const noeuds = [await ctx.demarrerNoeud(env), await ctx.demarrerNoeud(env)];
    const proxy = await demarrerProxy(ctx, noeuds);
    await passeTerminee();
    await sink.clear();
    const depuis = new Date();
    console.log(
      `  rush par nginx, 2 nœuds derrière : ${Math.min(RUSH_2500_EN_60_S.parents, parents.length)} parents en ${RUSH_2500_EN_60_S.arriveeS} s…`,
    );
    const bilan = await rush(proxy.baseUrl, ctx.population, RUSH_2500_EN_60_S);
    await proxy.arreter();
    const restants = await outboxVidee(depuis, 180_000);
    await attendre(1_000);
    const envoyees = await db().outboxMail.findMany({
      where: { status: "SENT", createdAt: { gte: depuis } },
      select: { to: true, subject: true },
    });
    const recus = sink.messages();
    const cle = (to: string, subject: string) => `${to.toLowerCase()}|${subject}`;
    const parLigne = new Map<string, number>();
    for (const e of envoyees) parLigne.set(cle(e.to, e.subject), (parLigne.get(cle(e.to, e.subject)) ?? 0) + 1);
    const parMessage = new Map<string, number>();
    for (const m of recus)
      for (const to of m.to) parMessage.set(cle(to, m.subject), (parMessage.get(cle(to, m.subject)) ?? 0) + 1);
    const ecarts = [...new Set([...parLigne.keys(), ...parMessage.keys()])].filter(
      (k) => (parLigne.get(k) ?? 0) !== (parMessage.get(k) ?? 0),
    ).length;

    const [a, b] = [parents.at(-1)!, parents.at(-2)!];
    const verrou = await verrouillage(noeuds, a);
    const session = await sessionPartagee(noeuds, b);

    const unNoeud = ctx.partage.get("rush") as BilanRush | undefined;
    const debit = (b: BilanRush) => b.sauvegardes.size / b.duree;
    return {
      tableau: tableauRush([{ libelle: `nginx + 2 nœuds, ${libellePasse(bilan)}`, bilan }]),
      budgets: [
        ...budgetsRush(bilan, `${ctx.base.libelle}, nginx + 2 nœuds`, BUDGET_RUSH_P95_MS_DEUX_NOEUDS),
        {
          nom: "2 nœuds — le verrou après 5 échecs tient d'un nœud à l'autre",
          mesure: verrou ? "6e essai refusé" : "6e essai ACCEPTÉ",
          ok: verrou,
        },
        {
          nom: "2 nœuds — une session ouverte sur l'un sert sur l'autre, et s'y ferme",
          mesure: `${session.ouverte ? "ouverte" : "refusée"}, ${session.fermee ? "fermée" : "PAS fermée"}`,
          ok: session.ouverte && session.fermee,
        },
        {
          nom: "2 nœuds — un courriel par ligne de l'outbox (récapitulatifs du rush)",
          mesure: `${envoyees.length} lignes envoyées, ${recus.length} reçus, ${ecarts} écarts, ${restants} en attente`,
          // a save the bench stopped waiting for (60 s) may still have committed, with its mail: at least one row
          // per save seen to succeed; no save at all shows nothing
          ok: ecarts === 0 && restants === 0 && envoyees.length >= bilan.sauvegardes.size && envoyees.length > 0,
        },
      ],
      notes: [
        ...notesRush(bilan, ctx.population),
        unNoeud && unNoeud.nombre === bilan.nombre
          ? `Ce que nginx et le second nœud apportent, le même rush : ${debit(unNoeud).toFixed(1)} → ${debit(bilan).toFixed(1)} ` +
            `enregistrements/s sur l'ensemble du rush (${unNoeud.duree.toFixed(1)} s → ${bilan.duree.toFixed(1)} s), sur une machine ` +
            `de ${os.cpus().length} cœurs que les deux nœuds, PostgreSQL, nginx et le banc se partagent.`
          : `Machine de ${os.cpus().length} cœurs que les deux nœuds, PostgreSQL, nginx et le banc se partagent.`,
      ],
    };
  },
};
