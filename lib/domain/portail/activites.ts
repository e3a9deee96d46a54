// ACTIVITÉS: agents keep the catalogue parents enrol in (each activity's description, its lieux, groupes and
// unités, the pièces it asks for) and open or close each school year's inscriptions. Each command is one
// transaction with its journal entry, refused to anyone but an active agent.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TypePiece } from "@/lib/generated/prisma/enums";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import type { ExigencePiece } from "@/lib/domain/portail/schemas";

export type SorteElement = "lieu" | "groupe" | "unite";

type Mots = { ce: string; deja: string; dernier?: string; utilise: (qui: string) => string };

/** The French messages agents read, for each kind of element. */
const SORTES: Record<SorteElement, Mots> = {
  lieu: {
    ce: "Ce lieu",
    deja: "Ce lieu existe déjà pour cette activité.",
    dernier: "L'activité doit garder au moins un lieu : ajoutez-en un autre avant de retirer celui-ci.",
    utilise: (qui) => `Ce lieu est choisi par ${qui} : il ne peut pas être retiré, mais vous pouvez le renommer.`,
  },
  groupe: {
    ce: "Ce groupe",
    deja: "Ce groupe existe déjà pour cette activité.",
    dernier: "L'activité doit garder au moins un groupe : ajoutez-en un autre avant de retirer celui-ci.",
    utilise: (qui) => `Ce groupe est choisi par ${qui} : il ne peut pas être retiré, mais vous pouvez le renommer.`,
  },
  unite: {
    ce: "Cette unité",
    deja: "Cette unité existe déjà pour cette activité.",
    utilise: (qui) =>
      `Cette unité est choisie par ${qui} : elle ne peut pas être retirée, mais vous pouvez la renommer.`,
  },
};

/** Demandes whose choice still matters: a draft may be deposited, a deposited one accepted (an accepted one has its Inscription). */
const DEMANDES_EN_COURS = ["BROUILLON", "DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"] as const;

const activiteIntrouvable = () => new AppError("introuvable", "Cette activité n'existe plus.");
const elementIntrouvable = (sorte: SorteElement) =>
  new AppError("introuvable", `${SORTES[sorte].ce} n'existe plus.`, "libelle");

async function exigerActivite(tx: Tx, activiteId: number): Promise<void> {
  if (!(await tx.activite.findUnique({ where: { id: activiteId }, select: { id: true } }))) throw activiteIntrouvable();
}

export async function modifierDescriptionActivite({
  agentId,
  activiteId,
  description,
}: {
  agentId: string;
  activiteId: number;
  description: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const { count } = await tx.activite.updateMany({ where: { id: activiteId }, data: { description } });
    if (count === 0) throw activiteIntrouvable();
    await journal(tx, {
      event: "activite.description_modifiee",
      actorKind: "AGENT",
      actorId: agentId,
      details: { activite: activiteId },
    });
  });
}

/** The elements of one kind of an activity, by id and name (the three tables name it differently). */
async function elements(
  tx: Tx,
  sorte: SorteElement,
  activiteId: number,
): Promise<{ id: number; libelle: string; code?: string; ordre: number }[]> {
  if (sorte === "lieu")
    return (await tx.lieu.findMany({ where: { activiteId } })).map((l) => ({
      id: l.id,
      libelle: l.nom,
      ordre: l.ordre,
    }));
  if (sorte === "groupe")
    return tx.groupe.findMany({ where: { activiteId }, select: { id: true, libelle: true, ordre: true } });
  return tx.unite.findMany({ where: { activiteId }, select: { id: true, libelle: true, code: true, ordre: true } });
}

async function activiteDe(tx: Tx, sorte: SorteElement, id: number): Promise<number | null> {
  const select = { activiteId: true } as const;
  const element =
    sorte === "lieu"
      ? await tx.lieu.findUnique({ where: { id }, select })
      : sorte === "groupe"
        ? await tx.groupe.findUnique({ where: { id }, select })
        : await tx.unite.findUnique({ where: { id }, select });
  return element?.activiteId ?? null;
}

const memeNom = (a: string, b: string) => a.localeCompare(b, "fr", { sensitivity: "base" }) === 0;

/** A unit's code (kept when it is renamed): its name in capitals without accents, made unique in the activity. */
function codeUnite(libelle: string, pris: Set<string>): string {
  const base =
    libelle
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
      .slice(0, 40) || "UNITE";
  let code = base;
  for (let rang = 2; pris.has(code); rang++) code = `${base}_${rang}`;
  return code;
}

/** Turns a race on the unique name into the same French message as the check before it. */
async function nomUnique(sorte: SorteElement, ecrire: () => PromiseLike<{ id: number }>): Promise<{ id: number }> {
  try {
    return await ecrire();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("existe", SORTES[sorte].deja, "libelle");
    throw error;
  }
}

/** A new lieu, groupe or unité, offered last in the wizard's list. */
export async function ajouterElementActivite({
  agentId,
  activiteId,
  sorte,
  libelle,
}: {
  agentId: string;
  activiteId: number;
  sorte: SorteElement;
  libelle: string;
}): Promise<{ id: number }> {
  return db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    await exigerActivite(tx, activiteId);
    const existants = await elements(tx, sorte, activiteId);
    if (existants.some((e) => memeNom(e.libelle, libelle))) throw new AppError("existe", SORTES[sorte].deja, "libelle");
    const ordre = Math.max(-1, ...existants.map((e) => e.ordre)) + 1;
    const select = { id: true } as const;
    const { id } = await nomUnique(sorte, () => {
      if (sorte === "lieu") return tx.lieu.create({ data: { activiteId, nom: libelle, ordre }, select });
      if (sorte === "groupe") return tx.groupe.create({ data: { activiteId, libelle, ordre }, select });
      const code = codeUnite(libelle, new Set(existants.map((e) => e.code ?? "")));
      return tx.unite.create({ data: { activiteId, libelle, code, ordre }, select });
    });
    await journal(tx, {
      event: "activite.element_ajoute",
      actorKind: "AGENT",
      actorId: agentId,
      details: { activite: activiteId, sorte, id, libelle },
    });
    return { id };
  });
}

