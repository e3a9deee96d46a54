// The dossier santé of issue 26 on PostgreSQL: vaccinations, treatments and the signed PAI stored encrypted (the
// raw rows and the raw storage bytes hold no clear text) and read back; a PAI whose bytes are not a PDF, JPEG or
// PNG refused; the PAI read by the family, by no other family, by SANTE agents only (journaled); the DT-Polio
// reminder once per child and due date, naming no vaccine and no date; the confirmation's transport sentence;
// a demande and a version written before issue 26 still shown.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/dossier-sante-${Math.random().toString(36).slice(2)}`;
});

import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { oublierCommune } from "@/lib/commune";
import { seedCommune } from "@/prisma/seed";
import { getStorage } from "@/lib/storage/storage";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { DEMARCHES, recapPourAgent, recapPourUsager } from "@/lib/domain/demarches";
import { AccesSanteRefuse } from "@/lib/domain/sante/acces-agent";
import { ouvrirFiche, scellerFiche, scellerValeurs } from "@/lib/domain/sante/coffre";
import { avisTransportScolaire, DEMARCHE_DOSSIER_SANTE } from "@/lib/domain/sante/demarche";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { documentPaiPourAgent, documentPaiPourUsager } from "@/lib/domain/sante/queries-pai";
import { envoyerRappelsVaccin } from "@/lib/domain/sante/rappel-vaccin";
import { champTraitement, champVaccin } from "@/lib/domain/sante/suivi";
import { agent } from "./demande-fixtures";
import { dossierValideAvecPai, familleValidee, fichierPai, PAI_PDF } from "./sante-fixtures";

beforeAll(() => seedCommune());

const NOW = new Date("2026-12-07T09:00:00Z");
const SUIVI = {
  [champVaccin("DT_POLIO")]: "2025-06-01",
  [champVaccin("ROR")]: "2020-06-01",
  [champTraitement(1, "medicament")]: "Ventoline",
  [champTraitement(1, "posologie")]: "Deux bouffees si crise",
};
/** Health words of SUIVI and of the PAI's bytes: none may be readable in a row or in the storage. */
const MOTS = ["Ventoline", "bouffees", "DT_POLIO", "2025-06-01", "ROR", "Eczema", "Lactose", "%PDF"];

function illisible(texte: string) {
  for (const mot of MOTS) expect(texte, `« ${mot} » lisible`).not.toContain(mot);
}

const familleDe = async (enfantId: string) =>
  (await db().familleEnfant.findFirstOrThrow({ where: { enfantId } })).familleId;

