import { createElement } from "react";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { jourDeDate, jourEnClair, joursEnClair, type Jour } from "@/lib/temps/jours";
import ServiceNonAssure, { serviceNonAssureSubject } from "@/emails/ServiceNonAssure";
import type { MotifNonAssure } from "@/lib/generated/prisma/client";

type Type = "RESTAURATION" | "GARDERIE";
/** A booking the declaration (or its undo) moved, with its service. */
export type Touchee = { familleId: string; enfantId: string; date: Date; type: Type; lieu: string };

const SERVICE: Record<Type, string> = { RESTAURATION: "de restauration", GARDERIE: "de garderie" };
const TYPES: Type[] = ["RESTAURATION", "GARDERIE"];
const NOM: Record<Type, string> = { RESTAURATION: "restauration", GARDERIE: "garderie" };

const liste = (mots: string[]) =>
  mots.length <= 1 ? (mots[0] ?? "") : `${mots.slice(0, -1).join(", ")} et ${mots.at(-1)!}`;

/**
 * ONE mail per family for the whole declaration (several activities and lieux), to every representant with a
 * space (one message, several recipients), listing each of its children's days touched, per service: the
 * child's first name, the service and lieu, the days; never a unit's name (a vegetarian menu says something of
 * a dossier santé).
 */
export async function prevenirFamilles(
  tx: Tx,
  {
    touchees,
    debut,
    fin,
    motif,
    retabli = false,
  }: { touchees: Touchee[]; debut: Jour; fin: Jour; motif: MotifNonAssure; retabli?: boolean },
): Promise<number> {
  if (touchees.length === 0) return 0;
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
  const enfants = new Map(
    (
      await tx.enfant.findMany({
        where: { id: { in: [...new Set(touchees.map((t) => t.enfantId))] } },
        select: { id: true, prenoms: true },
      })
    ).map((e) => [e.id, e.prenoms.split(/\s+/)[0]!]),
  );
  const representants = await tx.representant.findMany({
    where: { familleId: { in: [...new Set(touchees.map((t) => t.familleId))] }, usager: { isNot: null } },
    orderBy: { id: "asc" },
    select: { familleId: true, usager: { select: { courriel: true } } },
  });
  const parFamille = new Map<string, string[]>();
  for (const r of representants)
    if (r.usager) parFamille.set(r.familleId, [...(parFamille.get(r.familleId) ?? []), r.usager.courriel]);
  const periode = debut === fin ? `du ${jourEnClair(debut)}` : `du ${jourEnClair(debut)} au ${jourEnClair(fin)}`;
  let envoyes = 0;
  for (const [familleId, courriels] of parFamille) {
    const siennes = touchees.filter((t) => t.familleId === familleId);
    const lignes = new Map<string, Jour[]>();
    for (const t of siennes) {
      const cle = `${enfants.get(t.enfantId) ?? "Votre enfant"} : ${NOM[t.type]} (${t.lieu})`;
      lignes.set(cle, [...(lignes.get(cle) ?? []), jourDeDate(t.date)]);
    }
    const props = {
      commune: commune.nom,
      service: liste(TYPES.filter((type) => siennes.some((t) => t.type === type)).map((t) => SERVICE[t])),
      periode,
      lieu: liste([...new Set(siennes.map((t) => t.lieu))].sort((a, b) => a.localeCompare(b, "fr"))),
      raison: MOTIFS_NON_ASSURE[motif].raison,
      jours: [...lignes].map(([ligne, jours]) => `${ligne}, ${joursEnClair(jours)}`),
      retabli,
      serviceNom: commune.serviceNom,
      lien: `${config.appUrl}/mon-espace`,
    };
    const mail = await renderMail("", serviceNonAssureSubject(props), createElement(ServiceNonAssure, props));
    await enqueueMail(tx, { ...mail, to: courriels.join(", ") });
    envoyes += 1;
  }
  return envoyes;
}
