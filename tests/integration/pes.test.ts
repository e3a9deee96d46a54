// PES V2 (issue 29): the PES_Aller ORMC file of an invoiced month, parsed and checked block by block against the
// DGFiP's field tables as docs/faits/sepa-pes.md gives them (order, mandatory values, formats, lengths, keys,
// ISO-8859-1 bytes); a debited invoice's InfoPrelevementSEPA and account; an avoir as a titre de réduction; a
// missing SIRET refused with its reason; the second generation takes only what is new; the comptable's answers.
import { DOMParser } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emettreAvoir } from "@/lib/domain/facturation/avoir";
import { compteFamille } from "@/lib/domain/paiement/compte";
import { fichierBordereau } from "@/lib/domain/pes/fichier";
import { genererBordereau } from "@/lib/domain/pes/generer";
import { importerReponses } from "@/lib/domain/pes/import";
import { marquerTitre } from "@/lib/domain/pes/reponses";
import { lancerRun } from "@/lib/domain/prelevement/run";
import { seedActivites } from "@/prisma/demo-activites";
import { seedCommune } from "@/prisma/seed";
import { agent } from "./demande-fixtures";
import { familleValidee } from "./paiement-fixtures";
import { factureAvecLignes, IBAN, prelevementPrevu, reglerParametres } from "./pes-fixtures";

const JOUR_1 = new Date("2026-12-05T09:00:00Z");
const JOUR_2 = new Date("2026-12-06T09:00:00Z");
const NOVEMBRE = "2026-11-01";

let agentId: string;
let familles: Awaited<ReturnType<typeof familleValidee>>[];
let premier: string;

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  agentId = (await agent("Comptable", { permissions: ["FACTURATION"] })).id;
  familles = [];
  for (const nom of ["Etchart", "Bidart", "Haran"]) familles.push(await familleValidee(nom));
  const [a, b] = familles;
  await factureAvecLignes(a!, {
    mois: NOVEMBRE,
    sequence: 1,
    lignes: [
      { libelle: "Restauration — Repas", jours: ["2026-11-02", "2026-11-03", "2026-11-05"], prixCentimes: 350 },
      {
        libelle: "Garderie — Matin",
        jours: [
          "2026-11-02",
          "2026-11-03",
          "2026-11-05",
          "2026-11-06",
          "2026-11-09",
          "2026-11-10",
          "2026-11-12",
          "2026-11-13",
          "2026-11-16",
          "2026-11-17",
          "2026-11-19",
          "2026-11-20",
          "2026-11-23",
          "2026-11-24",
          "2026-11-26",
          "2026-11-27",
        ],
        prixCentimes: 115,
      },
    ],
  });
  const fb = await factureAvecLignes(b!, {
    mois: NOVEMBRE,
    sequence: 2,
    lignes: [{ libelle: "Restauration — Repas", jours: ["2026-11-02", "2026-11-03"], prixCentimes: 2400 }],
  });
  await prelevementPrevu({ familleId: b!.familleId, usagerId: b!.usager.id }, fb, "RUM-VILLEFRANQUE-000001");
}, 120_000);

type XmlElement = Element;

const V = (e: XmlElement | undefined) => e?.getAttribute("V") ?? null;
const enfants = (e: XmlElement) =>
  Array.from(e.childNodes as unknown as ArrayLike<Node>).filter((n): n is XmlElement => n.nodeType === 1);
const noms = (e: XmlElement) => enfants(e).map((c) => c.nodeName);
const un = (e: XmlElement, nom: string) => enfants(e).find((c) => c.nodeName === nom)!;
const tous = (e: XmlElement, nom: string): XmlElement[] => Array.from(e.getElementsByTagName(nom));

async function fichier(bordereauId: string) {
  const f = await fichierBordereau(bordereauId);
  if (!f?.ok) throw new Error(`fichier refusé : ${f ? f.raisons.join(" ") : "introuvable"}`);
  const texte = Buffer.from(f.bytes).toString("latin1");
  const racine = new DOMParser().parseFromString(texte, "text/xml").documentElement as unknown as XmlElement;
  return { ...f, texte, racine };
}

