// The reminder when a child's DT-Polio is out of date (the « rappels.vaccins » job, lib/jobs/taches.ts): for each
// child whose last validated dossier santé says « à mettre à jour » on `now`'s day (vaccins.ts), and no update of
// it waits for the agents, each representant of its family with an active space gets one mail per booster due
// (RappelVaccin, unique per child and due date, written in the mail's transaction: a second run, or two nodes at
// once, send nothing more). The mail names the child only: no vaccine, no date (emails/RappelVaccin.tsx).
import { createElement } from "react";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { jourParis } from "@/lib/temps/jours";
import { dateDeJour, jourDeDate } from "@/lib/temps/jours-calcul";
import RappelVaccin, { rappelVaccinSubject } from "@/emails/RappelVaccin";
import { EN_COURS } from "@/lib/domain/demande/queries";
import { ouvrirFiche } from "@/lib/domain/sante/coffre";
import { derniereDtPolio } from "@/lib/domain/sante/suivi";
import { statutDtPolio } from "@/lib/domain/sante/vaccins";

/** Sends the reminders due on `now`'s day; returns how many children were reminded. */
export async function envoyerRappelsVaccin(now: Date): Promise<number> {
  const aujourdhui = jourParis(now);
  const enfants = await db().enfant.findMany({
    where: {
      dossiersSante: { some: {} },
      NOT: { demandes: { some: { type: "DOSSIER_SANTE", statut: { in: EN_COURS } } } },
    },
    select: {
      id: true,
      prenoms: true,
      dateNaissance: true,
      dossiersSante: { orderBy: { version: "desc" }, take: 1 },
      familles: {
        select: {
          famille: {
            select: {
              representants: {
                where: { usager: { is: { activatedAt: { not: null } } } },
                select: { usager: { select: { courriel: true, civilite: true, nomUsage: true } } },
              },
            },
          },
        },
      },
    },
  });
  const commune = await db().commune.findUniqueOrThrow({ where: { id: 1 }, select: { nom: true } });
  let envoyes = 0;
  for (const enfant of enfants) {
    const statut = statutDtPolio({
      naissance: jourDeDate(enfant.dateNaissance),
      derniere: derniereDtPolio(ouvrirFiche(enfant.dossiersSante[0]!)),
      aujourdhui,
    });
    if (statut.statut !== "A_METTRE_A_JOUR") continue;
    const prenom = enfant.prenoms.split(/\s+/)[0] ?? enfant.prenoms;
    const lien = `${config.appUrl}/famille/enfants/${enfant.id}/sante/mettre-a-jour`;
    const usagers = enfant.familles.flatMap((f) =>
      f.famille.representants.flatMap((r) => (r.usager ? [r.usager] : [])),
    );
    const courriels = [...new Map(usagers.map((u) => [u.courriel, u])).values()];
    if (courriels.length === 0) continue;
    const mails = await Promise.all(
      courriels.map((usager) =>
        renderMail(
          usager.courriel,
          rappelVaccinSubject(prenom),
          createElement(RappelVaccin, { commune: commune.nom, salutation: salutation(usager), prenom, lien }),
        ),
      ),
    );
    const envoye = await db().$transaction(async (tx) => {
      const { count } = await tx.rappelVaccin.createMany({
        data: [{ enfantId: enfant.id, echeance: dateDeJour(statut.echeance), envoyeLe: now }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      for (const mail of mails) await enqueueMail(tx, mail);
      return true;
    });
    if (envoye) envoyes++;
  }
  return envoyes;
}
