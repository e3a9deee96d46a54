// An ADMIN's hand on a mandate (/agent/prelevements/mandats): revoke it at the family's request (revoquer-mandat.ts)
// or reactivate a suspended one once the family has sorted out its account. Through the gate, with the motif in
// the history and the journal.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changerStatutMandat } from "@/lib/domain/prelevement/mandat";
import { revoquerMandat } from "@/lib/domain/prelevement/revoquer-mandat";
import { journal } from "@/lib/journal";

export async function changerEtatMandatParAdmin(input: {
  rum: string;
  vers: "REVOQUE" | "ACTIF";
  motif: string;
  agentId: string;
  now: Date;
}) {
  if (!input.motif.trim()) throw new AppError("motif", "Indiquez le motif.", "motif");
  if (input.vers === "REVOQUE") {
    return revoquerMandat({
      rum: input.rum,
      par: { kind: "ADMIN", agentId: input.agentId },
      motif: input.motif,
      now: input.now,
    });
  }
  return db().$transaction(async (tx) => {
    const mandat = await tx.mandatSepa.findUnique({ where: { rum: input.rum }, select: { id: true } });
    if (!mandat) throw new AppError("introuvable", "Ce mandat est introuvable.");
    const apres = await changerStatutMandat(tx, {
      mandatId: mandat.id,
      vers: "ACTIF",
      motif: input.motif,
      acteur: "ADMIN",
      acteurId: input.agentId,
      now: input.now,
    });
    await journal(tx, {
      event: "mandat.reactive",
      actorKind: "AGENT",
      actorId: input.agentId,
      details: { rum: input.rum },
    });
    return { mandat: apres, annules: 0 };
  });
}
