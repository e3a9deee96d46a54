// The reçu of a payment (issue 24): every payment recorded, whatever its mode (cheque, cash, CESU, virement at the
// régie; a card through PayFiP), gets a number in the gap-free série RE of its year and a mail to each
// representant with a space, the reçu's PDF attached. Written inside the payment's own transaction, after its
// allocation: no payment without its reçu, no reçu number used by a payment that was rolled back.
import "server-only";
import { createElement } from "react";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { euros } from "@/lib/argent/argent";
import { formaterNumero, reserverNumeros } from "@/lib/argent/numerotation";
import { modeEnClair } from "@/lib/domain/paiement/modes";
import { recuPdf } from "@/lib/domain/paiement/pdf-recu";
import { contenuRecu } from "@/lib/domain/paiement/recu-contenu";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { jourParis } from "@/lib/temps/jours";
import RecuPaiement, { recuPaiementSubject } from "@/emails/RecuPaiement";

export const SERIE_RECU = "RE";
export const NUMERO_RECU = /^RE-\d{4}-\d{6}$/;

/** The commune and its régie, as the reçu's header names them. */
async function entete(client: Tx) {
  const [commune, parametres] = await Promise.all([
    client.commune.findUniqueOrThrow({ where: { id: 1 } }),
    client.parametresFacturation.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} }),
  ]);
  return { commune, regie: parametres.regie };
}

/** Numbers the payment's reçu and queues its mail with the PDF; a payment that has one already is left alone. */
export async function emettreRecu(tx: Tx, paiementId: string, now: Date): Promise<void> {
  const deja = await tx.paiement.findUniqueOrThrow({ where: { id: paiementId }, select: { recuNumero: true } });
  if (deja.recuNumero) return;
  const annee = Number(jourParis(now).slice(0, 4));
  const sequence = await reserverNumeros(tx, SERIE_RECU, annee, 1);
  await tx.paiement.update({
    where: { id: paiementId },
    data: { recuNumero: formaterNumero(SERIE_RECU, annee, sequence) },
  });
  const contenu = (await contenuRecu(tx, paiementId, now))!;
  const { commune, regie } = await entete(tx);
  const pdf = await recuPdf({ ...contenu.pdf, commune, regie });
  const representants = await tx.representant.findMany({
    where: { familleId: contenu.familleId, usagerId: { not: null } },
    select: { civilite: true, nomUsage: true, usager: { select: { courriel: true } } },
    orderBy: { role: "asc" },
  });
  const { numero } = contenu.pdf;
  for (const r of representants) {
    if (!r.usager) continue;
    const element = createElement(RecuPaiement, {
      commune: commune.nom,
      salutation: salutation(r),
      numero,
      montant: euros(contenu.pdf.montantCentimes),
      mode: modeEnClair(contenu.pdf.mode),
      date: contenu.pdf.date,
      lien: `${config.appUrl}/factures`,
    });
    await enqueueMail(tx, await renderMail(r.usager.courriel, recuPaiementSubject(numero), element), [
      { nom: `recu-${numero}.pdf`, typeMime: "application/pdf", contenu: pdf },
    ]);
  }
}

/**
 * A reçu's PDF for a representant of its family (`usagerId`) or an agent; null for anyone else, as for a number
 * that does not exist.
 */
export async function pdfDeRecu(lecteur: { usagerId: string } | { agent: true }, numero: string) {
  const paiement = await db().paiement.findFirst({
    where: {
      recuNumero: numero,
      ...("agent" in lecteur ? {} : { famille: { representants: { some: { usagerId: lecteur.usagerId } } } }),
    },
    select: { id: true, creeLe: true },
  });
  if (!paiement) return null;
  const client: Tx = db();
  const contenu = (await contenuRecu(client, paiement.id, paiement.creeLe))!;
  const bytes = await recuPdf({ ...contenu.pdf, ...(await entete(client)) });
  return { bytes, nom: `recu-${numero}.pdf` };
}