/** Every element carries its value in V and nothing else; dates and amounts have their formats. */
function verifierValeurs(racine: XmlElement) {
  for (const e of tous(racine, "*")) {
    const feuille = enfants(e).length === 0;
    if (!feuille) continue;
    expect(e.attributes.length, e.nodeName).toBe(1);
    expect(e.getAttribute("V"), e.nodeName).not.toBe("");
    if (/^(Dte|DateSign)/.test(e.nodeName)) expect(V(e), e.nodeName).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (/^Mt/.test(e.nodeName)) expect(V(e), e.nodeName).toMatch(/^\d+\.\d{2}$/);
  }
}

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

describe("a second generation of the month", () => {
  it("takes only the new invoice and the avoir, the avoir as a titre de réduction of the first title", async () => {
    const [a, , c] = familles;
    await factureAvecLignes(c!, {
      mois: NOVEMBRE,
      sequence: 3,
      lignes: [{ libelle: "Restauration — Repas", jours: ["2026-11-30"], prixCentimes: 350 }],
    });
    const avoir = await emettreAvoir({ numero: "FA-2026-000001", motif: "Erreur de tarif", agentId, now: JOUR_2 });
    expect(avoir).not.toBeNull();
    const b = await genererBordereau({ mois: NOVEMBRE, agentId, now: JOUR_2 });
    expect(b).toMatchObject({ numero: 2, nombrePieces: 2 });
    const { racine } = await fichier(b.id);
    verifierValeurs(racine);
    const pieces = tous(racine, "Piece").map((p) => un(p, "BlocPiece"));
    expect(pieces.map((p) => V(un(p, "NumeroFacture")))).toEqual(["FA-2026-000003", avoir!.numero]);
    expect(pieces.map((p) => V(un(p, "IdPce")))).toEqual(["3", "4"]);
    // the réduction: type 03, no debt number nor keys, attached to the title it reduces (IdPce 1 of 2026)
    const reduction = tous(racine, "Piece")[1]!;
    expect(V(un(pieces[1]!, "TypPce"))).toBe("03");
    expect(noms(pieces[1]!)).not.toContain("Cle1");
    const rattache = tous(reduction, "RattachPiece");
    expect(rattache.map((r) => enfants(r).map(V))).toEqual([
      ["01", "2026", "1"],
      ["01", "2026", "1"],
    ]);
    expect(tous(reduction, "MtHT").map(V)).toEqual(["10.50", "18.40"]);
    expect(V(tous(racine, "MtBordHt")[0])).toBe("32.40");
    // each invoice and avoir in one bordereau only: a third generation has nothing to take
    const vide = await genererBordereau({ mois: NOVEMBRE, agentId, now: JOUR_2 }).catch((e: unknown) => e);
    expect((vide as AppError).message).toMatch(/Aucune facture ni aucun avoir/);
    expect(await db().titrePes.count({ where: { facture: { familleId: a!.familleId } } })).toBe(1);
  });
});

