// Invoices and attestations fiscales as PDF (pdf-lib, pure JavaScript, standard Helvetica): A4, text only, the
// document's number in its title so a reader (and a test) finds it without parsing the page.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { euros } from "@/lib/domain/facturation/argent";

const MARGE = 50;
const LARGEUR = 595.28;
const HAUTEUR = 841.89;

/** A cursor writing lines down A4 pages, a new page when the bottom is reached. */
class Redacteur {
  private page!: PDFPage;
  private y = 0;
  private constructor(
    readonly doc: PDFDocument,
    private readonly normal: PDFFont,
    private readonly gras: PDFFont,
  ) {
    this.nouvellePage();
  }

  static async creer(titre: string, auteur: string) {
    const doc = await PDFDocument.create();
    doc.setTitle(titre);
    doc.setAuthor(auteur);
    doc.setSubject(titre);
    doc.setKeywords([titre]);
    doc.setLanguage("fr-FR");
    doc.setProducer("Portail Famille");
    doc.setCreationDate(new Date(0));
    doc.setModificationDate(new Date(0));
    const [normal, gras] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
    ]);
    return new Redacteur(doc, normal, gras);
  }

  private nouvellePage() {
    this.page = this.doc.addPage([LARGEUR, HAUTEUR]);
    this.y = HAUTEUR - MARGE;
  }

  /** Characters Helvetica's WinAnsi set cannot draw become a close one (thin spaces) or "?". */
  private propre(texte: string, police: PDFFont) {
    const jeu = new Set(police.getCharacterSet());
    return [...texte.replace(/[\u202f\u00a0]/g, " ")].map((c) => (jeu.has(c.codePointAt(0)!) ? c : "?")).join("");
  }

  ligne(texte: string, options: { gras?: boolean; taille?: number; x?: number; droite?: string } = {}) {
    const taille = options.taille ?? 10;
    if (this.y < MARGE + taille) this.nouvellePage();
    const police = options.gras ? this.gras : this.normal;
    this.page.drawText(this.propre(texte, police), {
      x: options.x ?? MARGE,
      y: this.y,
      size: taille,
      font: police,
      color: rgb(0, 0, 0),
    });
    if (options.droite !== undefined) {
      const droite = this.propre(options.droite, police);
      this.page.drawText(droite, {
        x: LARGEUR - MARGE - police.widthOfTextAtSize(droite, taille),
        y: this.y,
        size: taille,
        font: police,
      });
    }
    this.y -= taille * 1.45;
  }

  /** A paragraph wrapped to the page's width. */
  paragraphe(texte: string, taille = 9) {
    for (const bloc of texte.split("\n")) {
      let courante = "";
      for (const mot of bloc.split(/\s+/)) {
        const essai = courante ? `${courante} ${mot}` : mot;
        if (this.normal.widthOfTextAtSize(this.propre(essai, this.normal), taille) > LARGEUR - 2 * MARGE) {
          this.ligne(courante, { taille });
          courante = mot;
        } else courante = essai;
      }
      if (courante) this.ligne(courante, { taille });
    }
  }

  espace(points = 8) {
    this.y -= points;
  }

  trait() {
    this.page.drawLine({
      start: { x: MARGE, y: this.y + 4 },
      end: { x: LARGEUR - MARGE, y: this.y + 4 },
      thickness: 0.5,
      color: rgb(0.4, 0.4, 0.4),
    });
    this.y -= 6;
  }

  enregistrer() {
    return this.doc.save();
  }
}

export type FacturePdf = {
  commune: { nom: string; adresse: string | null; serviceNom: string; serviceEmail: string; telephone: string | null };
  regie: string;
  modesPaiement: string;
  numero: string;
  periode: string;
  emiseLe: string;
  echeanceLe: string;
  destinataire: string;
  adresse: string;
  cleEnfance: string;
  /** "QF : 850 €" or "QF non communiqué (tarif de la tranche la plus haute)" */
  quotient: string;
  lignes: {
    enfantNom: string;
    libelle: string;
    mois: string;
    quantite: number;
    prixUnitaireCentimes: number;
    montantCentimes: number;
  }[];
  totalCentimes: number;
  payeCentimes: number;
  avoir: string | null;
};

