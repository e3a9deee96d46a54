// The console's Familles and Paramétrage on PostgreSQL: the search, a correction (validated by the
// declaration's rules, journaled, mailed without personal data), a new CGU version that keeps the old one and
// what each space accepted, and the commune's settings seen at once by the node that saved them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { seedCommune } from "@/prisma/seed";
import { declarerFamille, titulaireDe } from "@/prisma/demo-familles";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { corrigerPersonne } from "@/lib/domain/famille/corriger";
import { ficheFamille, personneDeLaFamille, rechercherFamilles } from "@/lib/domain/famille/queries-agent";
import { currentCgu, versionsDesDocuments } from "@/lib/domain/commune/queries";
import { getCommune, oublierCommune } from "@/lib/commune";
import { modifierCommune } from "@/lib/domain/commune/modifier";
import { publierDocument } from "@/lib/domain/commune/publier-document";
import type { Agent, Usager } from "@/lib/generated/prisma/client";
import { agent as creerAgent, usagerActive } from "./demande-fixtures";

let agent: Agent;
let claire: Usager;
let etchart: string;
let duhalde: string;

/** A family declared by that space and accepted by the agent; returns its id. */
async function familleValidee(
  usager: Usager,
  declaration: Omit<Parameters<typeof declarerFamille>[1], "titulaire">,
): Promise<string> {
  const demandeId = await declarerFamille(usager, { titulaire: titulaireDe(usager, "MERE"), ...declaration });
  await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
  await deciderDemande({
    demarches: DEMARCHES,
    agent: { id: agent.id, prenom: agent.prenom, nom: agent.nom },
    demandeId,
    decision: "accepter",
  });
  const { familleId } = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });
  return familleId!;
}

beforeAll(async () => {
  await seedCommune();
  agent = await creerAgent();
  claire = await usagerActive("Etchart");
  etchart = await familleValidee(claire, {
    coRepresentant: {
      civilite: "MONSIEUR",
      nomUsage: "Etchart",
      prenom: "Mikel",
      telephonePortable: "0611223344",
      qualite: "PERE",
      autoriteParentale: "oui",
      memeAdresse: "on",
    },
    enfants: [
      { sexe: "MASCULIN", nom: "Etchart", prenoms: "Henri", dateNaissance: "2020-05-01", memeAdresse: "on" },
      { sexe: "FEMININ", nom: "Etchart", prenoms: "Louise", dateNaissance: "2022-09-12", memeAdresse: "on" },
    ],
    contacts: [
      {
        nom: "Etchart",
        prenom: "Maddi",
        lien: "Grand-mère",
        telephonePortable: "0655443322",
        aPrevenir: "on",
        autoriseRecuperer: "on",
      },
    ],
  });
  duhalde = await familleValidee(await usagerActive("Duhalde"), {
    enfants: [{ sexe: "FEMININ", nom: "Duhalde", prenoms: "Ane", dateNaissance: "2018-03-21", memeAdresse: "on" }],
  });
  await db().outboxMail.deleteMany();
});

