// The console's journal: what agents did (every command journals itself, demande decisions included, with the
// demande's number), when they logged in, every read of health data, and what the system did on its own (a
// kitchen order frozen, an absence expired). Each entry reads as a sentence (phrase.ts), its names resolved in
// batch (noms.ts). Administrators only: it shows who read which child's dossier santé. No health data is in it
// (the commands never journal any).
import { db } from "@/lib/db";
import { debutDuJourParis } from "@/lib/temps/dates";
import { normaliserCleEnfance } from "@/lib/cle-enfance";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Lien } from "@/lib/domain/journal/lecteur";
import { resoudreNoms, type Intitule } from "@/lib/domain/journal/noms";
import { ACTIONS, libelleEvenement, rendre } from "@/lib/domain/journal/phrase";

export { ACTIONS, libelleEvenement };

export const ENTREES_PAR_PAGE = 50;
/** An export holds at most this many rows; a wider one asks for narrower dates. */
export const EXPORT_MAX = 20_000;

export type FiltresJournal = {
  agentId?: string;
  /** the family's id, found from the clé enfance typed */
  familleId?: string;
  /** one kind of entry (an event of the renderers' table) */
  action?: string;
  du?: Date;
  /** exclusive: the start of the day after the one typed */
  au?: Date;
  page: number;
};

export type EntreeJournal = {
  cle: string;
  quand: Date;
  agentId: string | null;
  agent: string | null;
  evenement: string;
  libelle: string;
  numero: number | null;
  ip: string | null;
  /** the entry in words, with its subject (« Demande n° 12 acceptée (Inscription — Louise ETCHART) ») */
  phrase: string;
  /** the family, demande, invoice or agent the sentence names */
  liens: Lien[];
};

const premier = (value?: string | string[]) => ((Array.isArray(value) ? value[0] : value) ?? "").trim();

/**
 * The family typed: by its clé enfance, else by a representant's name when exactly one family bears it; what is
 * wrong otherwise, in French.
 */
async function familleDuFiltre(saisie: string): Promise<{ id: string } | string> {
  const cle = normaliserCleEnfance(saisie);
  const parCle = cle ? await db().famille.findUnique({ where: { cleEnfance: cle }, select: { id: true } }) : null;
  if (parCle) return parCle;
  const parNom = await db().famille.findMany({
    where: { representants: { some: { nomUsage: { equals: saisie, mode: "insensitive" } } } },
    select: { id: true },
    take: 2,
  });
  if (parNom.length === 1) return parNom[0]!;
  if (parNom.length > 1) return "Plusieurs familles portent ce nom : indiquez leur clé enfance.";
  return cle ? "Aucune famille n'a cette clé enfance." : "Aucune famille ne porte ce nom.";
}

/**
 * The filters of the GET form (the URL is the filter: bookmarkable, and the CSV export reads the same one).
 * A clé enfance that names no family is an error beside its field, not an empty list that looks like "nothing".
 */
export async function lireFiltresJournal(params: Record<string, string | string[] | undefined>) {
  const valeurs = {
    agent: premier(params.agent),
    action: premier(params.action),
    famille: premier(params.famille).slice(0, 60),
    du: premier(params.du),
    au: premier(params.au),
  };
  const erreurs: Record<string, string> = {};
  const filtres: FiltresJournal = { page: Math.max(1, Number.parseInt(premier(params.page), 10) || 1) };
  if (/^[0-9a-f-]{36}$/.test(valeurs.agent)) filtres.agentId = valeurs.agent;
  if (valeurs.action) {
    if (Object.hasOwn(ACTIONS, valeurs.action)) filtres.action = valeurs.action;
    else erreurs.action = "Choisissez une action de la liste.";
  }
  if (valeurs.famille) {
    const famille = await familleDuFiltre(valeurs.famille);
    if (typeof famille === "string") erreurs.famille = famille;
    else filtres.familleId = famille.id;
  }
  if (valeurs.du) {
    filtres.du = debutDuJourParis(valeurs.du) ?? undefined;
    if (!filtres.du) erreurs.du = "Indiquez une date valide.";
  }
  if (valeurs.au) {
    filtres.au = debutDuJourParis(valeurs.au, 1) ?? undefined;
    if (!filtres.au) erreurs.au = "Indiquez une date valide.";
  }
  return { filtres, valeurs, erreurs, refuse: Object.keys(erreurs).length > 0 };
}

