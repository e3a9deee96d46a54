// The demo accounts (prisma/demo-comptes.ts) have public passwords, and admin.demo a public TOTP key: if a
// preview's data volume is started in production, anyone could log in with them (issue 30). `npm start` without
// --demo refuses to start while one of them still opens with its public password or key, and names the command
// that closes them (SUPPRIMER): their passwords and keys erased, the agents deactivated, their sessions ended.
// The rows stay (a demo family's demandes, the journal's actor): only the way in goes.
import { randomBytes } from "node:crypto";
import { db } from "../lib/db";
import { hashPassword, verifyPassword } from "../lib/auth/password";
import { dechiffrerSecretTotp } from "../lib/auth/totp";
import { DEMO_ADMIN, DEMO_ADMIN_TOTP, DEMO_AGENT, DEMO_PARENT, DEMO_PARENT_EN_ATTENTE } from "../prisma/demo-comptes";

const AGENTS = [DEMO_AGENT, DEMO_ADMIN];
const USAGERS = [DEMO_PARENT, DEMO_PARENT_EN_ATTENTE];

/** The command that closes them, as a commune's administrator runs it (source tree, or the container). */
export const SUPPRIMER =
  "npm start -- --supprimer-comptes-demo (dans le conteneur : node scripts/start.mjs --supprimer-comptes-demo)";

/** The identifiants of the demo accounts that still open with their public password or TOTP key. */
export async function comptesDemoOuverts(): Promise<string[]> {
  const ouverts: string[] = [];
  for (const compte of AGENTS) {
    const agent = await db().agent.findUnique({ where: { identifiantNormalise: compte.identifiant } });
    if (!agent?.active) continue;
    const cle = agent.totpSecretChiffre ? dechiffrerSecretTotpSur(agent.id, agent.totpSecretChiffre) : null;
    if ((await verifyPassword(agent.passwordHash, compte.motDePasse)) || cle === DEMO_ADMIN_TOTP) {
      ouverts.push(compte.identifiant);
    }
  }
  for (const compte of USAGERS) {
    const usager = await db().usager.findUnique({ where: { identifiantNormalise: compte.identifiant } });
    if (usager && (await verifyPassword(usager.passwordHash, compte.motDePasse))) ouverts.push(compte.identifiant);
  }
  return ouverts;
}

/** A key encrypted with another installation's key is not the demo's (nor readable): not a way in. */
function dechiffrerSecretTotpSur(agentId: string, chiffre: string): string | null {
  try {
    return dechiffrerSecretTotp(agentId, chiffre);
  } catch {
    return null;
  }
}

/** Closes every demo account: no password, no TOTP key, agents deactivated, sessions ended. */
export async function fermerComptesDemo(now: Date): Promise<string[]> {
  const inutilisable = await hashPassword(randomBytes(32).toString("base64url"));
  const identifiantsAgents = AGENTS.map((compte) => compte.identifiant);
  const identifiantsUsagers = USAGERS.map((compte) => compte.identifiant);
  return db().$transaction(async (tx) => {
    const agents = await tx.agent.findMany({ where: { identifiantNormalise: { in: identifiantsAgents } } });
    const usagers = await tx.usager.findMany({ where: { identifiantNormalise: { in: identifiantsUsagers } } });
    await tx.agent.updateMany({
      where: { id: { in: agents.map((a) => a.id) } },
      data: { active: false, passwordHash: inutilisable, totpSecretChiffre: null, totpActiveAt: null, ssoSub: null },
    });
    await tx.codeSecours.deleteMany({ where: { agentId: { in: agents.map((a) => a.id) } } });
    await tx.usager.updateMany({
      where: { id: { in: usagers.map((u) => u.id) } },
      data: { passwordHash: null, franceconnectSub: null },
    });
    await tx.session.updateMany({
      where: {
        revokedAt: null,
        OR: [{ agentId: { in: agents.map((a) => a.id) } }, { usagerId: { in: usagers.map((u) => u.id) } }],
      },
      data: { revokedAt: now },
    });
    return [...agents, ...usagers].map((compte) => compte.identifiant);
  });
}