describe("the comptable's answers", () => {
  it("records a rejection with its reason by hand", async () => {
    const titre = await db().titrePes.findFirstOrThrow({ where: { facture: { numero: "FA-2026-000001" } } });
    await marquerTitre({
      titreId: titre.id,
      reponse: { statut: "REJETE", motif: "Adresse inconnue" },
      agentId,
      now: JOUR_2,
    });
    expect(await db().titrePes.findUniqueOrThrow({ where: { id: titre.id } })).toMatchObject({
      statut: "REJETE",
      motifRejet: "Adresse inconnue",
    });
    const refus = await marquerTitre({
      titreId: titre.id,
      reponse: { statut: "RECOUVRE", montantCentimes: 100, date: "2026-12-06" },
      agentId,
      now: JOUR_2,
    }).catch((e: unknown) => e);
    expect((refus as AppError).message).toBe("Ce titre est « rejeté » : il ne peut pas devenir « recouvré ».");
  });

  it("imports a CSV: taken, collected on the family account with its reçu, and each line in error by number", async () => {
    const csv = [
      "numero;etat;motif;montant;date",
      "FA-2026-000002;Pris en charge;;;",
      "2;recouvré;;48,00;06/12/2026",
      "FA-2099-000001;pris en charge;;;",
      "FA-2026-000001;payé;;;",
      "FA-2026-000003;rejeté;;;",
    ].join("\n");
    const bilan = await importerReponses({ bordereauId: premier, csv, agentId, now: JOUR_2 });
    expect(bilan.erreurs).toEqual([
      { ligne: 3, message: "Ce titre figure déjà sur une ligne précédente." },
      { ligne: 4, message: "« FA-2099-000001 » n'est ni une facture, ni un avoir, ni une pièce de ce bordereau." },
      {
        ligne: 5,
        message: "État « payé » inconnu : écrivez « pris en charge », « rejeté » ou « recouvré ».",
      },
      // invoice 3 is in the second bordereau, not this one
      { ligne: 6, message: "« FA-2026-000003 » n'est ni une facture, ni un avoir, ni une pièce de ce bordereau." },
    ]);
    expect(bilan.enregistrees).toBe(1);
    const titre = await db().titrePes.findFirstOrThrow({ where: { facture: { numero: "FA-2026-000002" } } });
    expect(titre.statut).toBe("PRIS_EN_CHARGE");

    const suite = await importerReponses({
      bordereauId: premier,
      csv: "2;recouvré;;48,00;06/12/2026\n",
      agentId,
      now: JOUR_2,
    });
    expect(suite).toEqual({ enregistrees: 1, inchangees: 0, erreurs: [] });
    const b = familles[1]!;
    const compte = await compteFamille(b.familleId, JOUR_2);
    const paiement = compte.mouvements.find((m) => m.genre === "paiement");
    expect(paiement).toMatchObject({
      mode: "COMPTABLE_PUBLIC",
      montantCentimes: 4800,
      factures: [{ numero: "FA-2026-000002", montantCentimes: 4800 }],
    });
    expect(paiement && "recuNumero" in paiement ? paiement.recuNumero : null).toMatch(/^RE-2026-\d{6}$/);
    expect(compte.soldeCentimes).toBe(0);
    expect((await db().titrePes.findUniqueOrThrow({ where: { id: titre.id } })).statut).toBe("RECOUVRE");
    // the same file again: already known, nothing recorded twice
    const encore = await importerReponses({
      bordereauId: premier,
      csv: "2;recouvré;;48,00;06/12/2026",
      agentId,
      now: JOUR_2,
    });
    expect(encore).toEqual({ enregistrees: 0, inchangees: 1, erreurs: [] });
    expect(await db().paiement.count({ where: { mode: "COMPTABLE_PUBLIC" } })).toBe(1);
  });
});

describe("a debited title collected by the comptable", () => {
  it("confirms the debit already on the family's account: « recouvré » adds no money twice", async () => {
    const c = familles[2]!;
    const facture = await db().facture.findFirstOrThrow({ where: { numero: "FA-2026-000003" } });
    await prelevementPrevu({ familleId: c.familleId, usagerId: c.usager.id }, facture, "RUM-VILLEFRANQUE-000003");
    await db().parametresPrelevement.upsert({
      where: { id: 1 },
      create: { id: 1, actif: true, ics: "FR72ZZZ123456", creancierNom: "Régie enfance" },
      update: { actif: true, ics: "FR72ZZZ123456" },
    });
    await lancerRun({ agentId, mois: "2026-11", now: JOUR_2 });
    const avant = await compteFamille(c.familleId, JOUR_2);
    expect(avant.soldeCentimes).toBe(0);
    const titre = await db().titrePes.findFirstOrThrow({ where: { factureId: facture.id } });
    await marquerTitre({
      titreId: titre.id,
      reponse: { statut: "RECOUVRE", montantCentimes: 350, date: "2026-12-06" },
      agentId,
      now: JOUR_2,
    });
    expect((await db().titrePes.findUniqueOrThrow({ where: { id: titre.id } })).statut).toBe("RECOUVRE");
    const apres = await compteFamille(c.familleId, JOUR_2);
    expect(apres.soldeCentimes).toBe(0);
    const paiements = await db().paiement.findMany({ where: { familleId: c.familleId }, select: { mode: true } });
    expect(paiements).toEqual([{ mode: "PRELEVEMENT" }]);
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
