// The dossier santé on PostgreSQL: what is stored is unreadable without the key (raw rows hold no allergen,
// no doctor, no comment), another family reaches nothing of it, an agent's acceptance adds a dated version
// (each one kept), and every agent read is journaled without health data.
import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedCommune } from "@/prisma/seed";
import { annulerDemande } from "@/lib/domain/demande/annuler";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { demandeDuUsager, mesDemandes } from "@/lib/domain/demande/queries";
import { ouvrirValeurs } from "@/lib/domain/sante/coffre";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { dossierSanteDuUsager, etatsSante, rechercherMedecins } from "@/lib/domain/sante/queries";
import { dossierSantePourAgent, enfantDeFamille, lireDemandeSantePourAgent } from "@/lib/domain/sante/queries-agent";
import { ALLERGENES, champAllergie, champHabitude, type Allergene } from "@/lib/domain/sante/schemas";
import { rechiffrerTout } from "@/lib/rotation-cle";
import { agent } from "./demande-fixtures";
import { familleValidee } from "./sante-fixtures";

beforeAll(() => seedCommune());

const TOUS_LES_ALLERGENES = Object.fromEntries(
  (Object.keys(ALLERGENES) as Allergene[]).map((code) => [champAllergie(code), "on"]),
);
const FORMULAIRE = {
  medecinNom: "Dr Amaia ETCHEVERRY",
  medecinCommune: "Villefranque",
  medecinTelephone: "0559440101",
  [champHabitude("SANS_PORC")]: "on",
  ...TOUS_LES_ALLERGENES,
  allergieAutre: "Kiwi",
  commentaire: "Asthme d'effort",
  pai: "on",
};
/** Every health word of FORMULAIRE: none may be readable in a row, a mail or the journal. */
const MOTS_SANTE = [
  ...Object.values(ALLERGENES).filter((libelle) => libelle !== "Autre"),
  ...Object.keys(ALLERGENES).filter((code) => code !== "AUTRE"),
  "Kiwi",
  "Etcheverry",
  "Asthme",
  "SANS_PORC",
  'pai"',
];

/** Nothing readable outside the ciphertexts (whose random base64 may, by chance, spell a short word). */
function sansDonneeSante(texte: string) {
  const clair = texte.replace(/v1:[\w-]+:[\w-]+:[\w-]+/g, "v1:…").toLowerCase();
  for (const mot of MOTS_SANTE) expect(clair, `« ${mot} » lisible`).not.toContain(mot.toLowerCase());
}

async function deposerMiseAJour(usagerId: string, enfantId: string, values: Record<string, string> = FORMULAIRE) {
  expect(await modifierDossierSante({ usagerId, enfantId, values, etape2: true })).toEqual({ kind: "recapitulatif" });
  const dossier = await dossierSanteDuUsager(usagerId, enfantId);
  const demandeId = dossier!.editable!.id;
  const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId, demandeId });
  return { demandeId, numero };
}

