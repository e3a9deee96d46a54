// « Contacts et habilitations » on PostgreSQL: the parent deposits the family's whole new list (a person added,
// one changed, per child « Venir chercher l'enfant » and « À prévenir »); the recap says what changes; accepting
// applies it (Contact, ContactEnfant, the active inscription's habilitations) and the day's pointage list shows who
// may pick the child up at once; a refusal changes nothing; another family's space sees nothing of it and cannot
// deposit for a family it is not in; a removed contact leaves the pointage list.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/contacts-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { contactsDuUsager } from "@/lib/domain/famille/contacts";
import { lireSaisieContacts, valeursDe, type Personne } from "@/lib/domain/famille/contacts-saisie";
import { demanderContacts } from "@/lib/domain/famille/demander-contacts";
import { DEMARCHE_CONTACTS_HABILITATIONS } from "@/lib/domain/famille/demarche-contacts";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { DEMARCHE_INSCRIPTION } from "@/lib/domain/inscription/demarche";
import { listeDuJour } from "@/lib/domain/pointage/liste";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { cantinePublique } from "./cantine-fixtures";
import { familleInscrite, familleValidee } from "./inscription-fixtures";

const AOUT = new Date("2026-08-20T10:00:00Z");
let lieuId: number;
let classique: number;

beforeAll(async () => {
  ({ lieuId, classique } = await cantinePublique());
}, 120_000);

type Inscrite = Awaited<ReturnType<typeof familleInscrite>>;

async function reserver(f: Inscrite, date: string) {
  await enregistrerReservations({
    usagerId: f.usager.id,
    inscriptionId: f.inscriptionId,
    changements: [{ date, uniteId: classique, reserver: true }],
    now: AOUT,
  });
}

/** Who may pick the child up on that day's list, as the agent reads it. */
async function pickups(f: Inscrite, date: string) {
  const { lieux } = await listeDuJour({ agentId: f.instructeur.id, date, lieuId });
  const enfant = lieux[0]!.unites.flatMap((u) => u.enfants).find((e) => e.enfantId === f.enfantId);
  return enfant!.habilitations.map((h) => `${h.nom} ${h.lien} ${h.telephone} ${h.autorise ? "oui" : "non"}`);
}

const MAMIE: Personne = {
  id: null,
  prenom: "Jeanne",
  nom: "Mamie",
  lien: "Grand-mère",
  telephonePortable: "0612345678",
  telephoneDomicile: null,
  enfants: {},
};

/** The family's list as it stands, with Mamie Jeanne allowed for the child, and Maddi forbidden. */
async function nouvelleListe(f: Inscrite) {
  const actuels = (await contactsDuUsager(f.usager.id))!;
  const maddi = actuels.contacts[0]!;
  return [
    {
      ...maddi,
      telephonePortable: "0699887766",
      enfants: { [f.enfantId]: { autoriseRecuperer: false, aPrevenir: true } },
    },
    { ...MAMIE, enfants: { [f.enfantId]: { autoriseRecuperer: true, aPrevenir: true } } },
  ];
}

const demandeDe = async (numero: number) => db().demande.findFirstOrThrow({ where: { numero } });

