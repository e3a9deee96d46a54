// Billing's demo data and the builders its tests and bench share: Villefranque-like tariff grids for 2026-2027
// (restauration in 4 QF brackets, garderie matin and soir in 3), and households written straight to the
// database in bulk (families, children, accepted inscriptions, booked days), since what those tests measure is
// the invoicing, not the démarches that lead to it.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Decimal } from "@/lib/argent/argent";
import { inserer } from "@/lib/inserer";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

type Grille = { qfMin: number; qfMax: number | null; euros: string }[];

export const GRILLE_RESTAURATION: Grille = [
  { qfMin: 0, qfMax: 600, euros: "2.10" },
  { qfMin: 600, qfMax: 900, euros: "2.85" },
  { qfMin: 900, qfMax: 1300, euros: "3.45" },
  { qfMin: 1300, qfMax: null, euros: "4.15" },
];
export const GRILLE_GARDERIE_MATIN: Grille = [
  { qfMin: 0, qfMax: 700, euros: "1.05" },
  { qfMin: 700, qfMax: 1100, euros: "1.375" },
  { qfMin: 1100, qfMax: null, euros: "1.65" },
];
export const GRILLE_GARDERIE_SOIR: Grille = [
  { qfMin: 0, qfMax: 700, euros: "1.60" },
  { qfMin: 700, qfMax: 1100, euros: "2.05" },
  { qfMin: 1100, qfMax: null, euros: "2.45" },
];

/** The grids of every activity's units for 2026-2027 (the garderie's first unit is Matin). Idempotent. */
export async function seedTarifs(): Promise<void> {
  const annee = await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } });
  await db().parametresFacturation.upsert({
    where: { id: 1 },
    // a fictional Trésor public account (valid checksum), so the demo's invoices show how to pay by virement
    create: { id: 1, regie: "Régie enfance-jeunesse", iban: "FR7610071640000000200123483", bic: "TRPUFRP1" },
    update: {},
  });
  const activites = await db().activite.findMany({ include: { unites: { orderBy: { ordre: "asc" } } } });
  for (const activite of activites) {
    for (const [i, unite] of activite.unites.entries()) {
      const grille =
        activite.type === "RESTAURATION" ? GRILLE_RESTAURATION : i === 0 ? GRILLE_GARDERIE_MATIN : GRILLE_GARDERIE_SOIR;
      const existant = await db().tarif.findUnique({
        where: { uniteId_anneeId: { uniteId: unite.id, anneeId: annee.id } },
      });
      if (existant) continue;
      await db().tarif.create({
        data: {
          activiteId: activite.id,
          uniteId: unite.id,
          anneeId: annee.id,
          mode: "TRANCHES",
          tranches: {
            create: grille.map((t) => ({
              qfMin: t.qfMin,
              qfMax: t.qfMax,
              prixCentimes: new Decimal(t.euros).times(100),
            })),
          },
        },
      });
    }
  }
}

export type Foyer = {
  familleId: string;
  usagerId: string | null;
  enfants: { enfantId: string; inscriptions: Map<number, string> }[];
};

/**
 * Households written in bulk: each with a titulaire (linked to `usagerIds[i]` when given), its children and an
 * accepted inscription of each child in each activity. `enfantsPartages[i]`: an existing child this household
 * also holds (garde alternée).
 */