describe("the dossier santé", () => {
  it(
    "stores the health data only encrypted: the draft, the deposited demande, the version, the mails",
    { timeout: 90_000 },
    async () => {
      const { usager, enfantId } = await familleValidee("Chiffre");
      const { demandeId, numero } = await deposerMiseAJour(usager.id, enfantId);
      const instructeur = await agent(undefined, { permissions: ["SANTE"] });
      await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter" });

      const [demande] = await db().$queryRaw<
        { donnees: string }[]
      >`SELECT donnees::text AS donnees FROM "Demande" WHERE id = ${demandeId}`;
      expect(demande!.donnees).toMatch(/"sante": "v1:/);
      sansDonneeSante(demande!.donnees);
      const versions = await db().$queryRaw<
        { ligne: string }[]
      >`SELECT row_to_json(d)::text AS ligne FROM "DossierSante" d WHERE "enfantId" = ${enfantId}`;
      expect(versions).toHaveLength(1);
      sansDonneeSante(versions[0]!.ligne);
      const mails = await db().$queryRaw<
        { mail: string }[]
      >`SELECT concat_ws(' ', subject, html, text) AS mail FROM "OutboxMail" WHERE "to" = ${usager.courriel}`;
      expect(mails.length).toBeGreaterThanOrEqual(2); // the deposit and the decision
      expect(mails.some((m) => m.mail.includes(`${numero}`))).toBe(true);
      for (const { mail } of mails) sansDonneeSante(mail);

      // the right key opens it; another key does not, and says nothing of the data
      const dossier = await dossierSanteDuUsager(usager.id, enfantId);
      expect(dossier!.derniere!.fiche.allergies).toHaveLength(15);
      const cle = process.env.CLE_CHIFFREMENT;
      process.env.CLE_CHIFFREMENT = Buffer.alloc(32, 7).toString("base64");
      try {
        const echec = await dossierSanteDuUsager(usager.id, enfantId).catch((error: unknown) => error);
        expect(echec).toBeInstanceOf(Error);
        sansDonneeSante((echec as Error).message);
      } finally {
        if (cle === undefined) delete process.env.CLE_CHIFFREMENT;
        else process.env.CLE_CHIFFREMENT = cle;
      }

      // a ciphertext is bound to its demande: copied into another one, it does not open
      const autre = await familleValidee("Copie");
      await modifierDossierSante({ usagerId: autre.usager.id, enfantId: autre.enfantId, values: {}, etape2: false });
      const brouillon = (await dossierSanteDuUsager(autre.usager.id, autre.enfantId))!.editable!;
      const donnees = (await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).donnees;
      await db().demande.update({ where: { id: brouillon.id }, data: { donnees: donnees as object } });
      expect(() => ouvrirValeurs({ id: brouillon.id, donnees: donnees })).toThrow(/Déchiffrement impossible/);
      await annulerDemande({ usagerId: autre.usager.id, demandeId: brouillon.id });
    },
  );

  it("keeps each validated version with its date; the cards show the state without opening anything", async () => {
    const { usager, enfantId } = await familleValidee("Versions");
    expect((await etatsSante([enfantId])).get(enfantId)).toEqual({ derniereMiseAJour: null, enAttente: null });
    const instructeur = await agent(undefined, { permissions: ["SANTE"] });

    const premiere = await deposerMiseAJour(usager.id, enfantId, { [champAllergie("LAIT")]: "on" });
    expect((await etatsSante([enfantId])).get(enfantId)).toEqual({
      derniereMiseAJour: null,
      enAttente: premiere.numero,
    });
    // one update at a time: the next waits for the agents' decision
    await expect(
      modifierDossierSante({ usagerId: usager.id, enfantId, values: {}, etape2: false }),
    ).rejects.toMatchObject({ code: "en_attente" });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: premiere.demandeId,
      decision: "accepter",
    });

    const seconde = await deposerMiseAJour(usager.id, enfantId, {
      [champAllergie("SOJA")]: "on",
      [champHabitude("VEGETARIEN")]: "on",
    });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: seconde.demandeId,
      decision: "accepter",
    });

    const versions = await db().dossierSante.findMany({ where: { enfantId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.demandeId, v.valideeParId])).toEqual([
      [1, premiere.demandeId, instructeur.id],
      [2, seconde.demandeId, instructeur.id],
    ]);
    const dossier = await dossierSanteDuUsager(usager.id, enfantId);
    expect(dossier!.derniere).toMatchObject({
      version: 2,
      valideeAt: versions[1]!.valideeAt,
      fiche: { allergies: ["SOJA"], habitudes: ["VEGETARIEN"] },
    });
    expect((await etatsSante([enfantId])).get(enfantId)).toEqual({
      derniereMiseAJour: versions[1]!.valideeAt,
      enAttente: null,
    });
    const historique = await dossierSantePourAgent(instructeur.id, enfantId);
    expect(historique.map((v) => v.fiche.allergies)).toEqual([["SOJA"], ["LAIT"]]);
  });

  it("refuses to deposit an incomplete form, which is kept as typed", async () => {
    const { usager, enfantId } = await familleValidee("Incomplet");
    const values = { [champAllergie("AUTRE")]: "on", medecinTelephone: "12" };
    const resultat = await modifierDossierSante({ usagerId: usager.id, enfantId, values, etape2: true });
    expect(resultat).toEqual({
      kind: "erreurs",
      errors: {
        allergieAutre: "Précisez l'autre allergie.",
        medecinNom: expect.any(String),
        medecinTelephone: expect.any(String),
      },
      valeurs: values,
    });
    const { editable } = (await dossierSanteDuUsager(usager.id, enfantId))!;
    expect(editable!.etape).toBe(1);
    expect(ouvrirValeurs(editable!)).toEqual(values);
    await expect(
      deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId: editable!.id }),
    ).rejects.toMatchObject({
      code: "incomplete",
    });
  });

  it("gives another family nothing: the record, the update, its demande and its history are not found", async () => {
    const a = await familleValidee("Premiere");
    const b = await familleValidee("Seconde");
    const { demandeId, numero } = await deposerMiseAJour(a.usager.id, a.enfantId);

    expect(await dossierSanteDuUsager(b.usager.id, a.enfantId)).toBeNull();
    expect(await dossierSanteDuUsager(b.usager.id, "pas-un-uuid")).toBeNull();
    await expect(
      modifierDossierSante({ usagerId: b.usager.id, enfantId: a.enfantId, values: FORMULAIRE, etape2: true }),
    ).rejects.toMatchObject({ code: "introuvable" });
    expect(await demandeDuUsager(b.usager.id, numero)).toBeNull(); // the demande, its Historique and Échanges
    expect((await mesDemandes(b.usager.id)).map((d) => d.id)).not.toContain(demandeId);
    await expect(deposerDemande({ demarches: DEMARCHES, usagerId: b.usager.id, demandeId })).rejects.toBeInstanceOf(
      AppError,
    );
    await expect(annulerDemande({ usagerId: b.usager.id, demandeId })).rejects.toMatchObject({ code: "introuvable" });
    // b's refused attempt left nothing behind
    expect(await db().demande.count({ where: { usagerId: b.usager.id, type: "DOSSIER_SANTE" } })).toBe(0);
  });

  it("journals every agent read, without health data", async () => {
    const { usager, enfantId } = await familleValidee("Journal");
    const { demandeId, numero } = await deposerMiseAJour(usager.id, enfantId);
    const lectrice = await agent("Lectrice", { permissions: ["SANTE"] });
    const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });

    const { fiche, enfant } = await lireDemandeSantePourAgent(lectrice.id, demande);
    expect(fiche?.allergies).toContain("ARACHIDES");
    expect(enfant?.prenoms).toBe("Louise");
    await deciderDemande({ demarches: DEMARCHES, agent: lectrice, demandeId, decision: "accepter" });
    await dossierSantePourAgent(lectrice.id, enfantId);
    // the console's URL names the family and the child: a child of another family is not found
    const famille = await db().familleEnfant.findFirstOrThrow({ where: { enfantId } });
    expect(await enfantDeFamille(famille.familleId, enfantId)).toMatchObject({ prenoms: "Louise" });
    const autre = await familleValidee("AutreFamille");
    expect(await enfantDeFamille(famille.familleId, autre.enfantId)).toBeNull();

    const lectures = await db().journalEntry.findMany({
      where: { event: "dossier_sante.lecture", actorId: lectrice.id },
      orderBy: { id: "asc" },
    });
    expect(lectures.map((l) => l.details)).toEqual([
      { numero, enfantId },
      { enfantId, versions: 1 },
    ]);
    const journal = await db().$queryRaw<
      { ligne: string }[]
    >`SELECT row_to_json(j)::text AS ligne FROM "JournalEntry" j`;
    for (const { ligne } of journal) sansDonneeSante(ligne);
  });

  it("searches the commune's directory of doctors by name or commune", async () => {
    await db().medecin.createMany({
      data: [
        { nom: "Dufau", prenom: "Laurent", commune: "Villefranque" },
        { nom: "Harriet", prenom: "Sophie", commune: "Ustaritz" },
        { nom: "Ancien", prenom: "Paul", commune: "Ustaritz", actif: false },
      ],
    });
    expect((await rechercherMedecins("dufau")).map((m) => m.nom)).toEqual(["Dufau"]);
    expect((await rechercherMedecins("ustar")).map((m) => m.nom)).toEqual(["Harriet"]);
    expect(await rechercherMedecins("d")).toEqual([]);
  });

  it(
    "rotates the key: every value is rewritten under the new one, and the previous key can go",
    { timeout: 60_000 },
    async () => {
      const { usager, enfantId } = await familleValidee("Rotation");
      const { demandeId } = await deposerMiseAJour(usager.id, enfantId);
      await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId, decision: "accepter" });
      const avant = { cle: process.env.CLE_CHIFFREMENT, ancienne: process.env.CLE_CHIFFREMENT_ANCIENNE };
      // the key the tests ran with: the one set, or the development key of lib/chiffrement.ts
      process.env.CLE_CHIFFREMENT_ANCIENNE =
        avant.cle ?? createHash("sha256").update("portail-famille-cle-de-developpement").digest("base64");
      process.env.CLE_CHIFFREMENT = randomBytes(32).toString("base64");
      try {
        const bilan = await rechiffrerTout();
        expect(bilan.dossiersSante).toBeGreaterThanOrEqual(1);
        expect(bilan.demandesSante).toBeGreaterThanOrEqual(1);
        expect(bilan.illisibles).toBe(0);
        delete process.env.CLE_CHIFFREMENT_ANCIENNE;
        expect((await dossierSanteDuUsager(usager.id, enfantId))!.derniere!.fiche.allergies).toContain("ARACHIDES");
        expect(ouvrirValeurs(await db().demande.findUniqueOrThrow({ where: { id: demandeId } }))).toMatchObject({
          [champAllergie("ARACHIDES")]: "on",
        });
        expect(await rechiffrerTout()).toEqual({
          secretsTotp: 0,
          dossiersSante: 0,
          demandesSante: 0,
          commandesRepas: 0,
          illisibles: 0,
        });
      } finally {
        for (const [nom, valeur] of [
          ["CLE_CHIFFREMENT", avant.cle],
          ["CLE_CHIFFREMENT_ANCIENNE", avant.ancienne],
        ] as const) {
          if (valeur === undefined) delete process.env[nom];
          else process.env[nom] = valeur;
        }
      }
    },
  );
});