describe("Contacts et habilitations", () => {
  it("reads the form: each person's fields and per child its answer, a phone required to pick up", () => {
    const enfants = [{ id: "e1", prenoms: "Ane" }];
    const refus = lireSaisieContacts(
      {
        contacts: "a,b",
        "contact-a-prenom": "Jeanne",
        "contact-a-nom": "Mamie",
        "contact-a-lien": "Grand-mère",
        "contact-a-e1-recuperer": "AUTORISE",
        "contact-b-prenom": "",
        "contact-b-retirer": "",
      },
      enfants,
    );
    expect(refus).toEqual({
      ok: false,
      errors: {
        "contact-a-telephonePortable":
          "Indiquez au moins un téléphone : cette personne peut venir chercher un enfant ou être prévenue.",
        "contact-b-prenom": "Indiquez le prénom de la personne.",
        "contact-b-nom": "Indiquez le nom de la personne.",
        "contact-b-lien": "Indiquez le lien avec l'enfant (grand-mère, voisin…).",
        "contact-b-e1-recuperer": "Choisissez Autorisation ou Interdiction pour Ane.",
      },
    });
    const personne = { ...MAMIE, enfants: { e1: { autoriseRecuperer: true, aPrevenir: false } } };
    const relue = lireSaisieContacts(
      { contacts: "x,y", ...valeursDe("x", personne), "contact-y-retirer": "on" },
      enfants,
    );
    expect(relue).toEqual({ ok: true, contacts: [personne] });
  });

  it(
    "deposits the new list, its recap saying what changes; accepting applies it to the inscription and the pointage list",
    { timeout: 120_000 },
    async () => {
      const f = await familleInscrite("Contacta");
      await reserver(f, "2026-09-14");
      expect(await pickups(f, "2026-09-14")).toEqual(["Maddi CONTACTA Grand-mère 0655443322 oui"]);

      const { numero } = await demanderContacts({ usagerId: f.usager.id, contacts: await nouvelleListe(f) });
      const demande = await demandeDe(numero);
      expect(demande).toMatchObject({ type: "CONTACTS_HABILITATIONS", familleId: f.familleId, statut: "DEPOSEE" });
      const recap = await DEMARCHE_CONTACTS_HABILITATIONS.recap.usager(demande);
      expect(recap).toEqual([
        {
          titre: "Personnes ajoutées",
          liste: ["Jeanne MAMIE (Grand-mère, 0612345678)"],
          vide: "Aucune personne ajoutée.",
        },
        {
          titre: "Personnes modifiées",
          liste: ["Maddi CONTACTA (Grand-mère, 0699887766) — avant : Maddi CONTACTA (Grand-mère, 0655443322)"],
          vide: "Aucune personne modifiée.",
        },
        { titre: "Personnes retirées", liste: [], vide: "Aucune personne retirée." },
        {
          titre: "Habilitations — Henri",
          lignes: [
            {
              libelle: "Venir chercher l'enfant — Maddi CONTACTA",
              valeur: "Interdit, à prévenir en cas d'urgence (avant : Autorisé, à prévenir en cas d'urgence)",
            },
            { libelle: "Venir chercher l'enfant — Jeanne MAMIE", valeur: "Autorisé, à prévenir en cas d'urgence" },
          ],
          vide: "Aucune personne autre que les représentants.",
        },
      ]);
      // one at a time per family
      await expect(demanderContacts({ usagerId: f.usager.id, contacts: [] })).rejects.toThrow(
        `Votre demande de contacts et habilitations N° ${numero} est déjà en cours d'instruction.`,
      );
      // nothing changes before the decision
      expect(await pickups(f, "2026-09-14")).toEqual(["Maddi CONTACTA Grand-mère 0655443322 oui"]);

      await deciderDemande({ demarches: DEMARCHES, agent: f.instructeur, demandeId: demande.id, decision: "accepter" });
      const apres = (await contactsDuUsager(f.usager.id))!;
      expect(apres.contacts.map((c) => [c.prenom, c.telephonePortable, c.enfants[f.enfantId]])).toEqual([
        ["Maddi", "0699887766", { autoriseRecuperer: false, aPrevenir: true }],
        ["Jeanne", "0612345678", { autoriseRecuperer: true, aPrevenir: true }],
      ]);
      const jeanne = apres.contacts.find((c) => c.prenom === "Jeanne")!;
      const inscription = await db().inscription.findUniqueOrThrow({ where: { id: f.inscriptionId } });
      expect(inscription.habilitations).toEqual([
        { contactId: apres.contacts[0]!.id, nom: "Maddi CONTACTA", autorise: false },
        { contactId: jeanne.id, nom: "Jeanne MAMIE", autorise: true },
      ]);
      expect(await pickups(f, "2026-09-14")).toEqual([
        "Jeanne MAMIE Grand-mère 0612345678 oui",
        "Maddi CONTACTA Grand-mère 0699887766 non",
      ]);
      // the inscription as the parent and the agent read it: the new answers
      const sections = await DEMARCHE_INSCRIPTION.recap.usager(
        await db().demande.findUniqueOrThrow({ where: { id: inscription.demandeId } }),
      );
      expect(sections.find((s) => s.titre === "Habilitations")?.lignes).toEqual([
        { libelle: "Venir chercher l'enfant — Maddi CONTACTA", valeur: "Interdit" },
        { libelle: "Venir chercher l'enfant — Jeanne MAMIE", valeur: "Autorisé" },
      ]);
      const mail = await db().outboxMail.findFirst({
        where: { to: f.usager.courriel, subject: { contains: String(numero) } },
        orderBy: { createdAt: "desc" },
      });
      expect(mail?.text).toContain("Les contacts et les habilitations de vos enfants sont enregistrés");

      // removed: Maddi leaves the list of the day and the inscription
      const { numero: retrait } = await demanderContacts({
        usagerId: f.usager.id,
        contacts: apres.contacts.filter((c) => c.prenom !== "Maddi"),
      });
      const recapRetrait = await DEMARCHE_CONTACTS_HABILITATIONS.recap.agent(await demandeDe(retrait));
      expect(recapRetrait[2]).toMatchObject({ liste: ["Maddi CONTACTA (Grand-mère, 0699887766)"] });
      await deciderDemande({
        demarches: DEMARCHES,
        agent: f.instructeur,
        demandeId: (await demandeDe(retrait)).id,
        decision: "accepter",
      });
      expect(await pickups(f, "2026-09-14")).toEqual(["Jeanne MAMIE Grand-mère 0612345678 oui"]);
      expect(await db().contact.count({ where: { familleId: f.familleId } })).toBe(1);
    },
  );

  it("a refusal changes nothing", { timeout: 120_000 }, async () => {
    const f = await familleInscrite("Refusa");
    const avant = await contactsDuUsager(f.usager.id);
    const { numero } = await demanderContacts({ usagerId: f.usager.id, contacts: await nouvelleListe(f) });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: f.instructeur,
      demandeId: (await demandeDe(numero)).id,
      decision: "refuser",
      motif: "Merci de nous appeler.",
    });
    expect((await demandeDe(numero)).statut).toBe("REFUSEE");
    expect(await contactsDuUsager(f.usager.id)).toEqual({ ...avant, enCours: null });
    const inscription = await db().inscription.findUniqueOrThrow({ where: { id: f.inscriptionId } });
    expect(inscription.habilitations).toEqual([{ contactId: f.contactId, nom: "Maddi REFUSA", autorise: true }]);
  });

  it(
    "another family sees nothing of it and cannot deposit with a contact not its own",
    { timeout: 120_000 },
    async () => {
      const f = await familleInscrite("Secreta");
      const autre = await familleValidee("Voisina");
      const { numero } = await demanderContacts({ usagerId: f.usager.id, contacts: await nouvelleListe(f) });
      expect(await demandeDuUsager(autre.usager.id, numero)).toBeNull();
      // its own list holds a person of the first family: refused, nothing deposited
      const erreur = await demanderContacts({
        usagerId: autre.usager.id,
        contacts: [{ ...MAMIE, id: f.contactId }],
      }).catch((e: unknown) => e);
      expect(erreur).toBeInstanceOf(AppError);
      expect((erreur as AppError).message).toBe("Une des personnes n'est plus parmi vos contacts : rechargez la page.");
      // answers for a child not of this family are dropped
      const { numero: sienne } = await demanderContacts({
        usagerId: autre.usager.id,
        contacts: [{ ...MAMIE, enfants: { [f.enfantId]: { autoriseRecuperer: true, aPrevenir: true } } }],
      });
      expect((await demandeDe(sienne)).donnees).toMatchObject({ contacts: [{ prenom: "Jeanne", enfants: {} }] });
      await deciderDemande({
        demarches: DEMARCHES,
        agent: f.instructeur,
        demandeId: (await demandeDe(sienne)).id,
        decision: "accepter",
      });
      expect(await db().contactEnfant.count({ where: { enfantId: f.enfantId } })).toBe(1);
      // a space without a family cannot deposit at all
      const { usagerActive } = await import("./demande-fixtures");
      const seul = await usagerActive("Sansfamille");
      await expect(demanderContacts({ usagerId: seul.id, contacts: [MAMIE] })).rejects.toThrow(
        "Votre espace n'est rattaché à aucune famille",
      );
    },
  );

  it("a family without contacts is asked whether someone else picks the child up; « Oui » leads to the page", async () => {
    const f = await familleValidee("Seula");
    const { id: activiteId } = await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } });
    const demander = async (usagerId: string, enfantId: string) => {
      const demandeId = await commencerInscription({ usagerId, enfantId, activiteId });
      await enregistrerInscription({ usagerId, demandeId, values: { autreRecuperateur: "OUI" }, etape2: false });
      return db().demande.findUniqueOrThrow({ where: { id: demandeId } });
    };
    // with a contact, the question is not asked: the answer posted is dropped
    const avecContact = await demander(f.usager.id, f.enfantId);
    expect(avecContact.donnees).toMatchObject({ autreRecuperateur: null });
    expect((await DEMARCHE_INSCRIPTION.avisApresDepot(avecContact, new Date()))?.lien).toBeUndefined();
    await db().demande.delete({ where: { id: avecContact.id } });
    await db().contact.deleteMany({ where: { familleId: f.familleId } });
    const sansContact = await demander(f.usager.id, f.enfantId);
    expect(sansContact.donnees).toMatchObject({ autreRecuperateur: "OUI" });
    expect((await DEMARCHE_INSCRIPTION.avisApresDepot(sansContact, new Date()))?.lien).toEqual({
      libelle: "Contacts et habilitations",
      href: "/famille/contacts",
    });
  });
});
