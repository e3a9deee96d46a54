// The opening-day rush, on one node: two passes, the (1,000 parents arriving within 10 s, as on 27
// November) and Antibes' (2,500 within 60 s), each from the same state (the population's bookings removed before
// it). Each logged-in parent opens Mon accueil, thinks, opens Gérer mes réservations (the month view), thinks
// while applying the weekly pattern for the year (in the browser: no request), and saves it with "Enregistrer"
// (the month view's own server action, enregistrerReservationsAction, over HTTP as the browser sends it). The
// node's waiting room (HTTP 503 + Retry-After, scripts/serveur.ts) is not an error: the parent waits and sends the
// same request again, as the browser does (scripts/bench/client.ts), and the time waited is kept per parent and per
// step. After each pass the database is checked: every day each successful save booked exists exactly once, none
// is missing, none doubled, none extra; and every parent's save was done.
import { db } from "../../lib/db";
import { action, ERREUR_INATTENDUE, idAction, page, auCalme, type Suivi } from "./client";
import {
  attendre,
  Etape,
  type Budget,
  intEnv,
  ENTETE_ETAPES,
  ms,
  nouveauSuivi,
  percentile,
  type Scenario,
} from "./commun";
import type { Changement, Parent, Population } from "./population";

const ACTION = [
  "app/(portail)/famille/enfants/[enfant]/reservations/actions.ts",
  "enregistrerReservationsAction",
] as const;

/** A rush: so many parents arriving, evenly spread, within so many seconds. */
export type Passe = { parents: number; arriveeS: number };
/** The rush, the one measured since 27 November. */
export const RUSH_1000_EN_10_S: Passe = { parents: 1_000, arriveeS: 10 };
/** Antibes, June 2022: « plus de 2 500 connexions en simultané » within the first minute. */
export const RUSH_2500_EN_60_S: Passe = { parents: 2_500, arriveeS: 60 };
/**
 * Budgets of every rush (one node and nginx + 2 nodes): 0 errors at every step, 0 lost, 0 doubled, 0 extra, every
 * parent's save done; the waiting room is not an error, its p95 wait is reported.
 */
export const PASSES_UN_NOEUD = [RUSH_1000_EN_10_S, RUSH_2500_EN_60_S];
/** nginx + 2 nodes, 2,500 parents within 60 s: each step's p95 (the waiting room's time included) under this, ms. */
export const BUDGET_RUSH_P95_MS_DEUX_NOEUDS = 1_000;

export type BilanRush = {
  passe: Passe;
  /** parents who took part (the pass's number, or fewer when the population is smaller: BENCH_PARENTS) */
  nombre: number;
  etapes: Etape[];
  duree: number;
  sauvegardes: Set<string>;
  /** each parent's time in the waiting room across the three steps (ms), for the parents who saw it */
  attentes: number[];
  controle: { attendus: number; trouves: number; manquants: number; doubles: number; enTrop: number };
};

function reflexion(moyenneMs: number): Promise<void> {
  // uniform between half and one and a half times the mean
  return attendre(moyenneMs * (0.5 + Math.random()));
}

export const libellePasse = (b: Pick<BilanRush, "nombre" | "passe">) =>
  `${b.nombre.toLocaleString("fr-FR")} parents en ${b.passe.arriveeS} s`;

/** What one parent does; the save's answer must say it booked the days. */
async function parcours(baseUrl: string, parent: Parent, id: string, changements: string, etapes: Etape[]) {
  const [accueil, mois, enregistrer] = etapes as [Etape, Etape, Etape];
  const pense = intEnv("BENCH_REFLEXION_MS", 2_000, 0, 600_000);
  const sienne: Suivi = nouveauSuivi();
  const chemin = `/famille/enfants/${parent.enfantId}/reservations`;
  const fini = (ok: boolean) => ({ ok, attenteMs: sienne.passages ? sienne.attenteMs : undefined });
  const vu = await accueil.mesurer(
    (suivi) => page(baseUrl, "/mon-espace", parent.jeton, "Bonjour", parent.ip, suivi),
    sienne,
  );
  if (!vu) return fini(false);
  await reflexion(pense);
  if (!(await mois.mesurer((suivi) => page(baseUrl, chemin, parent.jeton, "Enregistrer", parent.ip, suivi), sienne)))
    return fini(false);
  await reflexion(pense);
  const ok = await enregistrer.mesurer(async (suivi) => {
    const reponse = await action(
      baseUrl,
      chemin,
      id,
      { inscriptionId: parent.inscriptionId, changements },
      { jeton: parent.jeton, ip: parent.ip, suivi },
    );
    if (reponse.status !== 200) throw new Error(`HTTP ${reponse.status}`);
    if (reponse.texte.includes(ERREUR_INATTENDUE)) throw new Error(`« ${ERREUR_INATTENDUE}… »`);
    if (!reponse.texte.includes("Réservations enregistrées"))
      throw new Error(
        reponse.texte.includes("refusé") ? "jours refusés" : `réponse inattendue (${reponse.texte.slice(-120)})`,
      );
    return true;
  }, sienne);
  return fini(Boolean(ok));
}