export const MENTION_RECOURS =
  "Voies de recours : vous pouvez contester cette facture devant le tribunal administratif territorialement " +
  "compétent dans un délai de deux mois à compter de sa réception (article L1617-5 du code général des " +
  "collectivités territoriales). Pour toute question, contactez d'abord le service.";

function entete(r: Redacteur, commune: FacturePdf["commune"], regie: string) {
  r.ligne(`Commune de ${commune.nom}`, { gras: true, taille: 14 });
  r.ligne(`${commune.serviceNom} — ${regie}`);
  if (commune.adresse) r.paragraphe(commune.adresse, 10);
  r.ligne([commune.serviceEmail, commune.telephone].filter(Boolean).join(" — "));
  r.espace(12);
}

export async function facturePdf(f: FacturePdf): Promise<Uint8Array> {
  const r = await Redacteur.creer(`Facture ${f.numero}`, `Commune de ${f.commune.nom}`);
  entete(r, f.commune, f.regie);
  r.ligne(`Facture N° ${f.numero}`, { gras: true, taille: 16 });
  r.ligne(`Période : ${f.periode}`);
  r.ligne(`Émise le ${f.emiseLe} — à régler avant le ${f.echeanceLe}`);
  r.ligne(`Clé enfance : ${f.cleEnfance} — ${f.quotient}`);
  r.espace(6);
  r.ligne(f.destinataire, { gras: true });
  r.paragraphe(f.adresse, 10);
  r.espace(10);
  let enfant = "";
  for (const l of f.lignes) {
    if (l.enfantNom !== enfant) {
      enfant = l.enfantNom;
      r.espace(4);
      r.ligne(enfant, { gras: true, taille: 11 });
      r.trait();
    }
    r.ligne(`${l.libelle} (${l.mois}) : ${l.quantite} × ${euros(l.prixUnitaireCentimes)}`, {
      droite: euros(l.montantCentimes),
    });
  }
  r.espace(6);
  r.trait();
  r.ligne("Total", { gras: true, droite: euros(f.totalCentimes) });
  r.ligne("Déjà payé", { droite: euros(f.payeCentimes) });
  r.ligne("Reste à payer", {
    gras: true,
    droite: euros(f.avoir ? 0 : Math.max(0, f.totalCentimes - f.payeCentimes)),
  });
  if (f.avoir) r.ligne(`Facture annulée par l'avoir N° ${f.avoir}.`, { gras: true });
  r.espace(12);
  r.ligne("Comment payer", { gras: true });
  r.paragraphe(`${f.modesPaiement} Rappelez le numéro de facture ${f.numero}.`);
  r.espace(8);
  r.paragraphe(MENTION_RECOURS, 8);
  return r.enregistrer();
}

export type AttestationPdf = {
  commune: FacturePdf["commune"];
  regie: string;
  annee: number;
  destinataire: string;
  adresse: string;
  cleEnfance: string;
  enfants: { nom: string; naissance: string; montantCentimes: number }[];
  totalCentimes: number;
  faitLe: string;
};

export async function attestationPdf(a: AttestationPdf): Promise<Uint8Array> {
  const r = await Redacteur.creer(`Attestation fiscale ${a.annee} ${a.cleEnfance}`, `Commune de ${a.commune.nom}`);
  entete(r, a.commune, a.regie);
  r.ligne(`Attestation de frais de garde — année ${a.annee}`, { gras: true, taille: 15 });
  r.espace(4);
  r.paragraphe(
    `La commune de ${a.commune.nom} atteste que ${a.destinataire} (clé enfance ${a.cleEnfance}) a payé en ` +
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
