// Firing a transition of the table (transitions.ts): one conditional UPDATE … WHERE id AND statut IN (from)
// inside the caller's transaction, then a history row. When two people act at once, the second UPDATE waits
// for the first to commit, finds the state changed, touches no row, and is refused with what happened.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatParis } from "@/lib/temps/dates";
import { LIBELLES_STATUT, refusTransition, TRANSITIONS, type Transition } from "@/lib/domain/demande/transitions";
import type { Demande, Prisma, StatutDemande } from "@/lib/generated/prisma/client";

export type ActeurRef =
  { kind: "USAGER"; usagerId: string } | { kind: "AGENT"; agentId: string; nom: string } | { kind: "SYSTEME" };

export const demandeIntrouvable = () => new AppError("introuvable", "Cette demande est introuvable.");

/** A usager only ever reaches their own demandes; agents and the system reach all of them. */
export function portee(acteur: ActeurRef): Prisma.DemandeWhereInput {
  return acteur.kind === "USAGER" ? { usagerId: acteur.usagerId } : {};
}

const FINALS = new Set(["ACCEPTEE", "REFUSEE", "ANNULEE"]);

export async function franchir(
  tx: Tx,
  {
    demandeId,
    transition,
    acteur,
    motif,
    statutVu,
    now = new Date(),
  }: {
    demandeId: string;
    transition: Transition;
    acteur: ActeurRef;
    motif?: string | null;
    /** the state the person saw on their page: if it changed since, they are told who changed it */
    statutVu?: StatutDemande;
    now?: Date;
  },
): Promise<{ avant: Demande; apres: Demande }> {
  const avant = await tx.demande.findFirst({ where: { id: demandeId, ...portee(acteur) } });
  // A usager's own drafts are the only BROUILLON anyone reaches: agents never see a demande before its deposit.
  if (!avant || (acteur.kind !== "USAGER" && avant.statut === "BROUILLON")) throw demandeIntrouvable();
  if (statutVu && statutVu !== avant.statut) throw await dejaTraitee(tx, avant, acteur);
  const refus = refusTransition(avant.statut, transition, acteur.kind, motif);
  if (refus?.code === "etat") throw await dejaTraitee(tx, avant, acteur);
  if (refus) throw new AppError(refus.code, refus.message, refus.code === "motif" ? "motif" : undefined);

  const def = TRANSITIONS[transition];
  const { count } = await tx.demande.updateMany({
    where: { id: demandeId, ...portee(acteur), statut: { in: [...def.de] } },
    data: {
      statut: def.vers,
      ...(def.vers === "DEPOSEE" ? { deposeeAt: now, brouillonUnique: null } : {}),
      ...(FINALS.has(def.vers) || def.vers === "A_COMPLETER" ? { decideeAt: now } : {}),
      ...(acteur.kind === "AGENT" && def.vers !== "A_COMPLETER" ? { instructeurId: acteur.agentId } : {}),
    },
  });
  if (count === 0) throw await dejaTraitee(tx, avant, acteur);
  await tx.demandeHistorique.create({
    data: {
      demandeId,
      transition,
      de: avant.statut,
      vers: def.vers,
      acteur: acteur.kind,
      acteurId: acteur.kind === "USAGER" ? acteur.usagerId : acteur.kind === "AGENT" ? acteur.agentId : null,
      acteurNom: acteur.kind === "AGENT" ? acteur.nom : null,
      motif: motif?.trim() || null,
      createdAt: now,
    },
  });
  return { avant, apres: await tx.demande.findUniqueOrThrow({ where: { id: demandeId } }) };
}

/**
 * The demande is no longer where this action starts from. For an agent, when someone else moved it last
 * (another agent clicking at the same moment, whether before or during this request), say who and when;
 * otherwise say the state it is in.
 */
async function dejaTraitee(tx: Tx, avant: Demande, acteur: ActeurRef): Promise<AppError> {
  const [actuelle, dernier] = await Promise.all([
    tx.demande.findUniqueOrThrow({ where: { id: avant.id }, select: { statut: true } }),
    tx.demandeHistorique.findFirst({ where: { demandeId: avant.id }, orderBy: { id: "desc" } }),
  ]);
  const moi = acteur.kind === "USAGER" ? acteur.usagerId : acteur.kind === "AGENT" ? acteur.agentId : null;
  // a parent is told the state (« En cours d'instruction »), an agent who acted at once is told by whom
  if (acteur.kind === "AGENT" && dernier && (dernier.acteur !== acteur.kind || dernier.acteurId !== moi)) {
    const qui =
      dernier.acteur === "AGENT"
        ? (dernier.acteurNom ?? "un agent")
        : dernier.acteur === "USAGER"
          ? "le demandeur"
          : "le système";
    return new AppError(
      "deja_traitee",
      `Cette demande a déjà été traitée par ${qui} à ${formatParis(dernier.createdAt, "HH:mm")}.`,
    );
  }
  return new AppError("etat", `Action impossible : cette demande est « ${LIBELLES_STATUT[actuelle.statut]} ».`);
}