/** The rush of `parents` (all of them, evenly spread over `passe.arriveeS`) on `baseUrl`, then the check. */
export async function rush(baseUrl: string, population: Population, passe: Passe): Promise<BilanRush> {
  const parents = population.parents.slice(0, passe.parents);
  const arrivee = passe.arriveeS * 1000;
  const id = idAction(...ACTION);
  const changements = JSON.stringify(population.semaineType);
  const etapes = [new Etape("Mon accueil"), new Etape("Vue du mois"), new Etape("Enregistrer l'année")];
  const sauvegardes = new Set<string>();
  const attentes: number[] = [];
  await auCalme(baseUrl);
  const debut = performance.now();
  await Promise.all(
    parents.map(async (parent, i) => {
      await attendre((arrivee * i) / Math.max(1, parents.length));
      const { ok, attenteMs } = await parcours(baseUrl, parent, id, changements, etapes);
      if (ok) sauvegardes.add(parent.inscriptionId);
      if (attenteMs !== undefined) attentes.push(attenteMs);
    }),
  );
  const duree = (performance.now() - debut) / 1000;
  return {
    passe,
    nombre: parents.length,
    etapes,
    duree,
    sauvegardes,
    attentes: attentes.sort((a, b) => a - b),
    controle: await controler(population.semaineType, parents, sauvegardes),
  };
}

/**
 * Every (inscription, day, unit) a successful save asked for is in the database exactly once, not cancelled; no
 * inscription has a day it did not ask for. (The unique index on child, unit and day would refuse a double: it
 * is counted anyway, with the days the saves that failed may still have written.)
 */
async function controler(semaineType: Changement[], parents: Parent[], sauvegardes: Set<string>) {
  const lignes = await db().reservation.groupBy({
    by: ["inscriptionId", "uniteId", "date"],
    where: { inscriptionId: { in: parents.map((p) => p.inscriptionId) }, statut: { not: "ANNULEE" } },
    _count: { _all: true },
  });
  const compte = new Map(
    lignes.map((l) => [`${l.inscriptionId}|${l.uniteId}|${l.date.toISOString().slice(0, 10)}`, l._count._all]),
  );
  const attendu = new Set<string>();
  for (const inscriptionId of sauvegardes)
    for (const c of semaineType) attendu.add(`${inscriptionId}|${c.uniteId}|${c.date}`);
  let trouves = 0;
  let manquants = 0;
  let doubles = 0;
  for (const cle of attendu) {
    const n = compte.get(cle) ?? 0;
    if (n === 0) manquants++;
    else trouves++;
    if (n > 1) doubles++;
  }
  const enTrop = [...compte.keys()].filter((cle) => !attendu.has(cle) && sauvegardes.has(cle.split("|")[0]!)).length;
  return { attendus: attendu.size, trouves, manquants, doubles, enTrop };
}

export function tableauRush(bilans: { libelle: string; bilan: BilanRush }[]): string[][] {
  return [["Passe", ...ENTETE_ETAPES], ...bilans.flatMap((p) => p.bilan.etapes.map((e) => [p.libelle, ...e.ligne()]))];
}

/** "n parents (x %), p50 / p95 / max" of the time each parent spent in the waiting room. */
export function salle(bilan: BilanRush): string {
  const a = bilan.attentes;
  if (a.length === 0) return "aucun parent";
  const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
  return (
    `${a.length} parent${a.length > 1 ? "s" : ""} (${((100 * a.length) / bilan.nombre).toFixed(0)} %), ` +
    `attente p50 ${s(percentile(a, 50))}, p95 ${s(percentile(a, 95))}, max ${s(a.at(-1)!)}`
  );
}

/**
 * The budgets of one pass: 0 errors at every step; every parent's save done (the waiting room's p95 wait
 * reported beside it); the database check; with `p95MaxMs`, each step's p95.
 */
