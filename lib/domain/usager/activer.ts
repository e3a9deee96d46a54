// Activation of a space by the link of its creation mail, and the resend of that link. Opening the link only
// reads it (lienActivation): the activation is the page's button, a POST, so that a mail scanner following
// every link of a mail activates nothing.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { getCommune } from "@/lib/commune";
import { checkToken, consumeToken, queueActivationMail } from "@/lib/domain/usager/liens";

export type Activation =
  | { status: "active"; identifiant: string }
  | { status: "expire" | "utilise"; dejaActive: boolean }
  | { status: "inconnu" };

export type LienActivation =
  | { status: "valide" }
  | { status: "expire" | "utilise"; dejaActive: boolean; identifiant: string }
  | { status: "inconnu" };

/** What the link is, changing nothing. */
export async function lienActivation(token: string): Promise<LienActivation> {
  const check = await checkToken(db(), token, "ACTIVATION");
  if (check.status === "inconnu") return check;
  if (check.status === "valide") return { status: "valide" };
  const usager = await db().usager.findUniqueOrThrow({
    where: { id: check.usagerId },
    select: { activatedAt: true, identifiant: true },
  });
  return { status: check.status, dejaActive: Boolean(usager.activatedAt), identifiant: usager.identifiant };
}

export async function activerEspace(token: string): Promise<Activation> {
  return db().$transaction(async (tx) => {
    const check = await checkToken(tx, token, "ACTIVATION");
    if (check.status === "inconnu") return check;
    const usager = await tx.usager.findUniqueOrThrow({ where: { id: check.usagerId } });
    if (check.status !== "valide" || !(await consumeToken(tx, check.tokenId))) {
      return { status: check.status === "expire" ? "expire" : "utilise", dejaActive: Boolean(usager.activatedAt) };
    }
    await tx.usager.update({ where: { id: usager.id }, data: { activatedAt: usager.activatedAt ?? new Date() } });
    await journal(tx, { event: "espace.active", actorKind: "USAGER", actorId: usager.id });
    return { status: "active", identifiant: usager.identifiant };
  });
}

/** A new link is not sent more than once a minute for one space (the answer stays the same). */
const RESEND_MIN_INTERVAL_MS = 60 * 1000;

/**
 * Sends a new activation link to a space not yet activated, found by an earlier link of its own (the expired
 * or used one) or by its courriel. Says nothing about whether such a space exists.
 */
export async function renvoyerActivation(by: { token: string } | { courriel: string }): Promise<void> {
  const commune = await getCommune();
  await db().$transaction(async (tx) => {
    let usagerId: string | undefined;
    if ("token" in by) {
      const check = await checkToken(tx, by.token, "ACTIVATION");
      usagerId = check.status === "inconnu" ? undefined : check.usagerId;
    } else {
      usagerId = (
        await tx.usager.findUnique({
          where: { courrielNormalise: by.courriel.trim().toLowerCase() },
          select: { id: true },
        })
      )?.id;
    }
    if (!usagerId) return;
    const usager = await tx.usager.findUniqueOrThrow({ where: { id: usagerId } });
    if (usager.activatedAt) return;
    const recent = await tx.usagerToken.findFirst({
      where: { usagerId, purpose: "ACTIVATION", createdAt: { gt: new Date(Date.now() - RESEND_MIN_INTERVAL_MS) } },
    });
    if (recent && !("token" in by)) return;
    await queueActivationMail(tx, usager, commune);
    await journal(tx, { event: "espace.lien_renvoye", actorKind: "USAGER", actorId: usager.id });
  });
}
