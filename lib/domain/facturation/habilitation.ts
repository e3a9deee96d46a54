// Who may emit invoices and avoirs: the agents an administrator gave the permission FACTURATION (an invoice is
// a debt the commune's accountant collects; anyone in the console may simulate a month, not emit it). Read from
// the database at each emission, so a withdrawal takes effect at once; the commands call exigerFacturation
// themselves, whatever page or action led there.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { agentCible, type ParAdmin } from "@/lib/domain/agent/administrer";

export const HABILITATION_REQUISE =
  "L'émission des factures demande l'habilitation Facturation, accordée par un administrateur.";

export class FacturationRefusee extends AppError {
  constructor() {
    super("habilitation_facturation", HABILITATION_REQUISE);
  }
}

export async function aHabilitationFacturation(agentId: string): Promise<boolean> {
  const agent = await db().agent.findUnique({ where: { id: agentId }, select: { active: true, permissions: true } });
  return Boolean(agent?.active && agent.permissions.includes("FACTURATION"));
}

/** Refuses (AppError, its message for the whole form) an agent without the permission, or disabled. */
export async function exigerFacturation(agent: { id: string }): Promise<void> {
  if (!(await aHabilitationFacturation(agent.id))) throw new FacturationRefusee();
}

/** An administrator gives or withdraws the permission (themself included), journaled as SANTE is. */
export async function changerHabilitationFacturation(input: ParAdmin & { accorde: boolean }): Promise<void> {
  await db().$transaction(async (tx) => {
    const agent = await agentCible(tx, input, { refuserSoiMeme: null });
    if (agent.permissions.includes("FACTURATION") === input.accorde) return;
    const permissions = input.accorde
      ? [...agent.permissions, "FACTURATION" as const]
      : agent.permissions.filter((permission) => permission !== "FACTURATION");
    await tx.agent.update({ where: { id: agent.id }, data: { permissions } });
    await journal(tx, {
      event: input.accorde ? "agent.habilitation_facturation_accordee" : "agent.habilitation_facturation_retiree",
      actorKind: "AGENT",
      actorId: input.admin.id,
      ip: input.ip,
      details: { agentId: agent.id },
    });
  });
}
