// PES V2 (issue 29), the file: the PES_Aller ORMC file of an invoiced month, parsed and checked block by block
// against the DGFiP's field tables as docs/faits/sepa-pes.md gives them (order, mandatory values, formats,
// lengths, keys, ISO-8859-1 bytes); a debited invoice's InfoPrelevementSEPA and account; a missing SIRET refused
// with its reason; the same bytes downloaded again; an incomplete address refused before the file leaves. The
// second generation and the comptable's answers are in pes-reponses.test.ts; the world in pes-bordereau-fixtures.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fichierBordereau } from "@/lib/domain/pes/fichier";
import { genererBordereau } from "@/lib/domain/pes/generer";
import {
  agentId,
  enfants,
  familles,
  fichier,
  JOUR_1,
  JOUR_2,
  noms,
  NOVEMBRE,
  preparerPes,
  tous,
  un,
  V,
  verifierValeurs,
  type XmlElement,
} from "./pes-bordereau-fixtures";
import { factureAvecLignes, IBAN, reglerParametres } from "./pes-fixtures";

let premier: string;

beforeAll(preparerPes, 120_000);

describe("the PES file of an invoiced month", () => {
  it("is refused while the commune's SIRET is missing, with the reason, and nothing is written", async () => {
    await reglerParametres({ siret: "" });
    const erreur = await genererBordereau({ mois: NOVEMBRE, agentId, now: JOUR_1 }).catch((e: unknown) => e);
    expect(erreur).toBeInstanceOf(AppError);
    expect((erreur as AppError).message).toContain(
      "Le SIRET de la commune manque : renseignez-le dans Paramètres PES.",
    );
    expect(await db().bordereauPes.count()).toBe(0);
    expect(await db().titrePes.count()).toBe(0);
  });

  it("writes the blocks in the DGFiP's order with their mandatory values, formats and keys", async () => {
    await reglerParametres();
    const b = await genererBordereau({ mois: NOVEMBRE, agentId, now: JOUR_1 });
    premier = b.id;
    // the refused attempt gave its number back: gap-free per exercise
    expect(b).toMatchObject({ numero: 1, nombrePieces: 2 });
    const { bytes, texte, racine, nom } = await fichier(b.id);

    // ISO-8859-1: declared, and « É » of the address is the one byte 0xC9 (UTF-8 would be C3 89)
    expect(texte.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>')).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0x89]))).toBe(false);
    expect(Buffer.from(bytes).includes(Buffer.from("rue des \u00c9coles", "latin1"))).toBe(true);

    expect(racine.nodeName).toBe("n:PES_Aller");
    expect(racine.namespaceURI).toBe("http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller");
    expect(noms(racine)).toEqual(["Enveloppe", "EnTetePES", "PES_RecetteAller"]);
    verifierValeurs(racine);

    const parametres = un(un(racine, "Enveloppe"), "Parametres");
    expect(noms(parametres)).toEqual(["Version", "TypFic", "NomFic"]);
    expect([V(un(parametres, "Version")), V(un(parametres, "TypFic")), V(un(parametres, "NomFic"))]).toEqual([
      "2",
      "PESORMC",
      nom,
    ]);
    expect(nom.length).toBeLessThanOrEqual(100);

    const entete = un(racine, "EnTetePES");
    expect(noms(entete)).toEqual(["DteStr", "IdPost", "IdColl", "CodCol", "CodBud"]);
    expect(enfants(entete).map(V)).toEqual(["2026-12-05", "0640001", "21640557500012", "064", "00"]);

    const recette = un(racine, "PES_RecetteAller");
    expect(noms(recette)).toEqual(["EnTeteRecette", "Bordereau"]);
    expect(enfants(un(recette, "EnTeteRecette")).map(V)).toEqual(["2", "0"]);
    const bordereau = un(recette, "Bordereau");
    expect(noms(bordereau)).toEqual(["BlocBordereau", "Piece", "Piece"]);
    const bloc = un(bordereau, "BlocBordereau");
    expect(noms(bloc)).toEqual(["Exer", "IdBord", "DteBordEm", "TypBord", "NbrPce", "MtBordHt", "DteAsp", "Objet"]);
    // 3 × 3,50 + 16 × 1,15 = 28,90 ; 2 × 24,00 = 48,00
    expect(enfants(bloc).slice(0, 7).map(V)).toEqual(["2026", "1", "2026-12-05", "06", "2", "76.90", "2026-12-05"]);
    expect(V(un(bloc, "Objet"))!.length).toBeLessThanOrEqual(160);

    const [p1, p2] = tous(bordereau, "Piece");
    const bp1 = un(p1!, "BlocPiece");
    expect(noms(bp1)).toEqual([
      "IdPce",
      "TypPce",
      "NatPce",
      "ObjPce",
      "NumDette",
      "Per",
      "Cle1",
      "Cle2",
      "NumeroFacture",
    ]);
    // the keys recomputed by hand (docs/domaine/pes.md): 06412610002026000001 → sum 113, 11 − 3 = 8;
    // 261000002026000001 mod 23 = 7 → H; and for 2026000002: sum 115 → 6, mod 23 = 8 → J
    expect(enfants(bp1).map(V)).toEqual([
      "1",
      "15",
      "01",
      "Facture FA-2026-000001 de novembre 2026, échéance 31/12/2026",
      "2026000001",
      "1",
      "8",
      "H",
      "FA-2026-000001",
    ]);
    expect([V(un(un(p2!, "BlocPiece"), "Cle1")), V(un(un(p2!, "BlocPiece"), "Cle2"))]).toEqual(["6", "J"]);

    // one LigneDePiece per invoice line, its days in its object, within 160 characters
    const lignes = tous(p1!, "LigneDePiece");
    expect(lignes.map((l) => noms(l))).toEqual([
      ["BlocLignePiece", "Tiers"],
      ["BlocLignePiece", "Tiers"],
    ]);
    const info = (l: XmlElement) => un(un(l, "BlocLignePiece"), "InfoLignePiece");
    expect(noms(info(lignes[0]!))).toEqual([
      "IdLigne",
      "ObjLignePce",
      "CodProdLoc",
      "Nature",
      "Majo",
      "TvaIntraCom",
      "MtHT",
    ]);
    expect(enfants(info(lignes[0]!)).map(V)).toEqual([
      "1",
      "Henri ETCHART - Restauration - Repas : lun. 2, mar. 3, jeu. 5 nov.",
      "RS",
      "7067",
      "0",
      "0",
      "10.50",
    ]);
    const objetLong = V(un(info(lignes[1]!), "ObjLignePce"))!;
    expect(objetLong.length).toBeLessThanOrEqual(160);
    expect(objetLong).toMatch(/^Henri ETCHART - Garderie - Matin : lun\. 2, mar\. 3, .*\.\.\.$/);
    expect(V(un(info(lignes[1]!), "MtHT"))).toBe("18.40");

    const tiers = un(lignes[0]!, "Tiers");
    expect(noms(tiers)).toEqual(["InfoTiers", "Adresse"]);
    expect(noms(un(tiers, "InfoTiers"))).toEqual(["CatTiers", "NatJur", "TypTiers", "Civilite", "Nom", "Prenom"]);
    expect(enfants(un(tiers, "InfoTiers")).map(V)).toEqual(["01", "01", "01", "MME", "ETCHART", "Claire"]);
    expect(enfants(un(tiers, "Adresse")).map(V)).toEqual(["1", "12 rue des Écoles", "64990", "VILLEFRANQUE", "0"]);
    // a family that does not pay by debit: no debit, no account
    expect(tous(p1!, "InfoPrelevementSEPA")).toHaveLength(0);
    expect(tous(p1!, "CpteBancaire")).toHaveLength(0);
  });

  it("carries the debit of an invoice paid by prélèvement, with the family's account", async () => {
    const { racine } = await fichier(premier);
    const p2 = tous(racine, "Piece")[1]!;
    const prel = tous(p2, "InfoPrelevementSEPA");
    expect(prel).toHaveLength(1);
    expect(noms(prel[0]!)).toEqual([
      "NatPrel",
      "PerPrel",
      "DtePrel",
      "MtPrel",
      "SequencePres",
      "DateSignMandat",
      "RefUniMdt",
      "LibPrel",
    ]);
    // FRST is 02 in the table; the debit is the whole invoice on its one line
    expect(enfants(prel[0]!).slice(0, 7).map(V)).toEqual([
      "01",
      "07",
      "2026-12-10",
      "48.00",
      "02",
      "2026-10-15",
      "RUM-VILLEFRANQUE-000001",
    ]);
    expect(V(un(prel[0]!, "LibPrel"))!.length).toBeLessThanOrEqual(140);
    const compte = tous(p2, "CpteBancaire")[0]!;
    expect(noms(compte)).toEqual(["IdPayInt", "CodeEtab", "CodeGuic", "IdCpte", "CleRib", "BIC", "IBAN", "TitCpte"]);
    expect(enfants(compte).map(V)).toEqual([
      "FR",
      "30006",
      "00001",
      "12345678901",
      "89",
      "AGRIFRPP",
      IBAN,
      "CLAIRE ETCHART",
    ]);
  });

  it("downloads the same bytes again", async () => {
    const a = await fichierBordereau(premier);
    const b = await fichierBordereau(premier);
    expect(a?.ok && b?.ok && Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it("refuses the download once a mandatory setting is emptied, with the reason", async () => {
    await reglerParametres({ siret: "" });
    expect(await fichierBordereau(premier)).toEqual({
      ok: false,
      raisons: ["Le SIRET de la commune manque : renseignez-le dans Paramètres PES."],
    });
    await reglerParametres({ codProdLoc: "" });
    const refus = await fichierBordereau(premier);
    expect(refus?.ok).toBe(false);
    await reglerParametres();
  });
});

describe("the check before a file leaves", () => {
  it("refuses an invoice whose tiers has no postcode nor town, naming it, and writes nothing", async () => {
    const [a] = familles;
    await factureAvecLignes(a!, {
      mois: "2026-10-01",
      sequence: 4,
      adresse: "Lieu-dit Bordaberria",
      lignes: [{ libelle: "Restauration — Repas", jours: ["2026-10-05"], prixCentimes: 350 }],
    });
    const avant = await db().bordereauPes.count();
    const erreur = await genererBordereau({ mois: "2026-10-01", agentId, now: JOUR_2 }).catch((e: unknown) => e);
    expect((erreur as AppError).message).toBe(
      "La facture FA-2026-000004 n'a pas d'adresse complète (voie, code postal à 5 chiffres, ville) : corrigez l'adresse du titulaire de la famille.",
    );
    expect(await db().bordereauPes.count()).toBe(avant);
    expect(await db().titrePes.count({ where: { facture: { numero: "FA-2026-000004" } } })).toBe(0);
  });
});
