// The recap mail of a family's bookings (emails/RecapReservations.tsx), queued in the caller's transaction: after
// a parent's save (to that parent), an agent's booking for the family, or an agent's decision on requests (to
// every representant with a space). Days and units only: never anything of the dossier santé.
import { createElement } from "react";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { jourEnClair, type Jour } from "@/lib/temps/jours";
import RecapReservations, {
  recapReservationsSubject,
  type LigneRecap,
  type RecapReservationsProps,
} from "@/emails/RecapReservations";
import RecapReservationsFamille, {
  recapReservationsFamilleSubject,
  type SectionRecap,
} from "@/emails/RecapReservationsFamille";
import type { Usager } from "@/lib/generated/prisma/client";

export type Destinataire = Pick<Usager, "id" | "courriel" | "civilite" | "nomUsage">;

/** The spaces told of a family's bookings: every representant's activated usager account. */
export async function espacesDeLaFamille(tx: Tx, familleId: string): Promise<Destinataire[]> {
  const representants = await tx.representant.findMany({
    where: { familleId, usager: { is: { activatedAt: { not: null } } } },
    orderBy: { id: "asc" },
    select: { usager: { select: { id: true, courriel: true, civilite: true, nomUsage: true } } },
  });
  return representants.flatMap((r) => (r.usager ? [r.usager] : []));
}

/** A day of the recap: « lundi 7 septembre 2026 : Menu Classique ». */
export const ligneRecap = (date: Jour, unite: string): LigneRecap => ({
  jour: `${jourEnClair(date)} ${date.slice(0, 4)}`,
  unite,
});

/** One mail per space, about one child's inscription. */
export async function envoyerRecap(
  tx: Tx,
  {
    destinataires,
    enfantId,
    inscriptionId,
    recap,
  }: {
    destinataires: Destinataire[];
    enfantId: string;
    inscriptionId: string;
    recap: Omit<RecapReservationsProps, "salutation" | "lien">;
  },
): Promise<void> {
  // the month view of that inscription (the page takes it as ?inscription=, see its page.tsx)
  const lien = `${config.appUrl}/famille/enfants/${enfantId}/reservations?inscription=${inscriptionId}`;
  const sujet = recapReservationsSubject(recap.enfant, recap.origine);
  for (const usager of destinataires) {
    const element = createElement(RecapReservations, { ...recap, salutation: salutation(usager), lien });
    await enqueueMail(tx, await renderMail(usager.courriel, sujet, element));
  }
}

/** One mail for the family's save (the family booking view), to the parent who saved: one section per child × activity. */
export async function envoyerRecapFamille(
  tx: Tx,
  { destinataire, sections }: { destinataire: Destinataire; sections: SectionRecap[] },
): Promise<void> {
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 }, select: { nom: true } });
  const lien = `${config.appUrl}/famille/reservations`;
  const element = createElement(RecapReservationsFamille, {
    commune: commune.nom,
    salutation: salutation(destinataire),
    sections,
    lien,
  });
  await enqueueMail(tx, await renderMail(destinataire.courriel, recapReservationsFamilleSubject(sections), element));
}
