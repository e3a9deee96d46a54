// The result of a window's allocation, mailed to each family in the allocation's transaction (the outbox: they
// leave after commit, never after a rollback): per child and unit the days obtained, the days on the waiting list
// with the rank, and the reason in words. Rendered in bulk: one insert of every mail and one wake-up of the queue.
import { createElement } from "react";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { reveillerCourriels } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { jourDeDate, joursEnClair } from "@/lib/temps/jours";
import { LIBELLES_CRITERE } from "@/lib/domain/fenetre/criteres";
import type { Classe } from "@/lib/domain/fenetre/attribuer";
import type { CriterePriorite } from "@/lib/generated/prisma/enums";
import ResultatAttribution, { resultatAttributionSubject, type ResultatEnfant } from "@/emails/ResultatAttribution";

const points = (n: number) => `${n} point${Math.abs(n) > 1 ? "s" : ""}`;

/**
 * « priorité : frère ou sœur inscrit (30 points), résident de la commune (20 points) ; à égalité, tirage au sort
 * (graine publiée : 7f3a9c) »: what a family reads, from the journal's row and the window's published criteria.
 */
export function raisonEnClair(
  criteresRemplis: readonly CriterePriorite[],
  criteres: readonly { critere: CriterePriorite; points: number }[],
  graine: string,
): string {
  const remplis = criteres.filter((c) => criteresRemplis.includes(c.critere));
  const priorite =
    remplis.length > 0
      ? `priorité : ${remplis.map((c) => `${LIBELLES_CRITERE[c.critere]} (${points(c.points)})`).join(", ")}`
      : "aucune priorité retenue";
  return `${priorite} ; à égalité, tirage au sort (graine publiée : ${graine})`;
}

export async function envoyerResultats(
  tx: Tx,
  {
    fenetre,
    classes,
  }: {
    fenetre: { libelle: string; graine: string; criteres: { critere: CriterePriorite; points: number }[] };
    classes: Classe[];
  },
): Promise<void> {
  if (classes.length === 0) return;
  const familles = [...new Set(classes.map((c) => c.familleId))];
  const [commune, enfants, unites, representants] = await Promise.all([
    tx.commune.findUniqueOrThrow({ where: { id: 1 }, select: { nom: true } }),
    tx.enfant.findMany({
      where: { id: { in: [...new Set(classes.map((c) => c.enfantId))] } },
      select: { id: true, prenoms: true },
    }),
    tx.unite.findMany({
      where: { id: { in: [...new Set(classes.map((c) => c.uniteId))] } },
      select: { id: true, libelle: true, ordre: true },
    }),
    tx.representant.findMany({
      where: { familleId: { in: familles }, usager: { is: { activatedAt: { not: null } } } },
      orderBy: { id: "asc" },
      select: { familleId: true, usager: { select: { courriel: true, civilite: true, nomUsage: true } } },
    }),
  ]);
  const prenom = new Map(enfants.map((e) => [e.id, e.prenoms]));
  const unite = new Map(unites.map((u) => [u.id, u]));
  const parFamille = new Map<string, Classe[]>();
  for (const c of classes) parFamille.set(c.familleId, [...(parFamille.get(c.familleId) ?? []), c]);
  const lien = `${config.appUrl}/famille/reservations`;
  const sujet = resultatAttributionSubject(fenetre.libelle);
  const mails = [];
  for (const r of representants) {
    const resultats: ResultatEnfant[] = [...(parFamille.get(r.familleId) ?? [])]
      .sort(
        (a, b) =>
          prenom.get(a.enfantId)!.localeCompare(prenom.get(b.enfantId)!, "fr") ||
          unite.get(a.uniteId)!.ordre - unite.get(b.uniteId)!.ordre,
      )
      .map((c) => ({
        enfant: prenom.get(c.enfantId)!,
        unite: unite.get(c.uniteId)!.libelle,
        obtenus: joursEnClair(c.attribues.map((d) => jourDeDate(d.date))),
        enAttente: joursEnClair(c.enAttente.map((d) => jourDeDate(d.date))),
        rang: c.rang,
        raison: raisonEnClair(c.criteres, fenetre.criteres, fenetre.graine),
      }));
    const element = createElement(ResultatAttribution, {
      commune: commune.nom,
      salutation: salutation(r.usager!),
      libelle: fenetre.libelle,
      resultats,
      lien,
    });
    mails.push(await renderMail(r.usager!.courriel, sujet, element));
  }
  await tx.outboxMail.createMany({ data: mails });
  await reveillerCourriels(tx);
}
