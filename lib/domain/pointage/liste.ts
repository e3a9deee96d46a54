// The day's lists of the console: for a date, each lieu (so its activity) with its units and the children
// expected there (booked, RESERVEE), their groupe, their attendance as marked, what changed after the list was
// first printed, and, for an agent with the permission SANTE only, the health flags the staff need (a read of
// health data, journaled once per list). The others see that a P.A.I. was asked at the inscription (a plain
// fact of the inscription, not the dossier) and that the responsable knows more.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { aAccesSante } from "@/lib/domain/sante/acces-agent";
import { dateDeJour, type Jour } from "@/lib/temps/jours";
import { drapeauxSante, type Drapeaux } from "@/lib/domain/pointage/fiches";
import { habilitationsDes, type Habilitation } from "@/lib/domain/pointage/habilitations";
import { busDuJour } from "@/lib/domain/transport/queries";
import type { Trajets } from "@/lib/domain/transport/texte";
import type { EtatPointage, TypeActivite } from "@/lib/generated/prisma/enums";

export type EnfantListe = {
  enfantId: string;
  nom: string;
  prenoms: string;
  groupe: string | null;
  /** on the list because booked (RESERVEE), rather than only marked */
  reservee: boolean;
  /** booked or cancelled after the list was first printed */
  tardif: "AJOUTE" | "ANNULE" | null;
  pointage: { etat: EtatPointage; marqueLe: Date; par: string | null } | null;
  /** null when the agent may not see health data */
  sante: Drapeaux | null;
  paiDemande: boolean;
  /** who may pick the child up (and who may not), from the inscription */
  habilitations: Habilitation[];
  /** leaves by bus that day (the transport scolaire's latest accepted answer), with its trips */
  bus?: Trajets | null;
};
export type ListeUnite = { uniteId: number; libelle: string; enfants: EnfantListe[] };
export type ListeLieu = {
  lieuId: number;
  lieu: string;
  activiteId: number;
  activite: string;
  type: TypeActivite;
  imprimeeLe: Date | null;
  unites: ListeUnite[];
};

/** The activity's short name on the lists and the lieu picker (the lieu already says which school). */
export const ACTIVITE_COURTE: Record<TypeActivite, string> = { RESTAURATION: "Restauration", GARDERIE: "Garderie" };

/** The lieux open on a day (an opening day of any of their units), activity by activity. */
export async function lieuxDuJour(date: Jour) {
  const lieux = await db().lieu.findMany({
    where: { jours: { some: { date: dateDeJour(date) } } },
    orderBy: [{ activite: { ordre: "asc" } }, { ordre: "asc" }, { id: "asc" }],
    select: { id: true, nom: true, activite: { select: { id: true, libelle: true, type: true } } },
  });
  return lieux.map((l) => ({
    lieuId: l.id,
    lieu: l.nom,
    activiteId: l.activite.id,
    activite: l.activite.libelle,
    type: l.activite.type,
  }));
}

const ordreAlpha = (a: EnfantListe, b: EnfantListe) =>
  a.nom.localeCompare(b.nom, "fr") || a.prenoms.localeCompare(b.prenoms, "fr");

/** The groupe of a child marked without a booking (and its PAI): its inscription in the activity. */
async function groupesSansReservation(sansReservation: EnfantListe[], lieuIds: number[]) {
  if (sansReservation.length === 0) return;
  const inscriptions = await db().inscription.findMany({
    where: {
      enfantId: { in: sansReservation.map((e) => e.enfantId) },
      activite: { lieux: { some: { id: { in: lieuIds } } } },
      statut: "ACTIVE",
    },
    select: { enfantId: true, paiDemande: true, groupe: { select: { libelle: true } } },
  });
  const habilitations = await habilitationsDes(sansReservation.map((e) => e.enfantId));
  for (const e of sansReservation) {
    const inscription = inscriptions.find((i) => i.enfantId === e.enfantId);
    e.groupe = inscription?.groupe.libelle ?? null;
    e.paiDemande = inscription?.paiDemande ?? false;
    e.habilitations = habilitations.get(e.enfantId) ?? [];
  }
}

