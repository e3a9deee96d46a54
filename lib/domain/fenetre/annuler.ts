// Cancels a booking window while it collects requests (before its close), in ONE transaction: the window moves through its gate
// (COLLECTE → ANNULEE, the motif required, history written), each of its requests (DEMANDEE days of its units
// between debut and fin) is withdrawn through the reservation's gate (annulerAvecFenetre, by the system: the
// window's cancellation is the cause, the agent is named in the window's history), and each family that asked
// gets one mail, queued in the same transaction so it leaves only after commit.
import { createElement } from "react";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import { franchirFenetre } from "@/lib/domain/fenetre/transitions";
import { franchir, type JourDeplace } from "@/lib/domain/reservation/franchir";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { jourDeDate, joursEnClair } from "@/lib/temps/jours";
import PeriodeAnnulee, { periodeAnnuleeSubject } from "@/emails/PeriodeAnnulee";

export async function annulerFenetre({
  fenetreId,
  agentId,
  motif,
  now,
}: {
  fenetreId: number;
  agentId: string;
  motif: string;
  now: Date;
}): Promise<{ demandesRetirees: number; familles: number }> {
  return db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const fenetre = await tx.fenetreReservation.findUnique({
      where: { id: fenetreId },
      select: { libelle: true, debut: true, fin: true, fermeture: true, unites: { select: { uniteId: true } } },
    });
    if (!fenetre) throw new AppError("introuvable", "Cette période de réservation n'existe pas.");
    // once closed, its requests are the allocation's: they are allocated, not withdrawn
    if (now >= fenetre.fermeture)
      throw new AppError(
        "close",
        "Cette période est close : ses demandes sont à attribuer, elle ne peut plus être annulée.",
      );
    await franchirFenetre(tx, {
      fenetreId,
      transition: "annuler",
      acteur: "AGENT",
      acteurId: agentId,
      motif: motif.trim(),
      now,
    });
    const demandes = await tx.reservation.findMany({
      where: {
        statut: "DEMANDEE",
        uniteId: { in: fenetre.unites.map((u) => u.uniteId) },
        date: { gte: fenetre.debut, lte: fenetre.fin },
      },
      select: { id: true },
    });
    const retirees = await franchir(tx, {
      ids: demandes.map((d) => d.id),
      transition: "annulerAvecFenetre",
      acteur: { kind: "SYSTEME" },
      motif: motif.trim(),
      now,
    });
    const familles = await prevenirFamilles(tx, { retirees, periode: fenetre.libelle, motif: motif.trim() });
    return { demandesRetirees: retirees.length, familles };
  });
}

/** One mail per family that asked, to every representant with a space: each child's first name and days. */
async function prevenirFamilles(
  tx: Tx,
  { retirees, periode, motif }: { retirees: JourDeplace[]; periode: string; motif: string },
): Promise<number> {
  if (retirees.length === 0) return 0;
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
  const prenoms = new Map(
    (
      await tx.enfant.findMany({
        where: { id: { in: [...new Set(retirees.map((r) => r.enfantId))] } },
        select: { id: true, prenoms: true },
      })
    ).map((e) => [e.id, e.prenoms.split(/\s+/)[0]!]),
  );
  const representants = await tx.representant.findMany({
    where: { familleId: { in: [...new Set(retirees.map((r) => r.familleId))] }, usager: { isNot: null } },
    orderBy: { id: "asc" },
    select: { familleId: true, usager: { select: { courriel: true } } },
  });
  const courriels = new Map<string, string[]>();
  for (const r of representants)
    if (r.usager) courriels.set(r.familleId, [...(courriels.get(r.familleId) ?? []), r.usager.courriel]);
  for (const [familleId, a] of courriels) {
    const jours = new Map<string, string[]>();
    for (const r of retirees.filter((t) => t.familleId === familleId)) {
      const prenom = prenoms.get(r.enfantId) ?? "Votre enfant";
      jours.set(prenom, [...(jours.get(prenom) ?? []), jourDeDate(r.date)]);
    }
    const props = {
      commune: commune.nom,
      serviceNom: commune.serviceNom,
      periode,
      demandes: [...jours].map(([prenom, j]) => `${prenom} : ${joursEnClair(j)}`),
      motif,
      lien: `${config.appUrl}/famille/reservations`,
    };
    const mail = await renderMail("", periodeAnnuleeSubject, createElement(PeriodeAnnulee, props));
    await enqueueMail(tx, { ...mail, to: a.join(", ") });
  }
  return courriels.size;
}
