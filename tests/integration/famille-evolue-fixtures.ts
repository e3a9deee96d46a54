// Issue 26's « La famille évolue » démarches on PostgreSQL: a validated family (a child and a grandmother allowed to
// pick them up), the agent who decides, and the reads both sides make of a demande.
import { db } from "@/lib/db";
import { seedCommune } from "@/prisma/seed";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { DEMARCHES, recapPourAgent, recapPourUsager } from "@/lib/domain/demarches";
import type { SectionRecap } from "@/lib/domain/demande/demarche";
import { familleValidee } from "./inscription-fixtures";

export { familleValidee };
export const preparer = () => seedCommune();

/** A recap as one text: « titre | libellé : valeur | paragraph … ». */
export const enTexte = (sections: SectionRecap[]) =>
  sections
    .flatMap((s) => [
      s.titre,
      ...(s.lignes ?? []).map((l) => `${l.libelle} : ${l.valeur ?? ""}`),
      ...(s.texte ?? []),
      ...(s.liste ?? []),
    ])
    .join(" | ");

/** The demande as its parent reads it (null for another space) and as the agent reads it. */
export async function recaps(usagerId: string, numero: number, agentId: string) {
  const demande = await demandeDuUsager(usagerId, numero);
  if (!demande) return null;
  return { usager: enTexte(await recapPourUsager(demande)), agent: enTexte(await recapPourAgent(agentId, demande)) };
}

export async function decider(
  numero: number,
  agent: { id: string; prenom: string; nom: string },
  decision: "accepter" | "refuser",
  extra: { motif?: string; rattachements?: Record<string, string> } = {},
) {
  const { id } = await db().demande.findFirstOrThrow({ where: { numero } });
  await deciderDemande({ demarches: DEMARCHES, agent, demandeId: id, decision, ...extra });
}

/** The last mail queued to that address, with that text. */
export const dernierMail = (to: string, contient: string) =>
  db().outboxMail.findFirst({ where: { to, text: { contains: contient } }, orderBy: { createdAt: "desc" } });

/** Yesterday, as the date field gives it: a newborn. */
export const hier = () => new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
