// Inscriptions made right after the family's declaration (the seed's "Inscrire" tab), before any agent acted:
// they wait for the family, cannot be accepted before it, are carried over to its new Enfants and Contacts
// (with the pièces sent meanwhile) when it is accepted, and cancelled with the motif when it is refused. A second
// inscription of the child comes prefilled, with the documents already given, and only at the same school.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/pieces-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { declarerFamille as declarer, titulaireDe } from "@/prisma/demo-familles";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { activitesOffertes } from "@/lib/domain/inscription/catalogue";
import { foyerDuUsager } from "@/lib/domain/inscription/queries";
import { lireBrouillon } from "@/lib/domain/famille/schemas";
import { deposerPiece, pieceALire } from "@/lib/domain/piece/pieces";
import { agent, ENFANT, usagerActive } from "./demande-fixtures";
import { familleValidee, piecesVues, reponses } from "./inscription-fixtures";

const PDF =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const pdf = () => new File([PDF], "justificatif.pdf", { type: "application/pdf" });

let restauration: number;

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  restauration = (await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } })).id;
});

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return (erreur as AppError).message;
};

/** A family declared and deposited, not decided; a restauration inscription for its child deposited too. */
async function declareeEtInscrite(nom: string) {
  const usager = await usagerActive(nom);
  const familleDemandeId = await declarer(usager, {
    titulaire: titulaireDe(usager, "MERE"),
    enfants: [{ ...ENFANT, nom }],
    contacts: [{ nom, prenom: "Maddi", lien: "Grand-mère", telephonePortable: "0655443322", autoriseRecuperer: "on" }],
  });
  const ajout = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId: familleDemandeId });
  const declaration = lireBrouillon(
    (await db().demande.findUniqueOrThrow({ where: { id: familleDemandeId } })).donnees,
  );
  const enfantRef = declaration.enfants[0]!.id;
  const contactRef = declaration.contacts[0]!.id;

  // the "Inscrire" tab: the declared child, with every activity of the open year
  const foyer = await foyerDuUsager(usager.id);
  expect(foyer).toEqual({ familleId: null, ajoutFamilleId: familleDemandeId });
  const offre = await activitesOffertes(foyer!);
  expect(offre.enfants.map((e) => e.id)).toEqual([enfantRef]);
  expect(offre.enfants[0]!.activites).toHaveLength(4);

  const demandeId = await commencerInscription({ usagerId: usager.id, enfantId: enfantRef, activiteId: restauration });
  for (const type of ["JUSTIFICATIF_DOMICILE", "LIVRET_FAMILLE"] as const)
    await deposerPiece({ usagerId: usager.id, type, fichier: pdf(), demandeId });
  const etape2 = await enregistrerInscription({
    usagerId: usager.id,
    demandeId,
    values: await reponses(restauration, contactRef),
    etape2: true,
  });
  expect(etape2).toEqual({ manques: null, etape2: true });
  const inscription = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
  // a second draft, never deposited
  const garderie = (await db().activite.findUniqueOrThrow({ where: { code: "GARDERIE_PUBLIQUE" } })).id;
  const brouillonId = await commencerInscription({ usagerId: usager.id, enfantId: enfantRef, activiteId: garderie });
  return { usager, familleDemandeId, ajout, demandeId, inscription, brouillonId, enfantRef, contactRef };
}

describe("inscriptions before the family is accepted", () => {
  it("waits for the family, is refused before it, and is carried over to the new Enfant, Contact and pièces on its acceptance", async () => {
    const { usager, familleDemandeId, ajout, demandeId, inscription, brouillonId, contactRef } =
      await declareeEtInscrite("Larralde");
    const instructeur = await agent();
    const pieces = await db().pieceJustificative.findMany({ where: { usagerId: usager.id } });
    expect(pieces.map((p) => p.familleId)).toEqual([null, null]);
    // the parent reads their own piece; another space does not
    const autre = await usagerActive("Autre");
    expect(await pieceALire({ kind: "USAGER", usagerId: usager.id }, pieces[0]!.id)).not.toBeNull();
    expect(await pieceALire({ kind: "USAGER", usagerId: autre.id }, pieces[0]!.id)).toBeNull();

    // the inscription cannot be accepted before its family; nothing is half-written
    expect(
      await refus(deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter" })),
    ).toBe(
      `Acceptez d'abord la demande d'ajout de famille N° ${ajout.numero} : cette inscription est pour un enfant de cette famille.`,
    );
    expect((await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).statut).toBe("DEPOSEE");
    expect(await db().inscription.count({ where: { demandeId } })).toBe(0);

    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: familleDemandeId,
      decision: "accepter",
    });
    const famille = await db().famille.findFirstOrThrow({
      where: { representants: { some: { usagerId: usager.id } } },
      include: { enfants: true, contacts: true },
    });
    const enfantId = famille.enfants[0]!.enfantId;
    const contactId = famille.contacts[0]!.id;
    const reportee = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });
    expect(reportee.familleId).toBe(famille.id);
    expect(reportee.donnees).toMatchObject({ enfantId, habilitations: { [contactId]: "AUTORISE" } });
    expect(JSON.stringify(reportee.donnees)).not.toContain(contactRef);
    expect((await db().demande.findUniqueOrThrow({ where: { id: brouillonId } })).familleId).toBe(famille.id);
    expect(
      (await db().pieceJustificative.findMany({ where: { usagerId: usager.id } })).map((p) => p.familleId),
    ).toEqual([famille.id, famille.id]);

    // the acceptance's mail says what comes next, the inscription already deposited among it
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: usager.courriel, subject: `Demande N° ${ajout.numero} acceptée` },
    });
    expect(mail.text).toContain(`Vos demandes d'inscription déjà déposées (N° ${inscription.numero})`);
    expect(mail.text).toContain("/inscriptions");
    expect(mail.text).toContain("Complétez le dossier santé de chaque enfant");

    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId,
      decision: "accepter",
      piecesNonVerifiees: await piecesVues(demandeId),
    });
    const creee = await db().inscription.findUniqueOrThrow({ where: { demandeId } });
    expect(creee).toMatchObject({ enfantId, familleId: famille.id, activiteId: restauration });
    expect(creee.habilitations).toEqual([expect.objectContaining({ contactId, autorise: true })]);
  });

  it("is cancelled with the family's refusal, the motif in its history and the mail; its draft is deleted", async () => {
    const { usager, familleDemandeId, ajout, demandeId, inscription, brouillonId } =
      await declareeEtInscrite("Harriet");
    const instructeur = await agent();
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: familleDemandeId,
      decision: "refuser",
      motif: "Famille domiciliée hors de la commune.",
    });
    const annulee = await db().demande.findUniqueOrThrow({
      where: { id: demandeId },
      include: { historique: { orderBy: { id: "desc" }, take: 1 } },
    });
    expect(annulee.statut).toBe("ANNULEE");
    expect(annulee.historique[0]).toMatchObject({
      transition: "annulerAvecFamille",
      acteur: "SYSTEME",
      motif: "Famille domiciliée hors de la commune.",
    });
    expect(await db().demande.findUnique({ where: { id: brouillonId } })).toBeNull();
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: usager.courriel, subject: `Demande N° ${ajout.numero} refusée` },
    });
    expect(mail.text).toContain(
      `Votre demande d'inscription N° ${inscription.numero}, faite pour cette famille, est annulée avec elle.`,
    );
    expect(mail.text).toContain("Motif du refus : Famille domiciliée hors de la commune.");
    // nothing left to enrol for
    expect(await foyerDuUsager(usager.id)).toBeNull();
  });
});

