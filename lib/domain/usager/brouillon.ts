// The draft of a space being created: each wizard step is saved on the server as the parent goes, tied to
// the browser by a cookie (only its hash is stored). It never holds a password and lives 24 h after the last
// save, so a reload, PRÉCÉDENT, a new tab or a server restart lose nothing.
import { db, type Tx } from "@/lib/db";
import { hashToken, HOUR, newToken } from "@/lib/auth/tokens";
import type { Prisma, WizardDraft } from "@/lib/generated/prisma/client";
import type { IdentiteFranceConnect } from "@/lib/auth/franceconnect";

export const DRAFT_LIFETIME_MS = 24 * HOUR;
/** the HttpOnly cookie holding the draft's token (set by the wizard, and after an unknown FranceConnect identity) */
export const DRAFT_COOKIE = "pf_brouillon";
const WIZARD = "creer-mon-espace";

export type DonneesBrouillon = {
  cgu?: { version: number; accepteeLe: string };
  identite?: Record<string, string>;
  adresse?: Record<string, string>;
  contact?: Record<string, string>;
  authentification?: Record<string, string>;
  /** a space begun after FranceConnect: the checked identity (the Identité step is locked to it) */
  franceconnect?: IdentiteFranceConnect;
  /** its ID token, for the session opened once the identity is linked to an existing space (logout there too) */
  franceconnectIdToken?: string;
};

export type Brouillon = Omit<WizardDraft, "data"> & { data: DonneesBrouillon };

export async function findBrouillon(token: string | undefined, now = new Date()): Promise<Brouillon | null> {
  if (!token) return null;
  const draft = await db().wizardDraft.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!draft || draft.wizard !== WIZARD || draft.expiresAt <= now) return null;
  return { ...draft, data: draft.data as DonneesBrouillon };
}

export async function createBrouillon(
  data: DonneesBrouillon = {},
  tx: Tx = db(),
): Promise<{ token: string; brouillon: Brouillon }> {
  const token = newToken();
  const draft = await tx.wizardDraft.create({
    data: {
      tokenHash: hashToken(token),
      wizard: WIZARD,
      step: 1,
      reached: 1,
      expiresAt: new Date(Date.now() + DRAFT_LIFETIME_MS),
      data: data as Prisma.InputJsonObject,
    },
  });
  return { token, brouillon: { ...draft, data } };
}

/** Saves one step's part of the draft, and where the parent now stands. */
export async function saveBrouillon(
  id: string,
  part: Partial<DonneesBrouillon>,
  position: { step: number; reached: number },
): Promise<void> {
  await db().$transaction(async (tx) => {
    const current = await tx.wizardDraft.findUniqueOrThrow({ where: { id }, select: { data: true } });
    const data = { ...(current.data as DonneesBrouillon), ...part } as Prisma.InputJsonObject;
    await tx.wizardDraft.update({
      where: { id },
      data: {
        data,
        step: position.step,
        reached: position.reached,
        expiresAt: new Date(Date.now() + DRAFT_LIFETIME_MS),
      },
    });
  });
}

export async function deleteBrouillon(id: string): Promise<void> {
  await db().wizardDraft.deleteMany({ where: { id } });
}

/** Removes expired drafts (hourly, from instrumentation.ts). */
export async function purgeBrouillons(now = new Date()): Promise<number> {
  const { count } = await db().wizardDraft.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