/** A new name for a lieu, groupe or unité: the inscriptions that chose it show the new name. */
export async function renommerElementActivite({
  agentId,
  sorte,
  id,
  libelle,
}: {
  agentId: string;
  sorte: SorteElement;
  id: number;
  libelle: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const activiteId = await activiteDe(tx, sorte, id);
    if (activiteId === null) throw elementIntrouvable(sorte);
    if ((await elements(tx, sorte, activiteId)).some((e) => e.id !== id && memeNom(e.libelle, libelle)))
      throw new AppError("existe", SORTES[sorte].deja, "libelle");
    const select = { id: true } as const;
    await nomUnique(sorte, () => {
      if (sorte === "lieu") return tx.lieu.update({ where: { id }, data: { nom: libelle }, select });
      if (sorte === "groupe") return tx.groupe.update({ where: { id }, data: { libelle }, select });
      return tx.unite.update({ where: { id }, data: { libelle }, select });
    });
    await journal(tx, {
      event: "activite.element_renomme",
      actorKind: "AGENT",
      actorId: agentId,
      details: { activite: activiteId, sorte, id, libelle },
    });
  });
}

/** How many inscriptions, and demandes still going, chose this element. */
async function utilisations(tx: Tx, sorte: SorteElement, id: number): Promise<number> {
  const champ = sorte === "lieu" ? "lieuId" : sorte === "groupe" ? "groupeId" : "uniteId";
  const inscriptions = await tx.inscription.count({
    where: sorte === "lieu" ? { lieuId: id } : sorte === "groupe" ? { groupeId: id } : { uniteId: id },
  });
  const demandes = await tx.demande.count({
    where: { type: "INSCRIPTION", statut: { in: [...DEMANDES_EN_COURS] }, donnees: { path: [champ], equals: id } },
  });
  return inscriptions + demandes;
}

/**
 * Removes a lieu, groupe or unité that no inscription and no demande in progress chose (a draft's choice
 * counts: it could be deposited and accepted). An Inscription's foreign key refuses the deletion if one was
 * accepted meanwhile.
 */
export async function retirerElementActivite({
  agentId,
  sorte,
  id,
}: {
  agentId: string;
  sorte: SorteElement;
  id: number;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const activiteId = await activiteDe(tx, sorte, id);
    if (activiteId === null) throw elementIntrouvable(sorte);
    const nombre = await utilisations(tx, sorte, id);
    if (nombre > 0) {
      throw new AppError(
        "utilise",
        SORTES[sorte].utilise(
          nombre === 1 ? "une inscription ou une demande en cours" : `${nombre} inscriptions ou demandes en cours`,
        ),
        "libelle",
      );
    }
    // a parent must still have a lieu and a groupe to choose (unités are optional)
    const dernier = SORTES[sorte].dernier;
    if (dernier && (await elements(tx, sorte, activiteId)).length === 1)
      throw new AppError("dernier", dernier, "libelle");
    try {
      if (sorte === "lieu") await tx.lieu.delete({ where: { id } });
      else if (sorte === "groupe") await tx.groupe.delete({ where: { id } });
      else await tx.unite.delete({ where: { id } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003")
        throw new AppError("utilise", SORTES[sorte].utilise("une inscription"), "libelle");
      throw error;
    }
    await journal(tx, {
      event: "activite.element_retire",
      actorKind: "AGENT",
      actorId: agentId,
      details: { activite: activiteId, sorte, id },
    });
  });
}

/**
 * What the activity asks of each pièce: an OBLIGATOIRE one must be attached before the deposit, a FACULTATIVE
 * one is offered, a NON_DEMANDEE one is not shown. Inscriptions deposited from now on are held to it.
 */
export async function reglerPiecesActivite({
  agentId,
  activiteId,
  exigences,
}: {
  agentId: string;
  activiteId: number;
  exigences: Record<TypePiece, ExigencePiece>;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    await exigerActivite(tx, activiteId);
    const demandees = (Object.entries(exigences) as [TypePiece, ExigencePiece][]).filter(
      ([, exigence]) => exigence !== "NON_DEMANDEE",
    );
    await tx.activitePiece.deleteMany({ where: { activiteId } });
    await tx.activitePiece.createMany({
      data: demandees.map(([type, exigence]) => ({ activiteId, type, obligatoire: exigence === "OBLIGATOIRE" })),
    });
    await journal(tx, {
      event: "activite.pieces_reglees",
      actorKind: "AGENT",
      actorId: agentId,
      details: { activite: activiteId, exigences },
    });
  });
}

/** Inscriptions ouvertes: parents may ask for inscriptions for this school year (or no longer). */
export async function changerOuvertureInscriptions({
  agentId,
  anneeId,
  ouvertes,
}: {
  agentId: string;
  anneeId: number;
  ouvertes: boolean;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const { count } = await tx.anneeScolaire.updateMany({
      where: { id: anneeId },
      data: { inscriptionsOuvertes: ouvertes },
    });
    if (count === 0) throw new AppError("introuvable", "Cette année scolaire n'existe plus.");
    await journal(tx, {
      event: ouvertes ? "annee.inscriptions_ouvertes" : "annee.inscriptions_fermees",
      actorKind: "AGENT",
      actorId: agentId,
      details: { annee: anneeId },
    });
  });
}
