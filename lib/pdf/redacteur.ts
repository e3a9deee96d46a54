// The pen every PDF of the régie writes with (pdf-lib, pure JavaScript, standard Helvetica): A4, text only, lines
// down the page and a new page at the bottom; the document's number in its title so a reader (and a test) finds
// it without parsing the page.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { de } from "@/lib/texte/elision";

export type CommunePdf = {
  nom: string;
  adresse: string | null;
  serviceNom: string;
  serviceEmail: string;
  telephone: string | null;
};

const MARGE = 50;
const LARGEUR = 595.28;
const HAUTEUR = 841.89;

/** A cursor writing lines down A4 pages, a new page when the bottom is reached. */
export class Redacteur {
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
  paragraphe(texte: string, taille = 9, retrait = 0) {
    const x = MARGE + retrait;
    for (const bloc of texte.split("\n")) {
      let courante = "";
      for (const mot of bloc.split(/\s+/)) {
        const essai = courante ? `${courante} ${mot}` : mot;
        if (this.normal.widthOfTextAtSize(this.propre(essai, this.normal), taille) > LARGEUR - MARGE - x) {
          this.ligne(courante, { taille, x });
          courante = mot;
        } else courante = essai;
      }
      if (courante) this.ligne(courante, { taille, x });
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

export function entete(r: Redacteur, commune: CommunePdf, regie: string) {
  r.ligne(`Commune ${de(commune.nom)}`, { gras: true, taille: 14 });
  r.ligne(`${commune.serviceNom} — ${regie}`);
  if (commune.adresse) r.paragraphe(commune.adresse, 10);
  r.ligne([commune.serviceEmail, commune.telephone].filter(Boolean).join(" — "));
  r.espace(12);
}