export async function creerFoyers({
  nombre,
  enfantsParFoyer,
  activiteIds,
  nom = "Foyer",
  naissance = "2019-05-01",
  usagerIds = [],
  enfantsPartages = [],
}: {
  nombre: number;
  enfantsParFoyer: number;
  activiteIds: number[];
  nom?: string;
  naissance?: Jour;
  usagerIds?: (string | null)[];
  enfantsPartages?: string[];
}): Promise<Foyer[]> {
  const annee = await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } });
  const activites = await db().activite.findMany({
    where: { id: { in: activiteIds } },
    include: {
      lieux: { orderBy: { ordre: "asc" }, take: 1 },
      groupes: { orderBy: { ordre: "asc" }, take: 1 },
      unites: { orderBy: { ordre: "asc" }, take: 1 },
    },
  });
  const usagerDemande = usagerIds.find(Boolean) ?? (await usagerTechnique());
  const foyers: Foyer[] = [];
  const familles = [];
  const adresses = [];
  const representants = [];
  const enfants = [];
  const liens = [];
  const demandes = [];
  const inscriptions = [];
  for (let i = 0; i < nombre; i++) {
    const familleId = randomUUID();
    const adresseId = randomUUID();
    familles.push({ id: familleId, cleEnfance: `F${randomUUID().replace(/-/g, "").slice(0, 11).toUpperCase()}` });
    adresses.push({
      id: adresseId,
      numero: String(i + 1),
      voie: "Route de Saint Pierre d'Irube",
      codePostal: "64990",
      ville: "Villefranque",
      pays: "France",
    });
    representants.push({
      familleId,
      role: "TITULAIRE" as const,
      usagerId: usagerIds[i] ?? null,
      civilite: "MADAME" as const,
      nomUsage: `${nom} ${i + 1}`,
      prenom: "Claire",
      adresseId,
      qualite: "MERE" as const,
      autoriteParentale: true,
    });
    const foyer: Foyer = { familleId, usagerId: usagerIds[i] ?? null, enfants: [] };
    const ids: string[] = Array.from({ length: enfantsParFoyer }, () => randomUUID());
    for (const [k, enfantId] of ids.entries()) {
      enfants.push({
        id: enfantId,
        sexe: "FEMININ" as const,
        nom: `${nom} ${i + 1}`,
        prenoms: `Enfant ${k + 1}`,
        dateNaissance: dateDeJour(naissance),
        cleRapprochement: `${nom} ${i + 1}|enfant ${k + 1}|${naissance}`,
      });
    }
    if (enfantsPartages[i]) ids.push(enfantsPartages[i]!);
    for (const enfantId of ids) {
      liens.push({ familleId, enfantId });
      const parActivite = new Map<number, string>();
      for (const a of activites) {
        const demandeId = randomUUID();
        const inscriptionId = randomUUID();
        demandes.push({
          id: demandeId,
          type: "INSCRIPTION" as const,
          statut: "ACCEPTEE" as const,
          usagerId: usagerDemande,
          familleId,
          enfantId,
        });
        inscriptions.push({
          id: inscriptionId,
          enfantId,
          familleId,
          activiteId: a.id,
          anneeId: annee.id,
          lieuId: a.lieux[0]!.id,
          groupeId: a.groupes[0]!.id,
          uniteId: a.unites[0]?.id ?? null,
          permissions: {},
          habilitations: [],
          demandeId,
        });
        parActivite.set(a.id, inscriptionId);
      }
      foyer.enfants.push({ enfantId, inscriptions: parActivite });
    }
    foyers.push(foyer);
  }
  const paquets = async <T>(lignes: T[], ecrire: (lot: T[]) => Promise<unknown>) => {
    for (let i = 0; i < lignes.length; i += 5000) await ecrire(lignes.slice(i, i + 5000));
  };
  await paquets(familles, (data) => db().famille.createMany({ data }));
  await paquets(adresses, (data) => db().adresse.createMany({ data }));
  await paquets(representants, (data) => db().representant.createMany({ data }));
  await paquets(enfants, (data) => db().enfant.createMany({ data }));
  await paquets(liens, (data) => db().familleEnfant.createMany({ data }));
  await paquets(demandes, (data) => db().demande.createMany({ data }));
  await paquets(inscriptions, (data) => db().inscription.createMany({ data }));
  return foyers;
}

async function usagerTechnique(): Promise<string> {
  const identifiant = "facturation.fixtures";
  const existant = await db().usager.findUnique({ where: { identifiantNormalise: identifiant } });
  if (existant) return existant.id;
  const u = await db().usager.create({
    data: {
      identifiant,
      identifiantNormalise: identifiant,
      courriel: "facturation.fixtures@exemple.fr",
      courrielNormalise: "facturation.fixtures@exemple.fr",
      civilite: "MADAME",
      nomUsage: "Fixtures",
      prenoms: "Facturation",
      cguVersion: 1,
      cguAcceptedAt: new Date(),
    },
  });
  return u.id;
}

/**
 * Booked days written straight (no deadline applies to the past): each child × unit on every opening day of
 * the unit between two days, or on the days listed. Existing rows are left as they are.
 */