describe("vaccinations, treatments and the signed PAI", () => {
  it("are stored encrypted (rows and storage), then read back by the family", async () => {
    const { usager, enfantId } = await familleValidee("Chiffre");
    const saisi = await modifierDossierSante({
      usagerId: usager.id,
      enfantId,
      values: SUIVI,
      etape2: false,
      document: fichierPai(),
      now: NOW,
    });
    expect(saisi).toMatchObject({ kind: "enregistre", valeurs: { paiDocumentNom: "pai-signe.pdf" } });
    // the browser gets the document's name, never its storage key nor its digest
    expect(saisi.kind === "enregistre" && Object.keys(saisi.valeurs)).not.toContain("paiDocumentCle");
    const [brouillon] = await db().$queryRaw<{ donnees: unknown }[]>`
      SELECT donnees FROM "Demande" WHERE "enfantId" = ${enfantId} AND type = 'DOSSIER_SANTE'`;
    illisible(JSON.stringify(brouillon));

    const demandeId = await dossierValideAvecPai(usager.id, enfantId, SUIVI);
    const [version] = await db().$queryRaw<{ donneesChiffrees: string }[]>`
      SELECT "donneesChiffrees" FROM "DossierSante" WHERE "enfantId" = ${enfantId}`;
    illisible(version!.donneesChiffrees);
    const { derniere } = (await dossierSanteDuUsager(usager.id, enfantId))!;
    expect(derniere!.fiche.vaccins).toEqual([
      { code: "DT_POLIO", date: "2025-06-01" },
      { code: "ROR", date: "2020-06-01" },
    ]);
    expect(derniere!.fiche.traitements).toEqual([
      { medicament: "Ventoline", posologie: "Deux bouffees si crise", jusquau: null },
    ]);
    const document = derniere!.fiche.paiDocument!;
    expect(document).toMatchObject({ nom: "pai-signe.pdf", mime: "application/pdf", taille: PAI_PDF.length });
    const brut = await getStorage().get(document.cle);
    illisible(Buffer.from(brut!).toString("latin1"));
    const lu = await documentPaiPourUsager(usager.id, enfantId, {});
    expect(Buffer.from(lu!.bytes).equals(PAI_PDF)).toBe(true);
    expect(lu).toMatchObject({ type: "application/pdf", nom: "pai-signe.pdf" });
    // the recap of the demande names the parts and links the PAI through the family's route
    const recap = await recapPourUsager(await db().demande.findUniqueOrThrow({ where: { id: demandeId } }));
    expect(recap.map((s) => s.titre)).toEqual(
      expect.arrayContaining(["Vaccinations", "Traitements en cours", "PAI signé"]),
    );
    expect(recap.find((s) => s.titre === "PAI signé")!.lignes![0]!.href).toBe(
      `/famille/enfants/${enfantId}/sante/pai/fichier?demande=${demandeId}`,
    );
  });

  it("refuses a PAI whose bytes are not a PDF, a JPEG or a PNG, and keeps the rest as typed", async () => {
    const { usager, enfantId } = await familleValidee("Refus");
    const html = Buffer.from("<html><body>PAI</body></html>");
    const resultat = await modifierDossierSante({
      usagerId: usager.id,
      enfantId,
      values: SUIVI,
      etape2: true,
      document: fichierPai(html, "pai.pdf", "application/pdf"),
      now: NOW,
    });
    expect(resultat.kind).toBe("erreurs");
    if (resultat.kind !== "erreurs") return;
    expect(resultat.errors).toEqual({
      paiDocument: "Ce fichier n'est pas accepté : formats possibles PDF, JPEG, PNG, 10 Mo au maximum.",
    });
    expect(resultat.valeurs).toMatchObject(SUIVI);
    expect(resultat.valeurs.paiDocumentNom).toBeUndefined();
    const { editable } = (await dossierSanteDuUsager(usager.id, enfantId))!;
    expect(editable!.etape).toBe(1);
    expect(editable!.valeurs).toMatchObject(SUIVI);
  });

  it("is read by the family, not by another; by SANTE agents only, each reading journaled", async () => {
    const a = await familleValidee("Lecture");
    const b = await familleValidee("Voisine");
    const demandeId = await dossierValideAvecPai(a.usager.id, a.enfantId);
    const familleId = await familleDe(a.enfantId);

    expect(await documentPaiPourUsager(a.usager.id, a.enfantId, { demande: demandeId })).not.toBeNull();
    expect(await documentPaiPourUsager(b.usager.id, a.enfantId, {})).toBeNull();
    expect(await documentPaiPourUsager(b.usager.id, a.enfantId, { demande: demandeId })).toBeNull();

    const sansAcces = await agent("SansAcces");
    await expect(documentPaiPourAgent(sansAcces.id, familleId, a.enfantId, {})).rejects.toBeInstanceOf(
      AccesSanteRefuse,
    );
    const lectrice = await agent("LectricePai", { permissions: ["SANTE"] });
    const lu = await documentPaiPourAgent(lectrice.id, familleId, a.enfantId, { version: "1" });
    expect(Buffer.from(lu!.bytes).equals(PAI_PDF)).toBe(true);
    // another family's id in the path: nothing
    expect(await documentPaiPourAgent(lectrice.id, await familleDe(b.enfantId), a.enfantId, {})).toBeNull();
    const lectures = await db().journalEntry.findMany({
      where: { event: "dossier_sante.pai_consulte", actorId: lectrice.id },
    });
    expect(lectures).toHaveLength(1);
    expect(lectures[0]!.details).toEqual({ enfantId: a.enfantId, numero: null, version: 1 });
    // the agent's recap of the demande links the console's route and says the DT-Polio's state
    const recap = await recapPourAgent(lectrice.id, await db().demande.findUniqueOrThrow({ where: { id: demandeId } }));
    const vaccinations = recap.find((s) => s.titre === "Vaccinations")!;
    expect(vaccinations.texte?.[0]).toMatch(/^DT-Polio : /);
    expect(recap.find((s) => s.titre === "PAI signé")!.lignes![0]!.href).toBe(
      `/agent/familles/${familleId}/enfants/${a.enfantId}/sante/pai/fichier?demande=${demandeId}`,
    );
  });
});