type JourListe = {
  lieuId: number;
  uniteId: number;
  unite: { libelle: string };
  lieu: { nom: string; activite: { id: number; libelle: string; type: TypeActivite } };
};

/** The opening days grouped by lieu, each with its units and their children in alphabetical order. */
function parLieu(jours: JourListe[], cles: Map<string, Map<string, EnfantListe>>, premiere: Map<number, Date>) {
  const lieux: ListeLieu[] = [];
  for (const j of jours) {
    let lieu = lieux.find((l) => l.lieuId === j.lieuId);
    if (!lieu) {
      lieu = {
        lieuId: j.lieuId,
        lieu: j.lieu.nom,
        activiteId: j.lieu.activite.id,
        activite: j.lieu.activite.libelle,
        type: j.lieu.activite.type,
        imprimeeLe: premiere.get(j.lieuId) ?? null,
        unites: [],
      };
      lieux.push(lieu);
    }
    lieu.unites.push({
      uniteId: j.uniteId,
      libelle: j.unite.libelle,
      enfants: [...cles.get(`${j.lieuId}|${j.uniteId}`)!.values()].sort(ordreAlpha),
    });
  }
  return lieux;
}

export async function listeDuJour({
  agentId,
  date,
  lieuId,
}: {
  agentId: string;
  date: Jour;
  lieuId?: number;
}): Promise<{ santeVisible: boolean; lieux: ListeLieu[] }> {
  const jourDate = dateDeJour(date);
  const jours = await db().jourOuverture.findMany({
    where: { date: jourDate, ...(lieuId !== undefined ? { lieuId } : {}) },
    orderBy: [{ lieu: { activite: { ordre: "asc" } } }, { lieu: { ordre: "asc" } }, { unite: { ordre: "asc" } }],
    select: {
      id: true,
      lieuId: true,
      uniteId: true,
      unite: { select: { libelle: true } },
      lieu: { select: { nom: true, activite: { select: { id: true, libelle: true, type: true } } } },
    },
  });
  const lieuIds = [...new Set(jours.map((j) => j.lieuId))];
  const [impressions, reservations, pointages] = await Promise.all([
    db().impressionListe.findMany({ where: { date: jourDate, lieuId: { in: lieuIds } } }),
    db().reservation.findMany({
      where: { jourId: { in: jours.map((j) => j.id) }, statut: { not: "ATTENTE" } },
      select: {
        enfantId: true,
        uniteId: true,
        statut: true,
        creeeLe: true,
        modifieeLe: true,
        jour: { select: { lieuId: true } },
        enfant: { select: { nom: true, prenoms: true } },
        inscription: { select: { paiDemande: true, groupe: { select: { libelle: true } } } },
      },
    }),
    db().pointage.findMany({
      where: { date: jourDate, lieuId: { in: lieuIds } },
      select: {
        enfantId: true,
        uniteId: true,
        lieuId: true,
        etat: true,
        marqueLe: true,
        parAgentId: true,
        enfant: { select: { nom: true, prenoms: true } },
      },
    }),
  ]);
  const premiere = new Map(impressions.map((i) => [i.lieuId, i.premiereLe]));
  const habilitations = await habilitationsDes(reservations.map((r) => r.enfantId));
  const agents = new Map(
    (
      await db().agent.findMany({
        where: { id: { in: [...new Set(pointages.map((p) => p.parAgentId))] } },
        select: { id: true, prenom: true, nom: true },
      })
    ).map((a) => [a.id, `${a.prenom} ${a.nom.toUpperCase()}`]),
  );

  // each lieu × unit: its children by id
  const cles = new Map<string, Map<string, EnfantListe>>(jours.map((j) => [`${j.lieuId}|${j.uniteId}`, new Map()]));
  for (const r of reservations) {
    const imprimee = premiere.get(r.jour.lieuId);
    const reservee = r.statut === "RESERVEE";
    const tardif = !imprimee
      ? null
      : reservee
        ? r.creeeLe > imprimee
          ? "AJOUTE"
          : null
        : r.modifieeLe > imprimee
          ? "ANNULE"
          : null;
    // a day cancelled (or set aside) before the first print is simply not on the list
    if (!reservee && !tardif) continue;
    cles.get(`${r.jour.lieuId}|${r.uniteId}`)?.set(r.enfantId, {
      enfantId: r.enfantId,
      nom: r.enfant.nom,
      prenoms: r.enfant.prenoms,
      groupe: r.inscription.groupe.libelle,
      reservee,
      tardif,
      pointage: null,
      sante: null,
      paiDemande: r.inscription.paiDemande,
      habilitations: habilitations.get(r.enfantId) ?? [],
    });
  }
  const sansReservation: EnfantListe[] = [];
  for (const p of pointages) {
    const enfants = cles.get(`${p.lieuId}|${p.uniteId}`);
    if (!enfants) continue;
    const pointage = { etat: p.etat, marqueLe: p.marqueLe, par: agents.get(p.parAgentId) ?? null };
    const deja = enfants.get(p.enfantId);
    if (deja) {
      deja.pointage = pointage;
      continue;
    }
    const entree: EnfantListe = {
      enfantId: p.enfantId,
      nom: p.enfant.nom,
      prenoms: p.enfant.prenoms,
      groupe: null,
      reservee: false,
      tardif: null,
      pointage,
      sante: null,
      paiDemande: false,
      habilitations: [],
    };
    enfants.set(p.enfantId, entree);
    sansReservation.push(entree);
  }
  await groupesSansReservation(sansReservation, lieuIds);

  const tous = [...cles.values()].flatMap((m) => [...m.values()]);
  const bus = await busDuJour(
    tous.map((e) => e.enfantId),
    date,
  );
  for (const e of tous) e.bus = bus.get(e.enfantId) ?? null;
  const santeVisible = await aAccesSante(agentId);
  if (santeVisible && tous.length > 0) {
    const ids = [...new Set(tous.map((e) => e.enfantId))];
    const drapeaux = await drapeauxSante(db(), ids);
    for (const e of tous) e.sante = drapeaux.get(e.enfantId) ?? { allergies: [], regimes: [], pai: false };
    await journal(db(), {
      event: "pointage.sante_lecture",
      actorKind: "AGENT",
      actorId: agentId,
      details: { date, lieux: lieuIds, enfants: ids.length },
    });
  }

  return { santeVisible, lieux: parLieu(jours, cles, premiere) };
}

