// Inscriptions on PostgreSQL: the deposit rule enforced by the server whatever the browser sends (no
// attestation, a required piece missing, pieces claimed but not attached), the upload attacks refused with
// nothing stored, a second family kept out of the first's files, inscription and demande, and the
// acceptance that creates the Inscription.
import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Before the storage module reads its directory: an empty one of this file's own, to see what is left in it.
const STORAGE_DIR = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/pieces-${Math.random().toString(36).slice(2)}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dechiffrer } from "@/lib/chiffrement";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { commencerInscription, enregistrerInscription, inscriptionEditable } from "@/lib/domain/inscription/brouillon";
import { activitesOffertes } from "@/lib/domain/inscription/catalogue";
import { inscriptionsDesEnfants } from "@/lib/domain/inscription/queries";
import { MESSAGE_ATTESTATION } from "@/lib/domain/inscription/regles";
import { deposerPiece, joindrePiece, mesDocuments, pieceALire } from "@/lib/domain/piece/pieces";
import { familleValidee, piecesVues, reponses } from "./inscription-fixtures";

const PDF =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const pdf = (nom = "justificatif.pdf") => new File([PDF], nom, { type: "application/pdf" });

let restaurationPublique: number;
let garderiePublique: number;

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  restaurationPublique = (await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } })).id;
  garderiePublique = (await db().activite.findUniqueOrThrow({ where: { code: "GARDERIE_PUBLIQUE" } })).id;
});

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return (erreur as AppError).message;
};

const fichiersStockes = () => {
  try {
    return readdirSync(STORAGE_DIR, { recursive: true }).filter((f) => String(f).includes("-"));
  } catch {
    return [];
  }
};

