// The current password asked again before a sensitive change (courriel, password, deletion of the space).
// A stolen session must not turn into unlimited guesses: failures count in the login throttle of the
// space's identifiant (and of the IP), so five wrong tries here or at the login page lock both for a while.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatParis } from "@/lib/temps/dates";
import { journal } from "@/lib/journal";
import { verifyPassword } from "@/lib/auth/password";
import { loginLockedUntil, reserverEssai } from "@/lib/auth/throttle";
import type { Usager } from "@/lib/generated/prisma/client";

export const CHAMP_MOT_DE_PASSE_ACTUEL = "motDePasseActuel";

/** Throws a French AppError beside the field when the password is wrong or too many tries were made. */
export async function verifierMotDePasseActuel(
  usager: Pick<Usager, "id" | "identifiantNormalise">,
  motDePasse: string,
  ip: string,
): Promise<void> {
  const identifiant = usager.identifiantNormalise;
  const bloque = (jusqua: Date) =>
    new AppError(
      "trop_essais",
      `Trop d'essais de mot de passe : réessayez à partir de ${formatParis(jusqua, "HH:mm")}.`,
      CHAMP_MOT_DE_PASSE_ACTUEL,
    );
  // counted before it is checked, so parallel guesses cannot all be tried
  const essai = await reserverEssai("USAGER", identifiant, ip);
  if ("bloqueJusqua" in essai) throw bloque(essai.bloqueJusqua);
  // read again: the session's copy may predate a password change made from another browser
  const { passwordHash } = await db().usager.findUniqueOrThrow({
    where: { id: usager.id },
    select: { passwordHash: true },
  });
  if (motDePasse && (await verifyPassword(passwordHash, motDePasse))) {
    // the right password is no guess (and, unlike a login, clears no earlier failure)
    await db().loginAttempt.delete({ where: { id: essai.essaiId } });
    return;
  }
  await journal(db(), { event: "mot_de_passe.confirmation_refusee", actorKind: "USAGER", actorId: usager.id, ip });
  const now = await loginLockedUntil(db(), "USAGER", identifiant, ip);
  if (now) throw bloque(now);
  throw new AppError(
    "mot_de_passe_actuel",
    "Ce mot de passe n'est pas celui de votre espace.",
    CHAMP_MOT_DE_PASSE_ACTUEL,
  );
}
