// The PES_Aller ORMC file of a bordereau, block by block in the order of the DGFiP's tables (docs/faits/sepa-pes.md).
import { cle1, cle2 } from "@/lib/domain/pes/cles";
import { bloc, champ, montant, octetsPes, tronquer, type Noeud } from "@/lib/domain/pes/format";
import {
  periode,
  totalBordereau,
  TYPPCE_REDUCTION,
  type BordereauModele,
  type LignePes,
  type PiecePes,
  type TiersPes,
} from "@/lib/domain/pes/modele";

const SEQUENCES: Record<string, string> = { OOFF: "01", FRST: "02", RCUR: "03", FNAL: "04" };

/** The file's bytes (ISO-8859-1). */
export const fichierPes = (modele: BordereauModele): Uint8Array => octetsPes(noeudsPes(modele));

export function noeudsPes(m: BordereauModele): Noeud[] {
  const p = m.parametres;
  return [
    bloc(
      "Enveloppe",
      bloc("Parametres", champ("Version", "2"), champ("TypFic", "PESORMC"), champ("NomFic", m.nomFichier)),
      bloc(
        "Emetteur",
        champ("Sigle", tronquer(m.emetteur.sigle, 80)),
        champ("Adresse", tronquer(m.emetteur.adresse, 160)),
      ),
    ),
    bloc(
      "EnTetePES",
      champ("DteStr", m.date),
      champ("IdPost", p.idPost),
      champ("IdColl", p.siret),
      champ("CodCol", p.codCol),
      champ("CodBud", p.codBud),
    ),
    bloc(
      "PES_RecetteAller",
      bloc("EnTeteRecette", champ("IdVer", "2"), champ("InfoDematerialisee", "0")),
      bloc(
        "Bordereau",
        bloc(
          "BlocBordereau",
          champ("Exer", String(m.exer)),
          champ("IdBord", String(m.idBord)),
          champ("DteBordEm", m.date),
          champ("TypBord", p.typBord),
          champ("NbrPce", String(m.pieces.length)),
          champ("MtBordHt", montant(totalBordereau(m.pieces))),
          champ("DteAsp", m.date),
          champ("Objet", tronquer(m.objet, 160)),
        ),
        m.pieces.map((piece) => pieceNoeud(m, piece)),
      ),
    ),
  ];
}

function pieceNoeud(m: BordereauModele, piece: PiecePes): Noeud {
  const p = m.parametres;
  const per = periode(m.mois);
  const cles = piece.numDette
    ? {
        cle1: cle1({ codCol: p.codCol, idBord: String(m.idBord), exer: m.exer, per, numDette: piece.numDette }),
        cle2: cle2({ exer: m.exer, per, numDette: piece.numDette }),
      }
    : null;
  return bloc(
    "Piece",
    bloc(
      "BlocPiece",
      champ("IdPce", String(piece.idPce)),
      champ("TypPce", piece.reduction ? TYPPCE_REDUCTION : p.typPce),
      champ("NatPce", p.natPce),
      champ("ObjPce", tronquer(piece.objet, 160)),
      champ("NumDette", piece.numDette),
      champ("Per", per),
      champ("Cle1", cles?.cle1),
      champ("Cle2", cles?.cle2),
      champ("NumeroFacture", piece.numero.slice(0, 20)),
    ),
    piece.lignes.map((ligne, i) => ligneNoeud(m, piece, ligne, i + 1)),
  );
}

function ligneNoeud(m: BordereauModele, piece: PiecePes, ligne: LignePes, idLigne: number): Noeud {
  const p = m.parametres;
  const prel = ligne.prelevement;
  return bloc(
    "LigneDePiece",
    bloc(
      "BlocLignePiece",
      bloc(
        "InfoLignePiece",
        champ("IdLigne", String(idLigne)),
        champ("ObjLignePce", tronquer(ligne.objet, 160)),
        champ("CodProdLoc", p.codProdLoc),
        champ("Nature", p.nature),
        champ("Majo", "0"),
        champ("TvaIntraCom", "0"),
        champ("MtHT", montant(ligne.montantCentimes)),
      ),
      prel
        ? [
            bloc(
              "InfoPrelevementSEPA",
              champ("NatPrel", "01"),
              champ("PerPrel", "07"),
              champ("DtePrel", prel.date),
              champ("MtPrel", montant(prel.montantCentimes)),
              champ("SequencePres", SEQUENCES[prel.sequence] ?? "03"),
              champ("DateSignMandat", prel.dateSignature),
              champ("RefUniMdt", prel.rum),
              champ("LibPrel", tronquer(prel.libelle, 140)),
            ),
          ]
        : [],
      piece.rattachement
        ? [
            bloc(
              "RattachPiece",
              champ("NatPceOrig", p.natPce),
              champ("ExerRat", String(piece.rattachement.exer)),
              champ("IdPceOrig", String(piece.rattachement.idPce)),
            ),
          ]
        : [],
    ),
    tiersNoeud(piece.tiers),
  );
}

function tiersNoeud(t: TiersPes): Noeud {
  return bloc(
    "Tiers",
    bloc(
      "InfoTiers",
      champ("CatTiers", "01"),
      champ("NatJur", "01"),
      champ("TypTiers", "01"),
      champ("Civilite", t.civilite),
      champ("Nom", tronquer(t.nom.toUpperCase(), 38)),
      champ("Prenom", tronquer(t.prenom, 38)),
    ),
    bloc(
      "Adresse",
      champ("TypAdr", "1"),
      champ("Adr2", tronquer(t.adresse, 38)),
      champ("CP", t.codePostal),
      champ("Ville", tronquer(t.ville.toUpperCase(), 38)),
      champ("CodRes", "0"),
    ),
    t.compte ? [compteNoeud(t.compte)] : [],
  );
}

function compteNoeud(c: NonNullable<TiersPes["compte"]>): Noeud {
  // a French IBAN carries the RIB: bank, branch, account and key, which the block asks for
  const rib = c.iban.startsWith("FR") && c.iban.length === 27;
  return bloc(
    "CpteBancaire",
    champ("IdPayInt", c.iban.slice(0, 2)),
    champ("CodeEtab", rib ? c.iban.slice(4, 9) : null),
    champ("CodeGuic", rib ? c.iban.slice(9, 14) : null),
    champ("IdCpte", rib ? c.iban.slice(14, 25) : null),
    champ("CleRib", rib ? c.iban.slice(25, 27) : null),
    champ("BIC", c.bic),
    champ("IBAN", c.iban),
    champ("TitCpte", tronquer(c.titulaire.toUpperCase(), 32)),
  );
}