export function budgetsRush(bilan: BilanRush, ou: string, p95MaxMs?: number): Budget[] {
  const { controle, etapes } = bilan;
  const erreurs = etapes.map((e) => e.erreurs);
  const total = erreurs.reduce((a, b) => a + b, 0);
  const libelle = `${ou}, ${libellePasse(bilan)}`;
  return [
    {
      nom: `${libelle} — 0 erreur (Mon accueil / vue du mois / enregistrer)`,
      mesure: `${erreurs.join(" / ")} erreur${total > 1 ? "s" : ""}`,
      ok: total === 0,
      pourquoi: total
        ? etapes
            .filter((e) => e.erreurs)
            .map((e) => `${e.nom} : ${e.detail()}`)
            .join(" ; ")
        : undefined,
    },
    {
      nom: `${libelle} — chaque parent a enregistré (salle d'attente : rapportée)`,
      mesure: `${bilan.sauvegardes.size}/${bilan.nombre} ; salle d'attente : ${salle(bilan)}`,
      ok: bilan.sauvegardes.size === bilan.nombre,
    },
    {
      nom: `${libelle} — chaque jour enregistré existe une fois (ni perdu, ni doublé, ni en trop)`,
      mesure: `${controle.trouves}/${controle.attendus} jours, ${controle.manquants} perdus, ${controle.doubles} doublés, ${controle.enTrop} en trop`,
      ok: controle.manquants === 0 && controle.doubles === 0 && controle.enTrop === 0 && controle.attendus > 0,
    },
    ...(p95MaxMs === undefined
      ? []
      : etapes.map((e) => {
          const { p95 } = e.centiles();
          return {
            nom: `${libelle} — ${e.nom} : p95 < ${p95MaxMs} ms (salle d'attente comprise)`,
            mesure: `${ms(p95)} ms`,
            ok: p95 < p95MaxMs && e.latences.length > 0,
          };
        })),
  ];
}

/**
 * Removes the population's bookings (their history goes with them) and marks the mails queued as sent, so that
 * the next rush starts from the same state, once the previous one has settled: a save the bench stopped waiting
 * for (60 s) may still commit on the server. Settled: the count of bookings unchanged for 5 s (at most 3 min).
 */
export async function effacerRush(parents: Parent[]): Promise<void> {
  const where = { inscriptionId: { in: parents.map((p) => p.inscriptionId) } };
  const fin = Date.now() + 180_000;
  let avant = -1;
  let stableDepuis = Date.now();
  for (;;) {
    const n = await db().reservation.count({ where });
    if (n !== avant) [avant, stableDepuis] = [n, Date.now()];
    if (Date.now() - stableDepuis >= 5_000 || Date.now() > fin) break;
    await attendre(1_000);
  }
  await db().reservation.deleteMany({ where });
  await db().outboxMail.updateMany({ where: { status: "PENDING" }, data: { status: "SENT", sentAt: new Date() } });
}

export function notesRush(bilan: BilanRush, population: Population): string[] {
  const c = bilan.controle;
  const reduit =
    bilan.nombre < bilan.passe.parents
      ? ` (RÉDUIT : ${bilan.passe.parents} prévus, la population n'en a que ${bilan.nombre} : BENCH_PARENTS)`
      : "";
  return [
    `${libellePasse(bilan)}${reduit}, réflexion ${intEnv("BENCH_REFLEXION_MS", 2_000, 0, 600_000)} ms ` +
      `(± 50 %) avant la vue du mois et avant d'enregistrer ; semaine type de ${population.semaineType.length} jours ; ` +
      `${bilan.sauvegardes.size} enregistrements réussis en ${bilan.duree.toFixed(1)} s ; salle d'attente : ${salle(bilan)}.`,
    `Contrôle en base : ${c.trouves}/${c.attendus} jours présents, ${c.manquants} perdus, ${c.doubles} doublés, ${c.enTrop} en trop.`,
  ];
}

export const scenario: Scenario = {
  nom: "rush",
  titre: "Le jour d'ouverture, un nœud : 1 000 parents en 10 s, puis 2 500 en 60 s",
  async executer(ctx) {
    const bilans: { libelle: string; bilan: BilanRush }[] = [];
    for (const passe of PASSES_UN_NOEUD) {
      await effacerRush(ctx.population.parents);
      const nombre = Math.min(passe.parents, ctx.population.parents.length);
      console.log(`  rush : ${nombre} parents en ${passe.arriveeS} s…`);
      const bilan = await rush(ctx.noeud.baseUrl, ctx.population, passe);
      bilans.push({ libelle: libellePasse(bilan), bilan });
    }
    ctx.partage.set("rush", bilans.at(-1)!.bilan);
    return {
      tableau: tableauRush(bilans),
      budgets: bilans.flatMap(({ bilan }) => budgetsRush(bilan, `${ctx.base.libelle}, 1 nœud`)),
      notes: bilans.flatMap(({ bilan }) => notesRush(bilan, ctx.population)),
    };
  },
};