describe("the deposit rule, on the server", () => {
  it("refuses a deposit without the attestation, then without a required piece, then with pieces only claimed; deposits and accepts a complete one", async () => {
    const { usager, instructeur, familleId, enfantId, contactId } = await familleValidee("Etcheverry");
    const demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: restaurationPublique });
    // the same click again takes the same draft up
    expect(await commencerInscription({ usagerId: usager.id, enfantId, activiteId: restaurationPublique })).toBe(
      demandeId,
    );

    // everything but the attestation: step 2 refused with the seed's message, and so is a deposit sent straight
    const sans = await enregistrerInscription({
      usagerId: usager.id,
      demandeId,
      values: await reponses(restaurationPublique, contactId, { attestation: false }),
      etape2: true,
    });
    expect(sans.etape2).toBe(false);
    expect(sans.manques?.attestation).toBe(true);
    expect(sans.manques?.pieces).toEqual(["Justificatif de domicile", "Livret de famille."]);
    expect(await refus(deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId }))).toBe(
      MESSAGE_ATTESTATION,
    );

    // the attestation, no pieces
    await enregistrerInscription({
      usagerId: usager.id,
      demandeId,
      values: await reponses(restaurationPublique, contactId, { pai: "Allergie aux arachides" }),
      etape2: false,
    });
    expect(await refus(deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId }))).toBe(
      "Pièces à fournir avant d'aller à l'étape 2 : Justificatif de domicile, Livret de famille.",
    );

    // pieces written into the data by hand (not attached): the database says otherwise
    const donnees = (await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).donnees as Record<
      string,
      unknown
    >;
    await db().demande.update({
      where: { id: demandeId },
      data: { donnees: { ...donnees, pieces: { JUSTIFICATIF_DOMICILE: "x", LIVRET_FAMILLE: "y" } } },
    });
    expect(await refus(deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId }))).toMatch(
      /^Pièces à fournir/,
    );
    expect((await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).statut).toBe("BROUILLON");

    // the pieces uploaded for real: step 2, then the deposit and its mail
    await deposerPiece({ usagerId: usager.id, type: "JUSTIFICATIF_DOMICILE", fichier: pdf("domicile.pdf"), demandeId });
    const livret = await deposerPiece({
      usagerId: usager.id,
      type: "LIVRET_FAMILLE",
      fichier: pdf("livret.pdf"),
      demandeId,
    });
    expect(livret.mime).toBe("application/pdf");
    const etape2 = await enregistrerInscription({
      usagerId: usager.id,
      demandeId,
      values: await reponses(restaurationPublique, contactId, { pai: "Allergie aux arachides" }),
      etape2: true,
    });
    expect(etape2).toEqual({ manques: null, etape2: true });
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    const mail = await db().outboxMail.findFirstOrThrow({ where: { subject: `Référence : ${numero}` } });
    expect(mail.text).toContain("votre demande (Inscription à la restauration (école publique)), déposée le");
    expect(mail.text).not.toContain("arachides");

    // not offered again (pending), nor startable by a crafted request
    const offre = await activitesOffertes({ familleId, ajoutFamilleId: null });
    expect(offre.enfants[0]!.activites.map((a) => a.id)).not.toContain(restaurationPublique);
    expect(await refus(commencerInscription({ usagerId: usager.id, enfantId, activiteId: restaurationPublique }))).toBe(
      "Cet enfant a déjà une inscription à cette activité pour l'année scolaire.",
    );

    // Accepter creates the Inscription with every answer, the P.A.I.'s object still encrypted
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId,
      decision: "accepter",
      piecesNonVerifiees: await piecesVues(demandeId),
    });
    const inscription = await db().inscription.findUniqueOrThrow({
      where: { demandeId },
      include: { lieu: true, groupe: true, unite: true, reglement: true },
    });
    expect(inscription).toMatchObject({
      enfantId,
      familleId,
      activiteId: restaurationPublique,
      paiDemande: true,
      statut: "ACTIVE",
    });
    expect(inscription.lieu.nom).toBe("École publique de Villefranque");
    expect(inscription.groupe.libelle).toBe("Grande section");
    expect(inscription.unite?.libelle).toBe("Menu Classique");
    expect(inscription.permissions).toMatchObject({ sortirSeul: false, soinsUrgence: true });
    expect(inscription.habilitations).toEqual([{ contactId, nom: "Maddi ETCHEVERRY", autorise: true }]);
    expect(inscription.paiObjetChiffre).toMatch(/^v1:/);
    expect(dechiffrer(inscription.paiObjetChiffre!, `inscription.pai:${demandeId}`)).toBe("Allergie aux arachides");
    expect((await inscriptionsDesEnfants(familleId)).get(enfantId)).toEqual([
      { id: demandeId, numero, statut: "ACCEPTEE", libelle: "Inscription à la restauration (école publique)." },
    ]);

    // a second inscription comes with the documents already provided (picking one again changes nothing);
    // Mes documents shows who uses it
    const garderie = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: garderiePublique });
    await joindrePiece({ usagerId: usager.id, demandeId: garderie, pieceId: livret.id });
    const documents = await mesDocuments(usager.id);
    expect(documents?.find((d) => d.id === livret.id)?.demandes.map((d) => d.demande.numero)).toEqual([numero]);
    const brouillon = await inscriptionEditable(usager.id, garderie);
    expect(brouillon?.donnees.pieces).toEqual({ LIVRET_FAMILLE: livret.id, JUSTIFICATIF_DOMICILE: expect.any(String) });
  });
});

