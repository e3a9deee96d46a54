// PES V2 (issue 29), after the first file of the month: the second generation takes only what is new (a new
// invoice, an avoir as a titre de réduction of the first title); the comptable's answers by hand and by CSV, a
// « recouvré » on the family account with its reçu, and a debited title's « recouvré » adding no money twice. The
// first file itself is checked in pes-fichier.test.ts; the world in pes-bordereau-fixtures.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emettreAvoir } from "@/lib/domain/facturation/avoir";
import { compteFamille } from "@/lib/domain/paiement/compte";
import { genererBordereau } from "@/lib/domain/pes/generer";
import { importerReponses } from "@/lib/domain/pes/import";
import { marquerTitre } from "@/lib/domain/pes/reponses";
import { lancerRun } from "@/lib/domain/prelevement/run";
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
} from "./pes-bordereau-fixtures";
import { factureAvecLignes, prelevementPrevu, reglerParametres } from "./pes-fixtures";

let premier: string;

// November's first bordereau (numero 1, the invoices FA-2026-000001 and 2), as pes-fichier.test.ts checks it.
beforeAll(async () => {
  await preparerPes();
  await reglerParametres();
  premier = (await genererBordereau({ mois: NOVEMBRE, agentId, now: JOUR_1 })).id;
}, 120_000);

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
