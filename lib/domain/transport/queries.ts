// Reads of the transport scolaire: a child's page (through the caller's household only, and only when the
// commune names its operator), and which children leave by bus on a day, for the agents' lists (pointage and
// garderie, on screen and printed). The latest accepted answer of a child applies.
import { db, type Tx } from "@/lib/db";
import { EN_COURS } from "@/lib/domain/demande/queries";
import { JOURS_SEMAINE, type EtatTransport, type Trajets } from "@/lib/domain/transport/texte";
import { jourSemaine, type Jour } from "@/lib/temps/jours";

/** The child, reached through the caller's household only; anyone else's child is "not found" (null). */
export async function enfantDuUsager(client: Tx, usagerId: string, enfantId: string) {
  const lien = await client.familleEnfant.findFirst({
    where: { enfantId, famille: { representants: { some: { usagerId } } } },
    select: { familleId: true, enfant: { select: { id: true, prenoms: true } } },
  });
  return lien ? { ...lien.enfant, familleId: lien.familleId } : null;
}

/** The commune's transport operator (« TXIK TXAK »), or null: then no transport scolaire is shown anywhere. */
export async function operateurTransport(client: Tx = db()): Promise<string | null> {
  const commune = await client.commune.findUnique({ where: { id: 1 }, select: { transportOperateur: true } });
  return commune?.transportOperateur?.trim() || null;
}

/** The child's transport as last accepted, or null when nothing was ever signalled. */
export async function transportActuel(client: Tx, enfantId: string): Promise<EtatTransport | null> {
  return client.transportScolaire.findFirst({
    where: { enfantId },
    orderBy: [{ creeLe: "desc" }, { id: "desc" }],
    select: { prendLeBus: true, jours: true, matin: true, soir: true },
  });
}

/** The school days offered: lundi, mardi, jeudi, vendredi, and mercredi when the commune opens any Wednesday. */
export async function joursProposes(client: Tx = db()): Promise<number[]> {
  const [mercredi] = await client.$queryRaw<{ ouvert: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "JourOuverture" WHERE EXTRACT(ISODOW FROM date) = 3) AS ouvert`;
  return Object.keys(JOURS_SEMAINE)
    .map(Number)
    .filter((j) => j !== 3 || mercredi?.ouvert);
}

/** The transport page of a child: null (a 404) for another family's child or when the commune has no operator. */
export async function pageTransport({ usagerId, enfantId }: { usagerId: string; enfantId: string }) {
  const operateur = await operateurTransport();
  if (!operateur) return null;
  const enfant = await enfantDuUsager(db(), usagerId, enfantId);
  if (!enfant) return null;
  const [actuel, enCours, jours] = await Promise.all([
    transportActuel(db(), enfantId),
    db().demande.findFirst({
      where: { type: "TRANSPORT_SCOLAIRE", enfantId, familleId: enfant.familleId, statut: { in: EN_COURS } },
      select: { numero: true },
    }),
    joursProposes(),
  ]);
  return { enfant, operateur, actuel, enCours: enCours?.numero ?? null, jours };
}

/**
 * The children among `enfantIds` who take the bus on `date` (its ISO weekday in their latest accepted answer),
 * with their trips; none when the commune has no operator.
 */
export async function busDuJour(enfantIds: readonly string[], date: Jour): Promise<Map<string, Trajets>> {
  const bus = new Map<string, Trajets>();
  if (enfantIds.length === 0 || !(await operateurTransport())) return bus;
  const lignes = await db().transportScolaire.findMany({
    where: { enfantId: { in: [...new Set(enfantIds)] } },
    orderBy: [{ creeLe: "desc" }, { id: "desc" }],
    distinct: ["enfantId"],
    select: { enfantId: true, prendLeBus: true, jours: true, matin: true, soir: true },
  });
  const iso = jourSemaine(date);
  for (const l of lignes)
    if (l.prendLeBus && l.jours.includes(iso) && (l.matin || l.soir))
      bus.set(l.enfantId, { matin: l.matin, soir: l.soir });
  return bus;
}
