// « Révoquer le mandat »: the parent (or an admin) ends it at any time. Through the gate: the state REVOQUE, a
// history row, and the family's debits not yet presented (PREVU) cancelled in the same transaction; the invoices
// they were for are then paid another way.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changerStatutMandat } from "@/lib/domain/prelevement/mandat";
import { journal } from "@/lib/journal";

export async function revoquerMandat(input: {
  rum: string;
  par: { kind: "USAGER"; usagerId: string } | { kind: "ADMIN"; agentId: string };
  motif?: string;
  ip?: string;
  now: Date;
}) {
  const { rum, par, now } = input;
  return db().$transaction(async (tx) => {
    const mandat = await tx.mandatSepa.findFirst({
      where: {
        rum,
        ...(par.kind === "USAGER" ? { famille: { representants: { some: { usagerId: par.usagerId } } } } : {}),
      },
      select: { id: true },
    });
    if (!mandat) throw new AppError("introuvable", "Ce mandat est introuvable.");
    const annules = await tx.prelevement.count({ where: { mandatId: mandat.id, statut: "PREVU" } });
    const acteurId = par.kind === "USAGER" ? par.usagerId : par.agentId;
    const apres = await changerStatutMandat(tx, {
      mandatId: mandat.id,
      vers: "REVOQUE",
      motif: input.motif?.trim() || (par.kind === "USAGER" ? "Révoqué par la famille" : "Révoqué par la commune"),
      acteur: par.kind,
      acteurId,
      now,
    });
    await journal(tx, {
      event: "mandat.revoque",
      actorKind: par.kind === "USAGER" ? "USAGER" : "AGENT",
      actorId: acteurId,
      ip: input.ip,
      details: { rum, prelevementsAnnules: annules },
    });
    return { mandat: apres, annules };
  });
}
