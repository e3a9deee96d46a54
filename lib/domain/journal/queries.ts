// The console's journal: what agents did (every command journals itself, demande decisions included, with the
// demande's number), when they logged in, and every read of health data. Administrators only: it shows who read
// which child's dossier santé. No health data is in it (the commands never journal any).
import { db } from "@/lib/db";
import { debutDuJourParis } from "@/lib/temps/dates";
import { normaliserCleEnfance } from "@/lib/cle-enfance";
import { Prisma } from "@/lib/generated/prisma/client";

export const ENTREES_PAR_PAGE = 50;
/** An export holds at most this many rows; a wider one asks for narrower dates. */
export const EXPORT_MAX = 20_000;

export type FiltresJournal = {
  agentId?: string;
  /** the family's id, found from the clé enfance typed */
  familleId?: string;
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
  /** the short, non-health details worth a column (the transition's states, the item changed…) */
  detail: string;
};

const LIBELLES: Record<string, string> = {
  "connexion.reussie": "Connexion",
  "connexion.mot_de_passe_valide": "Mot de passe accepté (code attendu)",
  "connexion.bloquee": "Connexion bloquée",
  "connexion.code_refuse": "Code de double authentification refusé",
  "connexion.code_bloque": "Double authentification bloquée",
  "dossier_sante.lecture": "Lecture d'un dossier santé",
  "dossier_sante.version": "Dossier santé validé",
  "piece.consultee": "Pièce consultée",
  "demande.piece_consultee": "Pièce d'une demande consultée",
  "piece.verifiee": "Pièce vérifiée",
  "piece.non_verifiee": "Pièce remise à vérifier",
  "demande.message": "Message à la famille",
  "demande.instruire": "Demande prise en charge",
  "demande.demanderComplement": "Complément demandé",
  "demande.accepter": "Demande acceptée",
  "demande.refuser": "Demande refusée",
  "famille.corrigee": "Famille corrigée",
  "famille.rattachement": "Espace rattaché à une famille",
  "agent.cree": "Agent créé",
  "agent.role_change": "Rôle d'un agent modifié",
  "agent.mot_de_passe_reinitialise": "Mot de passe d'un agent réinitialisé",
  "agent.totp_reinitialise": "Double authentification d'un agent réinitialisée",
  "agent.totp_active": "Double authentification activée",
  "agent.codes_secours_regeneres": "Codes de secours régénérés",
  "commune.modifiee": "Paramétrage modifié",
  "document.publie": "Document publié (CGU, règlement)",
  "document_utile.publie": "Document utile publié",
  "document_utile.retire": "Document utile retiré",
  "actualite.creee": "Actualité créée",
  "actualite.modifiee": "Actualité modifiée",
  "actualite.supprimee": "Actualité supprimée",
  "infos_pratiques.modifiees": "Infos pratiques modifiées",
  "activite.description_modifiee": "Description d'une activité modifiée",
  "activite.element_ajoute": "Élément d'une activité ajouté",
  "activite.element_renomme": "Élément d'une activité renommé",
  "activite.element_retire": "Élément d'une activité retiré",
  "activite.pieces_reglees": "Pièces d'une activité réglées",
  "paiement.enregistre": "Paiement enregistré",
  "paiement.reaffecte": "Affectation d'un paiement modifiée",
  "relances.envoyees": "Relances de factures envoyées",
  "relances.transmises": "Factures transmises au trésorier",
};

export const libelleEvenement = (evenement: string) => LIBELLES[evenement] ?? evenement;

const premier = (value?: string | string[]) => ((Array.isArray(value) ? value[0] : value) ?? "").trim();

/**
 * The filters of the GET form (the URL is the filter: bookmarkable, and the CSV export reads the same one).
 * A clé enfance that names no family is an error beside its field, not an empty list that looks like "nothing".
 */
export async function lireFiltresJournal(params: Record<string, string | string[] | undefined>) {
  const valeurs = {
    agent: premier(params.agent),
    famille: premier(params.famille).slice(0, 20),
    du: premier(params.du),
    au: premier(params.au),
  };
  const erreurs: Record<string, string> = {};
  const filtres: FiltresJournal = { page: Math.max(1, Number.parseInt(premier(params.page), 10) || 1) };
  if (/^[0-9a-f-]{36}$/.test(valeurs.agent)) filtres.agentId = valeurs.agent;
  if (valeurs.famille) {
    const cle = normaliserCleEnfance(valeurs.famille);
    const famille = cle ? await db().famille.findUnique({ where: { cleEnfance: cle }, select: { id: true } }) : null;
    if (famille) filtres.familleId = famille.id;
    else erreurs.famille = "Aucune famille n'a cette clé enfance.";
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
  evenement: string;
  numero: number | null;
  ip: string | null;
  details: Prisma.JsonValue;
  agent: string | null;
};

/** The agents' journal rows, with the family each one concerns when it names one. */
function entrees(filtres: FiltresJournal): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filtres.agentId) conditions.push(Prisma.sql`e.agent_id = ${filtres.agentId}`);
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
             COALESCE(j.details->>'familleId', (SELECT d."familleId" FROM "Demande" d WHERE d.numero = j.numero))
               AS famille_id
      FROM (
        SELECT 'j' || id AS cle, "createdAt" AS quand, "actorId" AS agent_id, event AS evenement, ip, details,
               CASE WHEN details->>'numero' ~ '^[0-9]{1,9}$' THEN (details->>'numero')::int END AS numero,
               details->>'enfantId' AS enfant_id
        FROM "JournalEntry"
        WHERE "actorKind" = 'AGENT'
      ) j
    ) e
    LEFT JOIN "Agent" a ON a.id = e.agent_id
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

function detail(details: Prisma.JsonValue): string {
  if (!details || typeof details !== "object" || Array.isArray(details)) return "";
  const d = details as Record<string, unknown>;
  const utiles = ["identifiant", "role", "personne", "element", "type", "versions"]
    .filter((cle) => typeof d[cle] === "string" || typeof d[cle] === "number")
    .map((cle) => `${cle} : ${d[cle]}`);
  return utiles.join(", ");
}

const versEntree = (ligne: Ligne): EntreeJournal => ({
  cle: ligne.cle,
  quand: ligne.quand,
  agentId: ligne.agent_id,
  agent: ligne.agent,
  evenement: ligne.evenement,
  libelle: libelleEvenement(ligne.evenement),
  numero: ligne.numero,
  ip: ligne.ip,
  detail: detail(ligne.details),
});

/** One page of the journal, newest first. */
export async function rechercherJournal(filtres: FiltresJournal) {
  const [compte] = await db().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM (${entrees(filtres)}) t`;
  const total = compte?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / ENTREES_PAR_PAGE));
  const page = Math.min(filtres.page, pages);
  const lignes = await db().$queryRaw<Ligne[]>`
    ${entrees(filtres)} ORDER BY e.quand DESC, e.cle DESC
    LIMIT ${ENTREES_PAR_PAGE} OFFSET ${(page - 1) * ENTREES_PAR_PAGE}`;
  return { entrees: lignes.map(versEntree), total, page, pages };
}

/** Every entry of the filter, for the CSV export (at most EXPORT_MAX, newest first). */
export async function journalAExporter(filtres: FiltresJournal) {
  const lignes = await db().$queryRaw<Ligne[]>`
    ${entrees(filtres)} ORDER BY e.quand DESC, e.cle DESC LIMIT ${EXPORT_MAX}`;
  return lignes.map(versEntree);
}
