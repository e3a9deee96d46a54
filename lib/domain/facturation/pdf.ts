// Invoices and attestations fiscales as PDF (lib/pdf/redacteur.ts writes the page). An invoice
// says what a parent needs to check it and pay it: each line's days, the régularisations with their day and
// reason, what was already deducted, the due date, how to pay and, for a virement, the régie's IBAN/BIC and the
// reference to give.
import { euros } from "@/lib/argent/argent";
import type { DetailFacture } from "@/lib/domain/facturation/detail";
import { ibanEnClair } from "@/lib/argent/iban";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import { entete, Redacteur, type CommunePdf } from "@/lib/pdf/redacteur";
import { dateDeJour } from "@/lib/temps/jours";
import { de } from "@/lib/texte/elision";

export const MENTION_RECOURS =
  "Voies de recours : vous pouvez contester cette facture devant le tribunal administratif territorialement " +
  "compétent dans un délai de deux mois à compter de sa réception (article L1617-5 du code général des " +
  "collectivités territoriales). Pour toute question, contactez d'abord le service.";

function lignes(r: Redacteur, f: DetailFacture) {
  for (const enfant of f.enfants) {
    r.espace(4);
    r.ligne(enfant.nom, { gras: true, taille: 11 });
    r.trait();
    for (const l of enfant.lignes) {
      if (l.regularisation) {
        r.ligne(`Régularisation — ${l.libelle} : ${l.quantite} × ${euros(l.prixUnitaireCentimes)}`, {
          droite: euros(l.montantCentimes),
        });
        r.paragraphe(`${l.joursEnClair} : ${l.regularisation}`, 8, 14);
      } else {
        r.ligne(`${l.libelle} (${moisEnClair(l.mois)}) : ${l.quantite} × ${euros(l.prixUnitaireCentimes)}`, {
          droite: euros(l.montantCentimes),
        });
        if (l.jours.length > 0) r.paragraphe(`Jours : ${l.joursEnClair}`, 8, 14);
      }
    }
  }
}

function commentPayer(r: Redacteur, f: DetailFacture) {
  r.ligne("Comment payer", { gras: true });
  if (f.prelevement) {
    r.paragraphe(
      `Prélèvement automatique : ${euros(f.prelevement.montantCentimes)} sera prélevé le ${f.prelevement.date} sur votre compte (mandat ${f.prelevement.rum}). Vous n'avez rien à faire.`,
    );
    return;
  }
  r.paragraphe(`À régler avant le ${f.echeanceLe}. ${f.reglement.modesPaiement}`);
  if (f.reglement.iban) {
    r.paragraphe(
      `Par virement à la ${f.reglement.regie} — IBAN : ${ibanEnClair(f.reglement.iban)}` +
        (f.reglement.bic ? ` — BIC : ${f.reglement.bic}` : ""),
    );
    r.ligne(`Référence à indiquer : ${f.reglement.reference}`, { gras: true, taille: 9 });
  } else r.paragraphe(`Rappelez le numéro de facture ${f.numero}.`);
}

export async function facturePdf(commune: CommunePdf, f: DetailFacture): Promise<Uint8Array> {
  const r = await Redacteur.creer(`Facture ${f.numero}`, `Commune ${de(commune.nom)}`);
  entete(r, commune, f.reglement.regie);
  r.ligne(`Facture N° ${f.numero}`, { gras: true, taille: 16 });
  r.ligne(`Période : ${moisEnClair(f.periodeDebut)}`);
  r.ligne(`Émise le ${f.emiseLe} — à régler avant le ${f.echeanceLe}`);
  r.ligne(`Clé enfance : ${f.cleEnfance} — ${f.quotient}`);
  r.espace(6);
  r.ligne(f.destinataire, { gras: true });
  r.paragraphe(f.adresse, 10);
  r.espace(10);
  lignes(r, f);
  r.espace(6);
  r.trait();
  r.ligne("Total", { gras: true, droite: euros(f.totalCentimes) });
  for (const d of f.deductions) {
    r.ligne(`Déjà déduit : ${d.libelle} du ${dateFr(dateDeJour(d.date))}`, { droite: `− ${euros(d.montantCentimes)}` });
  }
  if (f.deductions.length === 0) r.ligne("Déjà payé", { droite: euros(0) });
  r.ligne("Reste à payer", { gras: true, droite: euros(f.resteCentimes) });
  if (f.avoir) r.ligne(`Facture annulée par l'avoir N° ${f.avoir.numero}.`, { gras: true });
  r.espace(12);
  commentPayer(r, f);
  r.espace(8);
  r.paragraphe(MENTION_RECOURS, 8);
  return r.enregistrer();
}

export type AttestationPdf = {
  commune: CommunePdf;
  regie: string;
  annee: number;
  destinataire: string;
  adresse: string;
  cleEnfance: string;
  enfants: { nom: string; naissance: string; montantCentimes: number }[];
  totalCentimes: number;
  faitLe: string;
  /** the year is not over: the amounts may still grow */
  provisoire: boolean;
};

export async function attestationPdf(a: AttestationPdf): Promise<Uint8Array> {
  const r = await Redacteur.creer(
    `Attestation fiscale ${a.annee}${a.provisoire ? " provisoire" : ""} ${a.cleEnfance}`,
    `Commune ${de(a.commune.nom)}`,
  );
  entete(r, a.commune, a.regie);
  r.ligne(`Attestation de frais de garde — année ${a.annee}${a.provisoire ? " (provisoire)" : ""}`, {
    gras: true,
    taille: 15,
  });
  if (a.provisoire) {
    r.paragraphe(
      `Attestation provisoire : l'année ${a.annee} n'est pas terminée, les sommes payées d'ici le 31 décembre ` +
        "s'y ajouteront. Téléchargez l'attestation définitive à partir du 1er janvier.",
      9,
    );
  }
  r.espace(4);
  r.paragraphe(
    `La commune ${de(a.commune.nom)} atteste que ${a.destinataire} (clé enfance ${a.cleEnfance}) a payé en ` +
      `${a.annee}, pour la garde hors du domicile des enfants de moins de six ans au 1er janvier ${a.annee}, ` +
      "les sommes suivantes (garderie périscolaire, hors repas) :",
    10,
  );
  r.espace(6);
  for (const e of a.enfants) r.ligne(`${e.nom}, né(e) le ${e.naissance}`, { droite: euros(e.montantCentimes) });
  r.trait();
  r.ligne("Total", { gras: true, droite: euros(a.totalCentimes) });
  r.espace(10);
  r.paragraphe(
    "Attestation délivrée pour servir et valoir ce que de droit (crédit d'impôt pour frais de garde des jeunes " +
      "enfants, article 200 quater B du code général des impôts). Les frais de repas en sont exclus.",
    9,
  );
  r.espace(6);
  r.ligne(`Fait à ${a.commune.nom}, le ${a.faitLe}.`);
  r.paragraphe(a.adresse ? `Adresse du foyer : ${a.adresse.replace(/\n/g, ", ")}` : "", 9);
  return r.enregistrer();
}