describe("uploads", () => {
  it("refuses a renamed executable, 11 MB, an empty file, a wrong type and a fake PDF, and keeps nothing", async () => {
    const { usager, enfantId } = await familleValidee("Harriague");
    const demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: restaurationPublique });
    const avant = fichiersStockes().length;
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00]); // "MZ": a Windows executable
    const gros = new Uint8Array(11 * 1024 * 1024);
    gros.set(new TextEncoder().encode(PDF));
    const attaques: [File, RegExp][] = [
      [new File([exe], "livret.pdf", { type: "application/pdf" }), /n'est pas accepté/],
      [new File([gros], "gros.pdf", { type: "application/pdf" }), /dépasse 10 Mo/],
      [new File([], "vide.pdf", { type: "application/pdf" }), /vide/],
      [new File(["GIF89a\x01\x00\x01\x00\x00\x00\x00;"], "image.gif", { type: "image/gif" }), /n'est pas accepté/],
      [new File(["%PDF-1.4 ceci n'est pas un PDF"], "faux.pdf", { type: "application/pdf" }), /PDF est illisible/],
    ];
    for (const [fichier, message] of attaques) {
      expect(await refus(deposerPiece({ usagerId: usager.id, type: "LIVRET_FAMILLE", fichier, demandeId }))).toMatch(
        message,
      );
    }
    expect(await db().pieceJustificative.count({ where: { usagerId: usager.id } })).toBe(0);
    expect((await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).donnees).toMatchObject({ pieces: {} });
    expect(fichiersStockes().length).toBe(avant);
  });
});

describe("another family", () => {
  it("gets not found on the first family's files, inscription and demande, and leaves no file behind trying", async () => {
    const premiere = await familleValidee("Sallaberry");
    const autre = await familleValidee("Ospital");
    const demandeId = await commencerInscription({
      usagerId: premiere.usager.id,
      enfantId: premiere.enfantId,
      activiteId: restaurationPublique,
    });
    const piece = await deposerPiece({
      usagerId: premiere.usager.id,
      type: "JUSTIFICATIF_DOMICILE",
      fichier: pdf(),
      demandeId,
    });
    await deposerPiece({ usagerId: premiere.usager.id, type: "LIVRET_FAMILLE", fichier: pdf(), demandeId });
    await enregistrerInscription({
      usagerId: premiere.usager.id,
      demandeId,
      values: await reponses(restaurationPublique, premiere.contactId),
      etape2: true,
    });
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: premiere.usager.id, demandeId });

    expect(await pieceALire({ kind: "USAGER", usagerId: premiere.usager.id }, piece.id)).not.toBeNull();
    expect(await pieceALire({ kind: "AGENT", agentId: premiere.instructeur.id }, piece.id)).not.toBeNull();
    expect(await pieceALire({ kind: "USAGER", usagerId: autre.usager.id }, piece.id)).toBeNull();
    expect(await demandeDuUsager(autre.usager.id, numero)).toBeNull();
    expect(await inscriptionEditable(autre.usager.id, demandeId)).toBeNull();
    expect((await mesDocuments(autre.usager.id))?.map((d) => d.id)).not.toContain(piece.id);
    expect((await inscriptionsDesEnfants(autre.familleId)).get(premiere.enfantId)).toBeUndefined();
    // the other family's child cannot be enrolled by this parent either
    expect(
      await refus(
        commencerInscription({ usagerId: autre.usager.id, enfantId: premiere.enfantId, activiteId: garderiePublique }),
      ),
    ).toBe("Cette inscription est introuvable.");

    // the first family's piece cannot be picked into the other's draft, nor a file added to the first's demande
    const sienne = await commencerInscription({
      usagerId: autre.usager.id,
      enfantId: autre.enfantId,
      activiteId: restaurationPublique,
    });
    expect(await refus(joindrePiece({ usagerId: autre.usager.id, demandeId: sienne, pieceId: piece.id }))).toBe(
      "Ce document est introuvable.",
    );
    const avant = fichiersStockes().length;
    expect(avant).toBeGreaterThan(0); // this file's storage directory does hold the first family's pieces
    expect(
      await refus(deposerPiece({ usagerId: autre.usager.id, type: "LIVRET_FAMILLE", fichier: pdf(), demandeId })),
    ).toBe("Cette inscription est introuvable.");
    expect(
      await refus(enregistrerInscription({ usagerId: autre.usager.id, demandeId, values: {}, etape2: false })),
    ).toBe("Cette inscription est introuvable.");
    expect(fichiersStockes().length).toBe(avant);
    expect(await db().pieceJustificative.count({ where: { familleId: autre.familleId } })).toBe(0);
  });
});
