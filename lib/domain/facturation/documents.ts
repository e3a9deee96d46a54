// The PDFs as the routes hand them out: an invoice for whoever may read it, an attestation fiscale of a household.
import "server-only";
import { db } from "@/lib/db";
import { attestationFiscale } from "@/lib/domain/facturation/attestation";
import { dateFr, moisEnClair } from "@/lib/domain/facturation/periode";
import { parametresFacturation } from "@/lib/domain/facturation/parametres";
import { attestationPdf, facturePdf } from "@/lib/domain/facturation/pdf";
import { anneesDePaiement, factureALire, type Lecteur } from "@/lib/domain/facturation/queries";
import { jourDeDate, jourParis } from "@/lib/temps/jours";
import { formatParis } from "@/lib/temps/dates";

async function communeEtRegie() {
  const [commune, parametres] = await Promise.all([
    db().commune.findUniqueOrThrow({ where: { id: 1 } }),
    parametresFacturation(),
  ]);
  return { commune, parametres };
}

export async function pdfDeFacture(lecteur: Lecteur, numero: string, now: Date) {
  const facture = await factureALire(lecteur, numero, jourParis(now));
  if (!facture) return null;
  const { commune, parametres } = await communeEtRegie();
  const bytes = await facturePdf({
    commune,
    regie: parametres.regie,
    modesPaiement: parametres.modesPaiement,
    numero: facture.numero,
    periode: moisEnClair(jourDeDate(facture.periodeDebut)),
    emiseLe: dateFr(facture.emiseLe),
    echeanceLe: dateFr(facture.echeanceLe),
    destinataire: facture.destinataire,
    adresse: facture.adresse,
    cleEnfance: facture.famille.cleEnfance,
    quotient: facture.qfNonCommunique
      ? "QF non communiqué (tarif de la tranche la plus haute)"
      : `Quotient familial : ${facture.quotient} €`,
    lignes: facture.lignes.map((l) => ({ ...l, mois: moisEnClair(jourDeDate(l.mois)) })),
    totalCentimes: facture.totalCentimes,
    payeCentimes: facture.payeCentimes,
    avoir: facture.avoir?.numero ?? null,
  });
  return { bytes, nom: `facture-${facture.numero}.pdf` };
}

export async function pdfAttestation(familleId: string, annee: number, now: Date) {
  // only a year the household paid something in, the years its pages offer (issue 30): not any year 2000–2099
  if (!(await anneesDePaiement(familleId)).includes(annee)) return null;
  const attestation = await attestationFiscale(familleId, annee);
  if (!attestation) return null;
  const { commune, parametres } = await communeEtRegie();
  const bytes = await attestationPdf({
    commune,
    regie: parametres.regie,
    annee,
    destinataire: attestation.destinataire,
    adresse: attestation.adresse,
    cleEnfance: attestation.cleEnfance,
    enfants: attestation.enfants.map((e) => ({ ...e, naissance: dateFr(e.dateNaissance) })),
    totalCentimes: attestation.totalCentimes,
    faitLe: formatParis(now, "dd/MM/yyyy"),
  });
  return { bytes, nom: `attestation-fiscale-${annee}-${attestation.cleEnfance}.pdf` };
}
