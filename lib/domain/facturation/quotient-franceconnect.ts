// The FranceConnect modality of the QF: FranceConnect's access token (scope cnaf_quotient_familial) exists only
// in the sign-in's callback (lib/auth/oidc.ts), where it is used at once and never kept. « Mettre à jour depuis
// la CAF ou la MSA » of a parent signed in with FranceConnect signs in again, back to « Mon quotient familial »:
// there, for a family that consented, the QF is read with that token; the page then says what came of it.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { ErreurApiParticulier, type ReglagesApiParticulier } from "@/lib/api-particulier/client";
import { lireQuotientCaf } from "@/lib/domain/facturation/quotient-caf";

export const PAGE_QUOTIENT = "/famille/quotient";

/** The outcomes the page words (its `?lecture=`). */
export type IssueLecture = "nouveau" | "inchange" | "sans_consentement" | ErreurApiParticulier["type"];

/**
 * At a FranceConnect sign-in whose return is « Mon quotient familial »: reads the QF with the access token and
 * returns the page to go to with the outcome; any other return, or no API Particulier, is left as it is.
 */
export async function lectureALaConnexion({
  suite,
  franceconnectSub,
  accessToken,
  reglages,
  now,
}: {
  suite: string;
  franceconnectSub: string;
  accessToken: string | undefined;
  reglages: ReglagesApiParticulier | undefined;
  now: Date;
}): Promise<string> {
  if (!reglages || !accessToken || suite.split("?")[0] !== PAGE_QUOTIENT) return suite;
  const representant = await db().representant.findFirst({
    where: { usager: { franceconnectSub } },
    select: { familleId: true, usagerId: true },
  });
  if (!representant?.usagerId) return suite;
  let issue: IssueLecture;
  try {
    const lu = await lireQuotientCaf({
      familleId: representant.familleId,
      par: { kind: "USAGER", id: representant.usagerId },
      reglages: { ...reglages, delaiMs: 5_000 },
      now,
      accessToken,
    });
    issue = lu?.nouveau ? "nouveau" : "inchange";
  } catch (error) {
    if (error instanceof ErreurApiParticulier) issue = error.type;
    else if (error instanceof AppError && error.code === "sans_consentement") issue = "sans_consentement";
    else {
      // the sign-in goes on whatever happens here
      log.warn({ evenement: "quotient.franceconnect.echec" }, "lecture du QF à la connexion échouée");
      issue = "indisponible";
    }
  }
  return `${PAGE_QUOTIENT}?lecture=${issue}`;
}