describe("a second inscription of the same child", () => {
  it("takes the first's permissions and habilitations and its documents, not its attestations, and only the same school", async () => {
    const { usager, familleId, enfantId, contactId, instructeur } = await familleValidee("Bidegain");
    const premiere = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: restauration });
    for (const type of ["JUSTIFICATIF_DOMICILE", "LIVRET_FAMILLE"] as const)
      await deposerPiece({ usagerId: usager.id, type, fichier: pdf(), demandeId: premiere });
    await enregistrerInscription({
      usagerId: usager.id,
      demandeId: premiere,
      values: await reponses(restauration, contactId),
      etape2: true,
    });
    await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId: premiere });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: premiere,
      decision: "accepter",
      piecesNonVerifiees: await piecesVues(premiere),
    });

    // the private school's activities are no longer offered, nor startable
    const foyer = { familleId, ajoutFamilleId: null };
    const codes = async () => {
      const offertes = (await activitesOffertes(foyer)).enfants[0]!.activites.map((a) => a.id);
      const activites = await db().activite.findMany({ where: { id: { in: offertes } }, select: { code: true } });
      return activites.map((a) => a.code).sort();
    };
    expect(await codes()).toEqual(["GARDERIE_PUBLIQUE"]);
    const privee = (await db().activite.findUniqueOrThrow({ where: { code: "GARDERIE_PRIVEE" } })).id;
    expect(await refus(commencerInscription({ usagerId: usager.id, enfantId, activiteId: privee }))).toMatch(
      /^Cet enfant est inscrit cette année à « École publique de Villefranque » : les activités d'une autre école ne lui sont pas proposées\.$/,
    );

    const garderie = (await db().activite.findUniqueOrThrow({ where: { code: "GARDERIE_PUBLIQUE" } })).id;
    const seconde = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: garderie });
    const avant = (await db().demande.findUniqueOrThrow({ where: { id: premiere } })).donnees as Record<
      string,
      unknown
    >;
    const donnees = (await db().demande.findUniqueOrThrow({ where: { id: seconde } })).donnees as Record<
      string,
      unknown
    >;
    expect(donnees.permissions).toEqual(avant.permissions);
    expect(donnees.habilitations).toEqual({ [contactId]: "AUTORISE" });
    expect(donnees.attestations).toEqual([]);
    const jointes = await db().demandePiece.findMany({ where: { demandeId: seconde }, include: { piece: true } });
    expect(jointes.map((j) => j.piece.type).sort()).toEqual(["JUSTIFICATIF_DOMICILE", "LIVRET_FAMILLE"]);
    expect(Object.keys(donnees.pieces as object).sort()).toEqual(["JUSTIFICATIF_DOMICILE", "LIVRET_FAMILLE"]);
    // with the attestations checked again, it goes to step 2 as it is
    const attestations = Object.fromEntries(
      Object.entries(await reponses(garderie, contactId)).filter(([cle]) => cle.startsWith("attestation-")),
    );
    const reprise = {
      lieu: "",
      groupe: "",
      ...Object.fromEntries(Object.entries(donnees.permissions as object).map(([c, v]) => [`permission-${c}`, v])),
      [`habilitation-${contactId}`]: "AUTORISE",
    };
    const choix = await reponses(garderie, contactId, { attestation: false });
    expect(
      await enregistrerInscription({
        usagerId: usager.id,
        demandeId: seconde,
        values: { ...reprise, lieu: choix.lieu, groupe: choix.groupe, unite: choix.unite, ...attestations },
        etape2: true,
      }),
    ).toEqual({ manques: null, etape2: true });
  });
});
