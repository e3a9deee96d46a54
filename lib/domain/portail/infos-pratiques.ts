// INFOS PRATIQUES: the agents keep the hours, the address and the contacts up to date (one row, id 1).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import type { InfosPratiquesSaisie } from "@/lib/domain/portail/schemas";

export async function modifierInfosPratiques({
  agentId,
  saisie,
}: {
  agentId: string;
  saisie: InfosPratiquesSaisie;
}): Promise<void> {
  const data = {
    horaires: saisie.horaires ?? "",
    adresse: saisie.adresse ?? "",
    contacts: saisie.contacts ?? "",
    modifieesLe: new Date(),
  };
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    await tx.infosPratiques.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await journal(tx, { event: "infos_pratiques.modifiees", actorKind: "AGENT", actorId: agentId });
  });
}