describe("the DT-Polio reminder", () => {
  it("mails each representant once per child and due date, naming no vaccine and no date", async () => {
    const { usager, enfantId } = await familleValidee("Etxeberri");
    // born 2019-05-01: the 6-year booster was due on 2025-05-01; the last injection predates it
    await dossierValideAvecPai(usager.id, enfantId, { [champVaccin("DT_POLIO")]: "2020-04-01" });
    const aJour = await familleValidee("AJour");
    await dossierValideAvecPai(aJour.usager.id, aJour.enfantId, { [champVaccin("DT_POLIO")]: "2025-06-01" });

    await envoyerRappelsVaccin(NOW);
    await envoyerRappelsVaccin(new Date("2026-12-08T09:00:00Z"));
    expect(await db().rappelVaccin.findMany({ where: { enfantId }, select: { echeance: true } })).toEqual([
      { echeance: new Date("2025-05-01T00:00:00Z") },
    ]);
    expect(await db().rappelVaccin.count({ where: { enfantId: aJour.enfantId } })).toBe(0);
    const mails = await db().outboxMail.findMany({ where: { to: usager.courriel, subject: { contains: "à mettre" } } });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Le dossier santé de Louise est à mettre à jour");
    expect(mail.text).toContain(`\nhttp`);
    expect(mail.text).toContain(`/famille/enfants/${enfantId}/sante/mettre-a-jour\n`);
    for (const partie of [mail.subject, mail.text, mail.html])
      expect(partie).not.toMatch(/polio|vaccin|rappel|2025|2020|\d{2}\/\d{2}\/\d{4}/i);
  });
});

describe("the confirmation's transport sentence", () => {
  it("is shown only when the commune names its operator, with the link to the child's signalement", async () => {
    const enfantId = randomUUID();
    const demande = { numero: 1, donnees: {}, enfantId };
    const operateur = async (transportOperateur: string | null) => {
      await db().commune.update({ where: { id: 1 }, data: { transportOperateur } });
      oublierCommune();
    };
    await operateur(null);
    expect(await DEMARCHE_DOSSIER_SANTE.avisApresDepot(demande)).toBeNull();
    await operateur("TXIK TXAK");
    expect(await DEMARCHE_DOSSIER_SANTE.avisApresDepot(demande)).toEqual({
      texte:
        "Si votre enfant prend le transport scolaire, nous vous remercions de nous en faire le signalement sur le portail, en parallèle de l'inscription auprès de TXIK TXAK.",
      lien: { libelle: "Signaler le transport scolaire", href: `/famille/enfants/${enfantId}/transport` },
    });
    expect(avisTransportScolaire("Autocars Atlantique", enfantId)?.texte).toContain("auprès d'Autocars Atlantique.");
    await operateur(null);
  });
});

describe("data written before issue 26", () => {
  it("a version-1 demande is still shown and accepted; a version without the new parts reads them empty", async () => {
    const { usager, enfantId } = await familleValidee("Ancienne");
    const id = randomUUID();
    await db().demande.create({
      data: {
        id,
        type: "DOSSIER_SANTE",
        statut: "BROUILLON",
        usagerId: usager.id,
        enfantId,
        familleId: await familleDe(enfantId),
        donneesVersion: 1,
        donnees: scellerValeurs(id, { medecinNom: "Dr Amaia ETCHEVERRY", pai: "on" }, true),
      },
    });
    await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId: id });
    const demande = await db().demande.findUniqueOrThrow({ where: { id } });
    const recap = await recapPourUsager(demande);
    expect(recap.find((s) => s.titre === "Vaccinations")).toMatchObject({
      liste: [],
      vide: "Aucune information connue.",
    });
    expect(recap.find((s) => s.titre === "PAI signé")).toEqual({
      titre: "PAI signé",
      texte: ["Aucun document joint."],
    });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: await agent("Ancienne", { permissions: ["SANTE"] }),
      demandeId: id,
      decision: "accepter",
    });
    const { derniere } = (await dossierSanteDuUsager(usager.id, enfantId))!;
    expect(derniere!.fiche).toMatchObject({ medecin: { nom: "Dr Amaia ETCHEVERRY" }, vaccins: [], paiDocument: null });

    // a version sealed before issue 26: its JSON has no follow-up at all
    const versionId = randomUUID();
    const ancienne = { medecin: null, habitudes: [], habitudeAutre: null, allergies: [], allergieAutre: null };
    await db().dossierSante.create({
      data: {
        id: versionId,
        enfantId,
        version: 99,
        donneesChiffrees: scellerFiche(enfantId, versionId, { ...ancienne, commentaire: null, pai: false } as never),
      },
    });
    const lue = ouvrirFiche(await db().dossierSante.findUniqueOrThrow({ where: { id: versionId } }));
    expect(lue).toMatchObject({ vaccins: [], vaccinAutre: null, traitements: [], paiDocument: null });
  });
});
