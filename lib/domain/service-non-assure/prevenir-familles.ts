import { createElement } from "react";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { jourEnClair, type Jour } from "@/lib/temps/jours";
import ServiceNonAssure, { serviceNonAssureSubject } from "@/emails/ServiceNonAssure";
import type { MotifNonAssure } from "@/lib/generated/prisma/client";

/** One mail per family, to every representant with a space (one message, several recipients). */
export async function prevenirFamilles(
  tx: Tx,
  {
    familles,
    debut,
    fin,
    motif,
    lieu,
    type,
    retabli = false,
  }: {
    familles: string[];
    debut: Jour;
    fin: Jour;
    motif: MotifNonAssure;
    lieu: string;
    type: "RESTAURATION" | "GARDERIE";
    retabli?: boolean;
  },
) {
  if (familles.length === 0) return;
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
  const props = {
    commune: commune.nom,
    service: type === "RESTAURATION" ? "de restauration" : "de garderie",
    periode: debut === fin ? `du ${jourEnClair(debut)}` : `du ${jourEnClair(debut)} au ${jourEnClair(fin)}`,
    lieu,
    raison: MOTIFS_NON_ASSURE[motif].raison,
    retabli,
    serviceNom: commune.serviceNom,
    lien: `${config.appUrl}/mon-espace`,
  };
  const mail = await renderMail("", serviceNonAssureSubject(props), createElement(ServiceNonAssure, props));
  const representants = await tx.representant.findMany({
    where: { familleId: { in: familles }, usager: { isNot: null } },
    orderBy: { id: "asc" },
    select: { familleId: true, usager: { select: { courriel: true } } },
  });
  const parFamille = new Map<string, string[]>();
  for (const r of representants)
    if (r.usager) parFamille.set(r.familleId, [...(parFamille.get(r.familleId) ?? []), r.usager.courriel]);
  for (const courriels of parFamille.values()) await enqueueMail(tx, { ...mail, to: courriels.join(", ") });
}
