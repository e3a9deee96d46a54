// The names a page of journal entries needs, resolved in batch: the ids every entry's details hold are gathered
// by kind, then one query per kind (never one per entry). An id that no longer exists (a family deleted) simply
// has no name, and its sentence says « une famille ».
import { db } from "@/lib/db";
import type { Prisma, TypeDemande } from "@/lib/generated/prisma/client";
import { nomsVides, type Noms } from "@/lib/domain/journal/lecteur";
import { sansPointFinal } from "@/lib/texte/point-final";

/** How a demande is named (its type's or its own title): the app gives the démarches' registry. */
export type Intitule = (demande: { type: TypeDemande; donnees: unknown }) => string;

const TYPES: Record<TypeDemande, string> = {
  AJOUT_FAMILLE: "Ajout de famille",
  RATTACHEMENT_FAMILLE: "Rattachement à une famille",
  INSCRIPTION: "Inscription",
  DOSSIER_SANTE: "Dossier santé",
  CHANGEMENT_ADRESSE: "Changement d'adresse",
  SUPPRESSION_ESPACE: "Suppression de l'espace personnel",
  ABSENCE: "Justifier une absence",
  AJOUT_ENFANT: "Ajout d'un enfant",
  AJOUT_CO_REPRESENTANT: "Ajout d'un co-représentant",
  RETRAIT_CO_REPRESENTANT: "Retrait d'un co-représentant",
  CONTACTS_HABILITATIONS: "Contacts et habilitations",
  TRANSPORT_SCOLAIRE: "Transport scolaire",
};
export const intituleParType: Intitule = (demande) => TYPES[demande.type];

/** The events whose `numero` is a demande's (a PES bordereau's is not). */
const NUMERO_DE_DEMANDE = /^(demande|piece|absence|dossier_sante|inscription)\./;

type Ids = {
  familles: Set<string>;
  enfants: Set<string>;
  activites: Set<number>;
  unites: Set<number>;
  lieux: Set<number>;
  agents: Set<string>;
  demandes: Set<number>;
  factures: Set<string>;
  inscriptions: Set<string>;
};