/**
 * "Présent sans réservation": the children enrolled in the lieu's activity (an active inscription) whose name
 * contains the words typed, for a child who came without being on the list.
 */
export async function rechercherInscrits({ lieuId, recherche }: { lieuId: number; recherche: string }) {
  const mots = recherche.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  if (mots.length === 0) return [];
  const lieu = await db().lieu.findUnique({ where: { id: lieuId }, select: { activiteId: true } });
  if (!lieu) return [];
  const inscriptions = await db().inscription.findMany({
    where: {
      activiteId: lieu.activiteId,
      statut: "ACTIVE",
      AND: mots.map((mot) => ({
        enfant: {
          OR: [
            { nom: { contains: mot, mode: "insensitive" as const } },
            { prenoms: { contains: mot, mode: "insensitive" as const } },
          ],
        },
      })),
    },
    distinct: ["enfantId"],
    orderBy: [{ enfant: { nom: "asc" } }, { enfant: { prenoms: "asc" } }],
    take: 20,
    select: { enfantId: true, enfant: { select: { nom: true, prenoms: true } }, groupe: { select: { libelle: true } } },
  });
  return inscriptions.map((i) => ({
    enfantId: i.enfantId,
    nom: i.enfant.nom,
    prenoms: i.enfant.prenoms,
    groupe: i.groupe.libelle,
  }));
}
