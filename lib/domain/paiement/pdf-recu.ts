// The reçu of a payment as a PDF: its number, the day the money was received, the mode, the amount, the invoices
// it paid (the part on each), and what the family still owes (or its credit) once it is counted. Never the
// family's bank details: a cheque's or transfer's reference is the régie's business, not the reçu's.
import { euros } from "@/lib/argent/argent";
import { entete, Redacteur, type CommunePdf } from "@/lib/pdf/redacteur";
import type { ModePaiement } from "@/lib/generated/prisma/enums";
import { modeEnClair } from "@/lib/domain/paiement/modes";
import { de } from "@/lib/texte/elision";

export type RecuPdf = {
  commune: CommunePdf;
  regie: string;
  numero: string;
  /** the day the money was received, "20/11/2026" */
  date: string;
  emisLe: string;
  mode: ModePaiement;
  montantCentimes: number;
  destinataire: string;
  cleEnfance: string;
  factures: { numero: string; periode: string; partCentimes: number; resteCentimes: number }[];
  /** what the payment did not pay yet: kept as the family's credit */
  nonAffecteCentimes: number;
  /** the family's balance once this payment is counted: > 0 still due, < 0 credit */
  soldeCentimes: number;
};

export async function recuPdf(r: RecuPdf): Promise<Uint8Array> {
  const p = await Redacteur.creer(`Reçu ${r.numero}`, `Commune ${de(r.commune.nom)}`);
  entete(p, r.commune, r.regie);
  p.ligne(`Reçu N° ${r.numero}`, { gras: true, taille: 16 });
  p.ligne(`Émis le ${r.emisLe}`);
  p.ligne(`Clé enfance : ${r.cleEnfance}`);
  p.espace(6);
  p.ligne(r.destinataire, { gras: true });
  p.espace(10);
  p.paragraphe(`La régie « ${r.regie} » a reçu le paiement suivant :`, 10);
  p.ligne("Date de réception", { droite: r.date });
  p.ligne("Mode de paiement", { droite: modeEnClair(r.mode) });
  p.ligne("Montant", { gras: true, droite: euros(r.montantCentimes) });
  p.espace(8);
  p.ligne("Factures réglées par ce paiement", { gras: true, taille: 11 });
  p.trait();
  if (r.factures.length === 0)
    p.paragraphe("Aucune facture à régler : le montant est gardé en avoir sur votre compte.");
  for (const f of r.factures) {
    p.ligne(`Facture N° ${f.numero} (${f.periode})`, { droite: euros(f.partCentimes) });
    p.ligne(f.resteCentimes > 0 ? `Reste à payer sur cette facture : ${euros(f.resteCentimes)}` : "Facture soldée", {
      taille: 9,
      x: 64,
    });
  }
  if (r.nonAffecteCentimes > 0 && r.factures.length > 0) {
    p.ligne("Gardé en avoir sur votre compte", { droite: euros(r.nonAffecteCentimes) });
  }
  p.espace(8);
  p.trait();
  if (r.soldeCentimes > 0) p.ligne("Reste à payer sur votre compte", { gras: true, droite: euros(r.soldeCentimes) });
  else if (r.soldeCentimes < 0) p.ligne("Avoir disponible", { gras: true, droite: euros(-r.soldeCentimes) });
  else p.ligne("Votre compte est à jour : plus rien à payer.", { gras: true });
  p.espace(10);
  p.paragraphe("Ce reçu atteste du paiement reçu par la régie. Conservez-le.", 8);
  return p.enregistrer();
}
