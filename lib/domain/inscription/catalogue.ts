// The activities and the school year parents enrol for, and what each child may still be enrolled in.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { demandesDuFoyer, enfantsDuFoyer, type Foyer } from "@/lib/domain/inscription/foyer";
import { lireDonnees } from "@/lib/domain/inscription/regles";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Demandes that hold a place: an activity pending or accepted for a child and a year is not offered again. */
export const INSCRIPTION_TENUE = ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER", "ACCEPTEE"] as const;

const ACTIVITE_COMPLETE = {
  lieux: { orderBy: { ordre: "asc" } },
  groupes: { orderBy: { ordre: "asc" } },
  unites: { orderBy: { ordre: "asc" } },
  pieces: true,
} satisfies Prisma.ActiviteInclude;

/** The year parents may enrol for now (the earliest open one), or null. */
export function anneeOuverte(client: Tx = db()) {
  return client.anneeScolaire.findFirst({ where: { inscriptionsOuvertes: true }, orderBy: { dateDebut: "asc" } });
}

/** The public catalogue (ACTIVITÉS) and the wizard's choices. */
export function anneeScolaire(id: number) {
  return db().anneeScolaire.findUnique({ where: { id } });
}

export function catalogue() {
  return db().activite.findMany({ orderBy: { ordre: "asc" }, include: ACTIVITE_COMPLETE });
}

export function activiteComplete(id: number, client: Tx = db()) {
  return client.activite.findUnique({ where: { id }, include: ACTIVITE_COMPLETE });
}

/**
 * The INSCRIPTION demandes of a child for a year that hold a place in this household (or its declaration still
 * waiting), whichever of its parents asked. The other household of a garde alternée enrols the shared child on
 * its own.
 */
export function inscriptionsTenues(
  client: Tx,
  { enfantId, anneeId, foyer, activiteId }: { enfantId: string; anneeId: number; foyer: Foyer; activiteId?: number },
) {
  return client.demande.findMany({
    where: {
      type: "INSCRIPTION",
      statut: { in: [...INSCRIPTION_TENUE] },
      AND: [
        demandesDuFoyer(foyer),
        { donnees: { path: ["enfantId"], equals: enfantId } },
        { donnees: { path: ["anneeId"], equals: anneeId } },
        ...(activiteId !== undefined ? [{ donnees: { path: ["activiteId"], equals: activiteId } }] : []),
      ],
    },
    select: { id: true, numero: true, statut: true, donnees: true },
  });
}

/**
 * The school the child goes to this year: the lieux' names of the child's inscriptions held this year in this
 * foyer. Once enrolled at the public school, the private school's activities are not offered (and the other way round).
 */
export async function ecolesDeLEnfant(
  tx: Tx,
  { foyer, enfantId, anneeId }: { foyer: Foyer; enfantId: string; anneeId: number },
): Promise<Set<string>> {
  const lieux = (await inscriptionsTenues(tx, { enfantId, anneeId, foyer }))
    .map((d) => lireDonnees(d.donnees)?.lieuId)
    .filter((id): id is number => typeof id === "number");
  if (lieux.length === 0) return new Set();
  const noms = await tx.lieu.findMany({ where: { id: { in: lieux } }, select: { nom: true } });
  return new Set(noms.map((l) => l.nom));
}

/** An activity of another school than the one the child goes to this year is neither offered nor started. */
export const autreEcole = (ecoles: Set<string>, lieux: { nom: string }[]) =>
  ecoles.size > 0 && !lieux.some((lieu) => ecoles.has(lieu.nom));

export const refusAutreEcole = (ecoles: Set<string>) =>
  new AppError(
    "autre_ecole",
    `Cet enfant est inscrit cette année à « ${[...ecoles].join(", ")} » : les activités d'une autre école ne lui sont pas proposées.`,
  );

/**
 * CRÉER UNE INSCRIPTION: for each child of the family (or of the declaration waiting for its acceptance), the
 * activities of the open year still possible.
 */
export async function activitesOffertes(foyer: Foyer) {
  const annee = await anneeOuverte();
  if (!annee) return { annee: null, enfants: [] };
  const [declares, activites] = await Promise.all([
    enfantsDuFoyer(db(), foyer),
    db().activite.findMany({
      orderBy: { ordre: "asc" },
      select: { id: true, libelle: true, lieux: { select: { nom: true } } },
    }),
  ]);
  const enfants = await Promise.all(
    declares.map(async (enfant) => {
      const tenues = new Set(
        (await inscriptionsTenues(db(), { enfantId: enfant.id, anneeId: annee.id, foyer })).map(
          (d) => (d.donnees as { activiteId?: number }).activiteId,
        ),
      );
      const ecoles = await ecolesDeLEnfant(db(), { foyer, enfantId: enfant.id, anneeId: annee.id });
      return {
        ...enfant,
        activites: activites
          .filter((activite) => !tenues.has(activite.id) && !autreEcole(ecoles, activite.lieux))
          .map(({ id, libelle }) => ({ id, libelle })),
      };
    }),
  );
  return { annee, enfants };
}
