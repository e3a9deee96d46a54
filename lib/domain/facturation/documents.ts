// The PDFs as the routes hand them out: an invoice for whoever may read it, an attestation fiscale of a household
// (« provisoire » while its year is not over).
import "server-only";
import { db } from "@/lib/db";
import { attestationFiscale, attestationProvisoire } from "@/lib/domain/facturation/attestation";
import { detailFacture } from "@/lib/domain/facturation/detail";
import { dateFr } from "@/lib/temps/periode";
import { parametresFacturation } from "@/lib/domain/facturation/parametres";
import { attestationPdf, facturePdf } from "@/lib/domain/facturation/pdf";
import { anneesDePaiement, type Lecteur } from "@/lib/domain/facturation/queries";
import { formatParis } from "@/lib/temps/dates";

async function communeEtRegie() {
  const [commune, parametres] = await Promise.all([
    db().commune.findUniqueOrThrow({ where: { id: 1 } }),
    parametresFacturation(),
  ]);
  return { commune, parametres };
}

export async function pdfDeFacture(lecteur: Lecteur, numero: string, now: Date) {
  const detail = await detailFacture(lecteur, numero, now);
  if (!detail) return null;
  const commune = await db().commune.findUniqueOrThrow({ where: { id: 1 } });
  return { bytes: await facturePdf(commune, detail), nom: `facture-${detail.numero}.pdf` };
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
    provisoire: attestationProvisoire(annee, now),
  });
  return { bytes, nom: `attestation-fiscale-${annee}-${attestation.cleEnfance}.pdf` };
}