const CLES: Record<string, keyof Ids> = {
  familleId: "familles",
  famille: "familles",
  enfantId: "enfants",
  activiteId: "activites",
  activite: "activites",
  activiteIds: "activites",
  uniteId: "unites",
  unite: "unites",
  lieuId: "lieux",
  lieuIds: "lieux",
  agentId: "agents",
  factureId: "factures",
  inscriptionId: "inscriptions",
};
const NUMERIQUES = new Set<keyof Ids>(["activites", "unites", "lieux", "demandes"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ajouter(ids: Ids, sorte: keyof Ids, valeur: unknown) {
  for (const v of Array.isArray(valeur) ? valeur : [valeur]) {
    if (NUMERIQUES.has(sorte)) {
      if (typeof v === "number" && Number.isInteger(v)) (ids[sorte] as Set<number>).add(v);
    } else if (typeof v === "string" && UUID.test(v)) (ids[sorte] as Set<string>).add(v);
  }
}

/** The ids of an entry's details, and of the objects its lists hold (a change's days, a run's versions). */
function parcourir(ids: Ids, details: unknown, profondeur = 0) {
  if (!details || typeof details !== "object" || profondeur > 2) return;
  if (Array.isArray(details)) {
    for (const element of details) parcourir(ids, element, profondeur + 1);
    return;
  }
  for (const [cle, valeur] of Object.entries(details)) {
    const sorte = CLES[cle];
    if (sorte) ajouter(ids, sorte, valeur);
    else if (Array.isArray(valeur)) parcourir(ids, valeur, profondeur + 1);
  }
}

const nomPersonne = (prenom: string, nom: string) => `${prenom} ${nom.toUpperCase()}`;

/** The names of every id the entries hold: at most one query per kind. */
export async function resoudreNoms(
  entrees: { evenement: string; details: Prisma.JsonValue }[],
  intitule: Intitule = intituleParType,
): Promise<Noms> {
  const ids: Ids = {
    familles: new Set(),
    enfants: new Set(),
    activites: new Set(),
    unites: new Set(),
    lieux: new Set(),
    agents: new Set(),
    demandes: new Set(),
    factures: new Set(),
    inscriptions: new Set(),
  };
  for (const { evenement, details } of entrees) {
    parcourir(ids, details);
    const numero = details && typeof details === "object" && !Array.isArray(details) ? details.numero : undefined;
    if (NUMERO_DE_DEMANDE.test(evenement))
      ajouter(ids, "demandes", typeof numero === "string" ? Number(numero) : numero);
  }
  const noms = nomsVides();
  const si = <T>(n: number, requete: () => Promise<T[]>) => (n > 0 ? requete() : Promise.resolve([] as T[]));

  // first what names other ids: an inscription names its child and activity, a demande its child
  const [inscriptions, demandes] = await Promise.all([
    si(ids.inscriptions.size, () =>
      db().inscription.findMany({
        where: { id: { in: [...ids.inscriptions] } },
        select: { id: true, enfantId: true, activiteId: true, familleId: true },
      }),
    ),
    si(ids.demandes.size, () =>
      db().demande.findMany({
        where: { numero: { in: [...ids.demandes] } },
        select: { numero: true, type: true, donnees: true, familleId: true, enfantId: true },
      }),
    ),
  ]);
  for (const i of inscriptions) {
    noms.inscriptions.set(i.id, { enfantId: i.enfantId, activiteId: i.activiteId, familleId: i.familleId });
    ids.enfants.add(i.enfantId);
    ids.activites.add(i.activiteId);
  }
  // an inscription's demande names its child in its data (the column is for the démarches made for one child)
  const enfantDe = (d: (typeof demandes)[number]) => {
    const donnees = d.donnees as { enfantId?: unknown } | null;
    return d.enfantId ?? (typeof donnees?.enfantId === "string" ? donnees.enfantId : null);
  };
  for (const d of demandes) ajouter(ids, "enfants", enfantDe(d));

  const [familles, enfants, activites, unites, lieux, agents, factures] = await Promise.all([
    si(ids.familles.size, () =>
      db().representant.findMany({
        where: { familleId: { in: [...ids.familles] }, role: "TITULAIRE" },
        select: { familleId: true, prenom: true, nomUsage: true },
      }),
    ),
    si(ids.enfants.size, () =>
      db().enfant.findMany({
        where: { id: { in: [...ids.enfants] } },
        select: { id: true, prenoms: true, nom: true, familles: { select: { familleId: true }, take: 1 } },
      }),
    ),
    si(ids.activites.size, () =>
      db().activite.findMany({ where: { id: { in: [...ids.activites] } }, select: { id: true, libelle: true } }),
    ),
    si(ids.unites.size, () =>
      db().unite.findMany({ where: { id: { in: [...ids.unites] } }, select: { id: true, libelle: true } }),
    ),
    si(ids.lieux.size, () =>
      db().lieu.findMany({ where: { id: { in: [...ids.lieux] } }, select: { id: true, nom: true } }),
    ),
    si(ids.agents.size, () =>
      db().agent.findMany({ where: { id: { in: [...ids.agents] } }, select: { id: true, prenom: true, nom: true } }),
    ),
    si(ids.factures.size, () =>
      db().facture.findMany({ where: { id: { in: [...ids.factures] } }, select: { id: true, numero: true } }),
    ),
  ]);
  for (const f of familles) noms.familles.set(f.familleId, nomPersonne(f.prenom, f.nomUsage));
  for (const e of enfants)
    noms.enfants.set(e.id, { nom: nomPersonne(e.prenoms, e.nom), familleId: e.familles[0]?.familleId ?? null });
  for (const a of activites) noms.activites.set(a.id, sansPointFinal(a.libelle));
  for (const u of unites) noms.unites.set(u.id, u.libelle);
  for (const l of lieux) noms.lieux.set(l.id, l.nom);
  for (const a of agents) noms.agents.set(a.id, nomPersonne(a.prenom, a.nom));
  for (const d of demandes)
    noms.demandes.set(d.numero!, {
      intitule: sansPointFinal(intitule(d)),
      enfant: noms.enfants.get(enfantDe(d) ?? "")?.nom ?? null,
      familleId: d.familleId,
    });
  for (const f of factures) if (f.numero) noms.factures.set(f.id, f.numero);
  return noms;
}