export async function reserverJours(
  reservations: {
    enfantId: string;
    familleId: string;
    inscriptionId: string;
    uniteId: number;
    du: Jour;
    au: Jour;
    /** keep only those days (garde alternée: one week in two) */
    filtre?: (jour: Jour) => boolean;
  }[],
): Promise<number> {
  const unites = [...new Set(reservations.map((r) => r.uniteId))];
  const jours = await db().jourOuverture.findMany({
    where: { uniteId: { in: unites } },
    orderBy: { date: "asc" },
    select: { id: true, uniteId: true, lieuId: true, date: true },
  });
  const parUnite = new Map<number, { id: number; jour: Jour }[]>();
  for (const j of jours) {
    const jour = j.date.toISOString().slice(0, 10);
    const liste = parUnite.get(j.uniteId) ?? [];
    // one lieu is enough here: the first opening day of that date
    if (!liste.some((x) => x.jour === jour)) liste.push({ id: j.id, jour });
    parUnite.set(j.uniteId, liste);
  }
  const lignes = reservations.flatMap((r) =>
    (parUnite.get(r.uniteId) ?? [])
      .filter((j) => j.jour >= r.du && j.jour <= r.au && (!r.filtre || r.filtre(j.jour)))
      .map((j) => ({
        enfantId: r.enfantId,
        familleId: r.familleId,
        inscriptionId: r.inscriptionId,
        uniteId: r.uniteId,
        jourId: j.id,
        date: j.jour,
        statut: "RESERVEE" as const,
      })),
  );
  const colonnes = {
    id: "text",
    enfantId: "text",
    familleId: "text",
    inscriptionId: "text",
    uniteId: "int",
    jourId: "int",
    date: "date",
    statut: '"StatutReservation"',
    modifieeLe: "timestamp",
  } as const;
  const maintenant = new Date();
  for (let i = 0; i < lignes.length; i += 20_000) {
    const lot = lignes.slice(i, i + 20_000).map((l) => ({ ...l, id: randomUUID(), modifieeLe: maintenant }));
    await inserer(db(), "Reservation", colonnes, lot, { ignorerDoublons: true });
    // each day written (a day already there is left alone) starts its story, as the gate would write it
    // (lib/domain/reservation/franchir.ts), with the table's move for bookings brought in bulk
    await db().$executeRaw`
      INSERT INTO "ReservationEvenement"
        ("reservationId", "enfantId", "uniteId", date, "familleId", vers, acteur, raison, transition, "createdAt")
      SELECT id, "enfantId", "uniteId", date, "familleId", statut, 'SYSTEME', 'REPRISE', 'reprendre', ${maintenant}
      FROM "Reservation" WHERE id = ANY(${lot.map((l) => l.id)}::text[])`;
  }
  return lignes.length;
}

/**
 * The demo's billing: the tariff grids, a QF of 850 € (CAF) for Claire's family, Louise's September 2026 booked
 * (canteen Menu Classique, garderie du soir) and September invoiced, so a reviewer finds an invoice to read,
 * download and pay in Mes factures. Idempotent (a month is invoiced once).
 */
export async function seedFacturationDemo(usagerId: string, agentId: string): Promise<void> {
  const { facturerMois } = await import("@/lib/domain/facturation/executer");
  await seedTarifs();
  const { familleId } = await db().representant.findFirstOrThrow({ where: { usagerId } });
  if (!(await db().quotientFamilial.findFirst({ where: { familleId } }))) {
    await db().quotientFamilial.create({
      data: { familleId, valeur: 850, du: dateDeJour("2026-01-01"), source: "CAF", saisiParId: agentId },
    });
  }
  const inscriptions = await db().inscription.findMany({
    where: { familleId, enfant: { prenoms: "Louise" } },
    include: { activite: { include: { unites: { orderBy: { ordre: "asc" } } } } },
  });
  await reserverJours(
    inscriptions.map((i) => ({
      enfantId: i.enfantId,
      familleId,
      inscriptionId: i.id,
      uniteId: i.activite.type === "RESTAURATION" ? i.activite.unites[0]!.id : i.activite.unites.at(-1)!.id,
      du: "2026-09-01",
      au: "2026-09-30",
    })),
  );
  await facturerMois({ mois: "2026-09", now: new Date(), agentId });
}
