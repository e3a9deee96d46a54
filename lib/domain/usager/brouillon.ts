// The draft of a space being created: each wizard step is saved on the server as the parent goes, tied to
// the browser by a cookie (only its hash is stored). It never holds a password and lives 24 h after the last
// save, so a reload, PRÉCÉDENT, a new tab or a server restart lose nothing.
import { db, type Tx } from "@/lib/db";
import { hashToken, HOUR, newToken } from "@/lib/auth/tokens";
import { getStorage } from "@/lib/storage/storage";
import type { Prisma, WizardDraft } from "@/lib/generated/prisma/client";
import type { IdentiteFranceConnect } from "@/lib/auth/franceconnect";

export const DRAFT_LIFETIME_MS = 24 * HOUR;
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

/**
 * Drafts one address may open in a day. A draft may hold an uploaded photo before any anti-bot check: without
 * a limit, anyone could fill the disk. Generous, for the parents behind one carrier address.
 */
export const BROUILLONS_PAR_ADRESSE = { max: 30, fenetreMs: 24 * HOUR } as const;

/**
 * A new draft (holding `data`: FranceConnect's identity, when the space starts from there), or null when this
 * address has opened too many today (the page says so). Inside the caller's transaction when one is given.
 */
export async function createBrouillon(
  ip: string,
  now = new Date(),
  data: DonneesBrouillon = {},
  client?: Tx,
): Promise<{ token: string; brouillon: Brouillon } | null> {
  const token = newToken();
  const creer = async (tx: Tx) => {
    // serialized per address, so concurrent requests cannot all take the last place
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`brouillon:${ip}`}, 0))`;
    const ouverts = await tx.wizardDraft.count({
      where: { ip, createdAt: { gt: new Date(now.getTime() - BROUILLONS_PAR_ADRESSE.fenetreMs) } },
    });
    if (ouverts >= BROUILLONS_PAR_ADRESSE.max) return null;
    return tx.wizardDraft.create({
      data: {
        tokenHash: hashToken(token),
        wizard: WIZARD,
        ip,
        createdAt: now,
        step: 1,
        reached: 1,
        expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS),
        data: data as Prisma.InputJsonObject,
      },
    });
  };
  const draft = client ? await creer(client) : await db().$transaction(creer);
  return draft && { token, brouillon: { ...draft, data } };
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

/** Removes expired drafts and the photos they held (hourly, a job of the queue: lib/jobs/taches.ts). */
export async function purgeBrouillons(now = new Date()): Promise<number> {
  const expires = await db().wizardDraft.findMany({
    where: { expiresAt: { lte: now } },
    select: { id: true, data: true },
  });
  for (const draft of expires) {
    const photoKey = (draft.data as DonneesBrouillon).identite?.photoKey;
    // the file first: a row left behind is purged next hour, a file without its row would never be
    if (photoKey) await getStorage().remove(photoKey);
    await db().wizardDraft.deleteMany({ where: { id: draft.id } });
  }
  return expires.length;
}