describe("Familles", () => {
  it("finds a family by a representant's or a child's name, in any case and order, or by its clé enfance", async () => {
    const ids = async (q: string) => (await rechercherFamilles({ q, page: 1 })).familles.map((f) => f.id);
    expect(await ids("")).toEqual(expect.arrayContaining([etchart, duhalde]));
    expect(await ids("etchart")).toEqual([etchart]);
    expect(await ids("MIKEL")).toEqual([etchart]);
    expect(await ids("louise etchart")).toEqual([etchart]);
    expect(await ids("ane duhalde")).toEqual([duhalde]);
    expect(await ids("henri duhalde")).toEqual([]);
    const { cleEnfance } = await db().famille.findUniqueOrThrow({ where: { id: duhalde } });
    expect(await ids(cleEnfance.toLowerCase())).toEqual([duhalde]);
    // a page past the end shows the last one
    expect(await rechercherFamilles({ q: "", page: 99 })).toMatchObject({ page: 1, pages: 1, total: 2 });
  });

  it("shows the whole family on its fiche, with the demande that created it", async () => {
    const fiche = await ficheFamille(etchart);
    expect(fiche?.representants.map((r) => [r.role, r.prenom, Boolean(r.usager)])).toEqual([
      ["TITULAIRE", "Claire", true],
      ["CO_REPRESENTANT", "Mikel", false],
    ]);
    expect(fiche?.enfants.map(({ enfant }) => enfant.prenoms)).toEqual(["Henri", "Louise"]);
    expect(fiche?.contacts.map((c) => c.prenom)).toEqual(["Maddi"]);
    expect(fiche?.demandes).toMatchObject([{ type: "AJOUT_FAMILLE", statut: "ACCEPTEE" }]);
  });

  it("refuses a bad field beside it and changes nothing; a correction is journaled and mailed without the data", async () => {
    const maddi = await db().contact.findFirstOrThrow({ where: { familleId: etchart } });
    const cible = { kind: "contact", id: maddi.id } as const;
    const avant = (await personneDeLaFamille(etchart, cible))!.valeurs;

    const refus = await corrigerPersonne({
      agentId: agent.id,
      familleId: etchart,
      cible,
      saisie: { ...avant, telephonePortable: "12" },
    });
    expect(refus).toMatchObject({ ok: false, erreurs: { telephonePortable: expect.stringContaining("10 chiffres") } });
    expect(await db().contact.findUniqueOrThrow({ where: { id: maddi.id } })).toMatchObject({
      telephonePortable: "0655443322",
    });
    expect(await db().outboxMail.count()).toBe(0);

    const correction = await corrigerPersonne({
      agentId: agent.id,
      familleId: etchart,
      cible,
      saisie: { ...avant, telephonePortable: "06 77 88 99 00" },
    });
    expect(correction).toEqual({
      ok: true,
      changements: [{ champ: "telephonePortable", avant: "0655443322", apres: "0677889900" }],
    });
    expect(await db().contact.findUniqueOrThrow({ where: { id: maddi.id } })).toMatchObject({
      telephonePortable: "0677889900",
      aPrevenir: true,
      autoriseRecuperer: true,
    });

    const [entree] = await db().journalEntry.findMany({ where: { event: "famille.corrigee" } });
    expect(entree).toMatchObject({
      actorKind: "AGENT",
      actorId: agent.id,
      details: { familleId: etchart, personne: `contact-${maddi.id}` },
    });
    expect(JSON.stringify(entree!.details)).toContain("0677889900");

    // one mail, to the only linked space (Claire's), which says a change was made but not what
    const mails = await db().outboxMail.findMany();
    expect(mails.map((m) => m.to)).toEqual([claire.courriel]);
    expect(mails[0]!.subject).toBe("Les informations de votre famille ont été modifiées");
    expect(mails[0]!.text).toContain(
      "Les informations de votre famille ont été modifiées par le service Service Enfance",
    );
    expect(mails[0]!.text).toContain("/mon-espace");
    for (const secret of ["Maddi", "0677889900", "06 77", "0655443322", "Etchart", "ETCHART", "Grand-mère"]) {
      expect(`${mails[0]!.subject} ${mails[0]!.html} ${mails[0]!.text}`).not.toContain(secret);
    }

    // the same values again: nothing to journal or to mail
    const again = await corrigerPersonne({
      agentId: agent.id,
      familleId: etchart,
      cible,
      saisie: { ...avant, telephonePortable: "0677889900" },
    });
    expect(again).toEqual({ ok: true, changements: [] });
    expect(await db().outboxMail.count()).toBe(1);
  });

  it("gives a co-représentant leaving the family's address a row of his own, the titulaire's untouched", async () => {
    const [titulaire, mikel] = await db().representant.findMany({
      where: { familleId: etchart },
      orderBy: { role: "asc" },
      include: { adresse: true },
    });
    expect(mikel!.adresseId).toBe(titulaire!.adresseId);
    const cible = { kind: "representant", id: mikel!.id } as const;
    const avant = { ...(await personneDeLaFamille(etchart, cible))!.valeurs, memeAdresse: "" };
    const saisie = {
      ...avant,
      adresseNumero: "3",
      adresseVoie: "Rue Pannecau",
      codePostal: "64100",
      ville: "Bayonne",
      pays: "FRANCE",
    };
    const correction = await corrigerPersonne({ agentId: agent.id, familleId: etchart, cible, saisie });
    expect(correction.ok && correction.changements.map((c) => c.champ)).toEqual(
      expect.arrayContaining(["memeAdresse", "adresseVoie", "ville"]),
    );
    const apres = await db().representant.findUniqueOrThrow({ where: { id: mikel!.id }, include: { adresse: true } });
    expect(apres.adresseId).not.toBe(titulaire!.adresseId);
    expect(apres.adresse).toMatchObject({ voie: "Rue Pannecau", ville: "Bayonne" });
    expect(await db().adresse.findUniqueOrThrow({ where: { id: titulaire!.adresseId } })).toEqual(titulaire!.adresse);

    // back at the family's address: his own row goes
    await corrigerPersonne({ agentId: agent.id, familleId: etchart, cible, saisie: { ...saisie, memeAdresse: "on" } });
    expect((await db().representant.findUniqueOrThrow({ where: { id: mikel!.id } })).adresseId).toBe(
      titulaire!.adresseId,
    );
    expect(await db().adresse.findUnique({ where: { id: apres.adresseId } })).toBeNull();
  });

  it("does not reach a person through another family", async () => {
    const henri = await db().enfant.findFirstOrThrow({ where: { prenoms: "Henri" } });
    const cible = { kind: "enfant", id: henri.id } as const;
    expect(await personneDeLaFamille(duhalde, cible)).toBeNull();
    await expect(
      corrigerPersonne({ agentId: agent.id, familleId: duhalde, cible, saisie: { prenoms: "X" } }),
    ).rejects.toMatchObject({ code: "introuvable" });
    expect((await db().enfant.findUniqueOrThrow({ where: { id: henri.id } })).prenoms).toBe("Henri");
  });
});