/** The agents, for the filter's list (disabled ones too: their past actions stay in the journal). */
export async function agentsDuJournal() {
  return db().agent.findMany({
    select: { id: true, prenom: true, nom: true, active: true },
    orderBy: [{ nom: "asc" }, { prenom: "asc" }],
  });
}

type Ligne = {
  cle: string;
  quand: Date;
  agent_id: string | null;
  acteur: string | null;
  evenement: string;
  numero: number | null;
  ip: string | null;
  details: Prisma.JsonValue;
  agent: string | null;
};

/** The agents' journal rows, with the family each one concerns when it names one. */
function entrees(filtres: FiltresJournal): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filtres.agentId) conditions.push(Prisma.sql`e.agent_id = ${filtres.agentId} AND e.acteur = 'AGENT'`);
  if (filtres.action) conditions.push(Prisma.sql`e.evenement = ${filtres.action}`);
  if (filtres.du) conditions.push(Prisma.sql`e.quand >= ${filtres.du}`);
  if (filtres.au) conditions.push(Prisma.sql`e.quand < ${filtres.au}`);
  // a journal row names its family directly (familleId), through a demande's number, or through a child (who
  // may belong to two families, in garde alternée: the row then shows in both)
  if (filtres.familleId) {
    conditions.push(Prisma.sql`(e.famille_id = ${filtres.familleId} OR EXISTS (
      SELECT 1 FROM "FamilleEnfant" fe WHERE fe."enfantId" = e.enfant_id AND fe."familleId" = ${filtres.familleId}))`);
  }
  return Prisma.sql`
    SELECT e.*, concat_ws(' ', a.prenom, upper(a.nom)) AS agent
    FROM (
      SELECT j.*,
             COALESCE(j.details->>'familleId', j.details->>'famille',
                      (SELECT d."familleId" FROM "Demande" d WHERE d.numero = j.numero)) AS famille_id
      FROM (
        SELECT 'j' || id AS cle, "createdAt" AS quand, "actorId" AS agent_id, "actorKind" AS acteur,
               event AS evenement, ip, details,
               CASE WHEN event ~ '^(demande|piece|absence|dossier_sante|inscription)[.]'
                     AND details->>'numero' ~ '^[0-9]{1,9}$' THEN (details->>'numero')::int END AS numero,
               details->>'enfantId' AS enfant_id
        FROM "JournalEntry"
        WHERE "actorKind" IN ('AGENT', 'SYSTEME')
      ) j
    ) e
    LEFT JOIN "Agent" a ON a.id = e.agent_id AND e.acteur = 'AGENT'
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** The rows in words: the names they hold resolved in batch, then each row's sentence. */
async function versEntrees(lignes: Ligne[], intitule?: Intitule): Promise<EntreeJournal[]> {
  const noms = await resoudreNoms(lignes, intitule);
  return lignes.map((ligne) => {
    const { phrase, liens } = rendre(ligne.evenement, ligne.details, noms);
    return {
      cle: ligne.cle,
      quand: ligne.quand,
      agentId: ligne.acteur === "AGENT" ? ligne.agent_id : null,
      agent: ligne.acteur === "SYSTEME" ? "Système" : ligne.agent,
      evenement: ligne.evenement,
      libelle: libelleEvenement(ligne.evenement),
      numero: ligne.numero,
      ip: ligne.ip,
      phrase,
      liens,
    };
  });
}

/** One page of the journal, newest first. */
export async function rechercherJournal(filtres: FiltresJournal, intitule?: Intitule) {
  const [compte] = await db().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM (${entrees(filtres)}) t`;
  const total = compte?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / ENTREES_PAR_PAGE));
  const page = Math.min(filtres.page, pages);
  const lignes = await db().$queryRaw<Ligne[]>`
    ${entrees(filtres)} ORDER BY e.quand DESC, e.cle DESC
    LIMIT ${ENTREES_PAR_PAGE} OFFSET ${(page - 1) * ENTREES_PAR_PAGE}`;
  return { entrees: await versEntrees(lignes, intitule), total, page, pages };
}

/** Every entry of the filter, for the CSV export (at most EXPORT_MAX, newest first). */
export async function journalAExporter(filtres: FiltresJournal, intitule?: Intitule) {
  const lignes = await db().$queryRaw<Ligne[]>`
    ${entrees(filtres)} ORDER BY e.quand DESC, e.cle DESC LIMIT ${EXPORT_MAX}`;
  return versEntrees(lignes, intitule);
}
