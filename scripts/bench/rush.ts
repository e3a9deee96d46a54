// The opening-day rush: N logged-in parents (BENCH_PARENTS, 1,000) arrive within BENCH_ARRIVEE seconds, each
// opens Mon accueil, thinks, opens Gérer mes réservations (the month view), thinks while applying the weekly
// pattern for the year (in the browser: no request), and saves it with "Enregistrer" (the page's own server
// action, over HTTP as the browser sends it). Then the database is checked: every day each successful save
// booked exists exactly once, none is missing and none is doubled.
import { db } from "../../lib/db";
import { action, auCalme, idAction, page } from "./client";
import { attendre, Etape, type Budget, intEnv, ENTETE_ETAPES, type Scenario } from "./commun";
import type { Changement, Parent, Population } from "./population";

const ACTION = [
  "app/(portail)/famille/enfants/[enfant]/reservations/actions.ts",
  "enregistrerReservationsAction",
] as const;

/** p95 of every step of the rush at most this (ms), and no error: the budget for one node. */
export const BUDGET_RUSH_P95_MS = 1_000;

export type BilanRush = {
  etapes: Etape[];
  duree: number;
  sauvegardes: Set<string>;
  controle: { attendus: number; trouves: number; manquants: number; doubles: number; enTrop: number };
};

function reflexion(moyenneMs: number): Promise<void> {
  // uniform between half and one and a half times the mean
  return attendre(moyenneMs * (0.5 + Math.random()));
}

export async function rush(baseUrl: string, population: Population, parents: Parent[]): Promise<BilanRush> {
  const arrivee = intEnv("BENCH_ARRIVEE", 10, 0, 3_600) * 1000;
  const pense = intEnv("BENCH_REFLEXION_MS", 2_000, 0, 600_000);
  const id = idAction(...ACTION);
  const changements = JSON.stringify(population.semaineType);
  const accueil = new Etape("Mon accueil");
  const mois = new Etape("Vue du mois");
  const enregistrer = new Etape("Enregistrer l'année");
  const sauvegardes = new Set<string>();
  await auCalme(baseUrl);
  const debut = performance.now();
  await Promise.all(
    parents.map(async (parent, i) => {
      await attendre((arrivee * i) / Math.max(1, parents.length));
      const chemin = `/famille/enfants/${parent.enfantId}/reservations`;
      if (!(await accueil.mesurer(() => page(baseUrl, "/mon-espace", parent.jeton, "Bonjour", parent.ip)))) return;
      await reflexion(pense);
      if (!(await mois.mesurer(() => page(baseUrl, chemin, parent.jeton, "Enregistrer", parent.ip)))) return;
      await reflexion(pense);
      const ok = await enregistrer.mesurer(async () => {
        const reponse = await action(
          baseUrl,
          chemin,
          id,
          { inscriptionId: parent.inscriptionId, changements },
          { jeton: parent.jeton, ip: parent.ip },
        );
        if (reponse.status !== 200) throw new Error(`HTTP ${reponse.status}`);
        if (!reponse.texte.includes("Réservations enregistrées"))
          throw new Error(
            reponse.texte.includes("refusé") ? "jours refusés" : `réponse inattendue (${reponse.texte.slice(-120)})`,
          );
        return true;
      });
      if (ok) sauvegardes.add(parent.inscriptionId);
    }),
  );
  const duree = (performance.now() - debut) / 1000;
  return {
    etapes: [accueil, mois, enregistrer],
    duree,
    sauvegardes,
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

export function tableauRush(bilan: BilanRush): string[][] {
  return [ENTETE_ETAPES, ...bilan.etapes.map((e) => e.ligne())];
}

export function budgetsRush(bilan: BilanRush, nombre: number, ou: string): Budget[] {
  const { controle } = bilan;
  return [
    ...bilan.etapes.map((e) => {
      const { p95 } = e.centiles();
      return {
        nom: `${ou} — ${e.nom} : p95 < ${BUDGET_RUSH_P95_MS} ms et 0 erreur (${nombre} parents)`,
        mesure: `${p95.toFixed(0)} ms, ${e.erreurs} erreur${e.erreurs > 1 ? "s" : ""}`,
        ok: p95 < BUDGET_RUSH_P95_MS && e.erreurs === 0 && e.latences.length > 0,
        pourquoi: e.erreurs ? e.detail() : undefined,
      };
    }),
    {
      nom: `${ou} — chaque jour enregistré existe une fois (ni perdu, ni doublé, ni en trop)`,
      mesure: `${controle.trouves}/${controle.attendus} jours, ${controle.manquants} perdus, ${controle.doubles} doublés, ${controle.enTrop} en trop`,
      ok: controle.manquants === 0 && controle.doubles === 0 && controle.enTrop === 0 && controle.attendus > 0,
    },
  ];
}

/** Cancels nothing: removes the rush's bookings (and their mails), so that another rush starts from the same state. */
export async function effacerRush(parents: Parent[]): Promise<void> {
  await db().reservation.deleteMany({ where: { inscriptionId: { in: parents.map((p) => p.inscriptionId) } } });
  await db().outboxMail.updateMany({ where: { status: "PENDING" }, data: { status: "SENT", sentAt: new Date() } });
}

export const scenario: Scenario = {
  nom: "rush",
  titre: "Le jour d'ouverture : Mon accueil, la vue du mois, la semaine type enregistrée (un nœud)",
  async executer(ctx) {
    const { parents } = ctx.population;
    await effacerRush(parents);
    const bilan = await rush(ctx.noeud.baseUrl, ctx.population, parents);
    ctx.partage.set("rush", bilan);
    return {
      tableau: tableauRush(bilan),
      budgets: budgetsRush(bilan, parents.length, ctx.base.libelle),
      notes: notesRush(bilan, ctx.population, parents.length),
    };
  },
};

export function notesRush(bilan: BilanRush, population: Population, nombre: number): string[] {
  const c = bilan.controle;
  return [
    `${nombre} parents arrivés en ${intEnv("BENCH_ARRIVEE", 10, 0, 3_600)} s, réflexion ${intEnv("BENCH_REFLEXION_MS", 2_000, 0, 600_000)} ms ` +
      `(± 50 %) avant la vue du mois et avant d'enregistrer ; semaine type de ${population.semaineType.length} jours ; ` +
      `${bilan.sauvegardes.size} enregistrements réussis en ${bilan.duree.toFixed(1)} s.`,
    `Contrôle en base : ${c.trouves}/${c.attendus} jours présents, ${c.manquants} perdus, ${c.doubles} doublés, ${c.enTrop} en trop.`,
  ];
}
