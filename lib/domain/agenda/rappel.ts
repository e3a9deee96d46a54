// The reminder the day before a booking cutoff (the « rappels.cloture » job, lib/jobs/taches.ts): each space that
// asked for it (Usager.rappelCloture) whose family has days not booked in the week a cutoff of tomorrow closes
// gets one mail per cutoff. The RappelCloture row is written in the same transaction as the mail (outbox), and its
// key (space, cutoff) makes a second run, or two nodes at once, send nothing more. No health data in it.
import { createElement } from "react";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { jourEnClair } from "@/lib/temps/jours";
import RappelCloture, { rappelClotureSubject } from "@/emails/RappelCloture";
import { clotureEnClair, joursCourts, rappelsDuLendemain } from "@/lib/domain/agenda/cloture";
import { servicesDesFamilles } from "@/lib/domain/agenda/queries";

/** Sends the reminders due at `now`; returns how many mails were queued. */
export async function envoyerRappelsCloture(now: Date): Promise<number> {
  const representants = await db().representant.findMany({
    where: { usager: { is: { rappelCloture: true, activatedAt: { not: null } } } },
    select: { familleId: true, usager: { select: { id: true, courriel: true, civilite: true, nomUsage: true } } },
  });
  if (representants.length === 0) return 0;
  const familles = await servicesDesFamilles([...new Set(representants.map((r) => r.familleId))], now);
  const commune = await db().commune.findUniqueOrThrow({ where: { id: 1 }, select: { nom: true } });
  let envoyes = 0;
  for (const { familleId, usager } of representants) {
    if (!usager) continue;
    const { services, reserves } = familles.get(familleId)!;
    for (const { cloture, semaine, nonReserves } of rappelsDuLendemain(services, reserves, now)) {
      const element = createElement(RappelCloture, {
        commune: commune.nom,
        salutation: salutation(usager),
        cloture: clotureEnClair(cloture, now),
        semaine: `du ${jourEnClair(semaine)}`,
        enfants: nonReserves.map((e) => ({
          prenom: e.prenom,
          jours: joursCourts(e.jours),
          lien: `${config.appUrl}/famille/enfants/${e.enfantId}/reservations`,
        })),
        accueil: `${config.appUrl}/mon-espace`,
      });
      const mail = await renderMail(usager.courriel, rappelClotureSubject, element);
      const envoye = await db().$transaction(async (tx) => {
        const { count } = await tx.rappelCloture.createMany({
          data: [{ usagerId: usager.id, cloture: cloture.instant, envoyeLe: now }],
          skipDuplicates: true,
        });
        if (count === 0) return false;
        await enqueueMail(tx, mail);
        return true;
      });
      if (envoye) envoyes++;
    }
  }
  return envoyes;
}