describe("Paramétrage", () => {
  it("publishes a new CGU version as n+1: the old text stays, and every space keeps the version it accepted", async () => {
    const v1 = await currentCgu();
    const acceptees = await db().usager.count({ where: { cguVersion: v1.version } });
    expect(acceptees).toBeGreaterThan(0);
    await expect(publierDocument({ agentId: agent.id, type: "CGU", contenu: v1.contenu })).rejects.toMatchObject({
      code: "identique",
      field: "contenu",
    });

    expect(
      await publierDocument({ agentId: agent.id, type: "CGU", contenu: `${v1.contenu}\n\nArticle ajouté.` }),
    ).toEqual({ version: v1.version + 1 });
    expect(await currentCgu()).toMatchObject({ version: v1.version + 1, publieParId: agent.id });
    expect(await db().documentVersion.findUniqueOrThrow({ where: { id: v1.id } })).toEqual(v1);
    expect(await db().usager.count({ where: { cguVersion: v1.version } })).toBe(acceptees);

    const versions = (await versionsDesDocuments()).filter((v) => v.type === "CGU");
    expect(versions.map((v) => [v.version, v.acceptations])).toEqual([
      [v1.version + 1, 0],
      [v1.version, acceptees],
    ]);
    expect(versions[0]!.publiePar).toBe(`${agent.prenom} ${agent.nom.toUpperCase()}`);

    // the règlement intérieur starts at version 1
    expect(await publierDocument({ agentId: agent.id, type: "REGLEMENT_INTERIEUR", contenu: "Article 1." })).toEqual({
      version: 1,
    });
  });

  it("shows a saved commune at once on this node, while another node's change waits for the cache (30 s)", async () => {
    const avant = await getCommune();
    // another node writes: this node keeps its copy for up to 30 s
    await db().commune.update({ where: { id: 1 }, data: { adresse: "Ailleurs" } });
    expect((await getCommune()).adresse).toBe(avant.adresse);

    const { champs } = await modifierCommune({
      agentId: agent.id,
      saisie: {
        nom: avant.nom,
        serviceNom: "Service Enfance et Jeunesse",
        serviceEmail: avant.serviceEmail,
        telephone: "05 59 44 12 34",
        adresse: "Ailleurs",
        siteUrl: "https://www.villefranque.fr",
        totpObligatoire: true,
        delaiJustificatifHeures: 72,
        heureLimiteMaladie: "09:30",
      },
    });
    expect(champs).toEqual(expect.arrayContaining(["serviceNom", "telephone", "siteUrl", "totpObligatoire"]));
    expect(await getCommune()).toMatchObject({
      serviceNom: "Service Enfance et Jeunesse",
      telephone: "05 59 44 12 34",
      siteUrl: "https://www.villefranque.fr",
      totpObligatoire: true,
      delaiJustificatifHeures: 72,
      heureLimiteMaladie: "09:30",
    });
    expect(await db().journalEntry.count({ where: { event: "commune.modifiee", actorId: agent.id } })).toBe(1);
  });

  it("never keeps a read that was under way when the Paramétrage dropped the copy", async () => {
    oublierCommune();
    // a page's read: the database answers with the commune before the change, the answer reaches the page after it
    let repondre = () => {};
    const reponse = new Promise<void>((resolve) => (repondre = resolve));
    let luDansLaBase = () => {};
    const lu = new Promise<void>((resolve) => (luDansLaBase = resolve));
    const delegue = db().commune;
    const lire = delegue.findUnique.bind(delegue);
    const lecture = vi.spyOn(delegue, "findUnique").mockImplementationOnce((async (
      args: Parameters<typeof lire>[0],
    ) => {
      const lue = await lire(args);
      luDansLaBase();
      await reponse;
      return lue;
    }) as unknown as typeof delegue.findUnique);
    const enCours = getCommune();
    await lu;
    await db().commune.update({ where: { id: 1 }, data: { telephone: "05 59 00 00 01" } });
    oublierCommune(); // the change's command
    repondre();
    expect((await enCours).telephone).not.toBe("05 59 00 00 01");
    lecture.mockRestore();
    expect((await getCommune()).telephone).toBe("05 59 00 00 01");
  });
});
