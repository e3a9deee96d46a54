// « Ajouter un enfant » from Ma famille, on PostgreSQL: the child typed as the declaration asks it, the recap for
// the parent and the agent, the acceptance that makes it a child of the family with the family's contacts'
// answers (who may pick it up), the refusal that creates nothing, and a space that is not the family's.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/famille-evolue-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { demanderAjoutEnfant } from "@/lib/domain/famille/ajouter-enfant";
import { familleDuUsager } from "@/lib/domain/famille/queries";
import { usagerActive } from "./demande-fixtures";
import { decider, dernierMail, familleValidee, hier, preparer, recaps } from "./famille-evolue-fixtures";

beforeAll(() => preparer());

const NOUVEAU_NE = { sexe: "FEMININ", nom: "Etchart", prenoms: "Ane", memeAdresse: "on", lieuNaissance: "Bayonne" };

describe("Ajout d'un enfant", () => {
  it("says beside each field what is missing, and deposits nothing", async () => {
    const f = await familleValidee("Manquant");
    const resultat = await demanderAjoutEnfant({ usagerId: f.usager.id, saisie: { nom: "Manquant" } });
    expect(resultat).toEqual({
      ok: false,
      erreurs: expect.objectContaining({
        sexe: "Indiquez le sexe de l'enfant.",
        prenoms: "Indiquez le ou les prénoms de l'enfant.",
        dateNaissance: "Indiquez la date de naissance de l'enfant.",
      }),
    });
    expect(await db().demande.count({ where: { usagerId: f.usager.id, type: "AJOUT_ENFANT" } })).toBe(0);
  });

  it("deposits a newborn, shown to the parent and to the agent; accepted, the child is the family's with its pickups", async () => {
    const f = await familleValidee("Naissance");
    const naissance = hier();
    const depot = await demanderAjoutEnfant({
      usagerId: f.usager.id,
      saisie: { ...NOUVEAU_NE, nom: "Naissance", dateNaissance: naissance },
    });
    if (!depot.ok) throw new Error(JSON.stringify(depot.erreurs));
    const demande = await db().demande.findFirstOrThrow({ where: { numero: depot.numero } });
    expect(demande).toMatchObject({ type: "AJOUT_ENFANT", statut: "DEPOSEE", familleId: f.familleId });
    const lus = await recaps(f.usager.id, depot.numero, f.instructeur.id);
    const jour = naissance.split("-").reverse().join("/");
    for (const texte of [lus!.usager, lus!.agent]) {
      expect(texte).toContain("Enfant : Ane NAISSANCE");
      expect(texte).toContain(`Date de naissance : ${jour}`);
      expect(texte).toContain("Lieu de naissance : Bayonne");
      expect(texte).toContain("Adresse : Celle de la famille");
    }
    // the same child twice, while the first demande waits: refused with its number
    await expect(
      demanderAjoutEnfant({
        usagerId: f.usager.id,
        saisie: { ...NOUVEAU_NE, nom: "Naissance", dateNaissance: naissance },
      }),
    ).rejects.toThrow(`N° ${depot.numero} est déjà en cours d'instruction`);

    await decider(depot.numero, f.instructeur, "accepter");
    const enfant = await db().enfant.findFirstOrThrow({
      where: { prenoms: "Ane", familles: { some: { familleId: f.familleId } } },
      include: { familles: true, contacts: true },
    });
    expect(enfant.familles.map((l) => l.familleId)).toEqual([f.familleId]);
    expect(enfant.contacts).toEqual([
      { contactId: f.contactId, enfantId: enfant.id, autoriseRecuperer: true, aPrevenir: true },
    ]);
    expect((await familleDuUsager(f.usager.id))!.enfants.map((e) => e.enfant.prenoms)).toContain("Ane");
    const mail = await dernierMail(f.usager.courriel, "a été acceptée");
    expect(mail?.text).toContain("Ane fait maintenant partie de votre famille");
    expect(mail?.text).toContain("le dossier santé d'Ane");
  });

  it("refused, creates no child and tells the parent why", async () => {
    const f = await familleValidee("Refuse");
    const depot = await demanderAjoutEnfant({
      usagerId: f.usager.id,
      saisie: { ...NOUVEAU_NE, nom: "Refuse", prenoms: "Peio", sexe: "MASCULIN", dateNaissance: "2022-03-04" },
    });
    if (!depot.ok) throw new Error("dépôt refusé");
    await decider(depot.numero, f.instructeur, "refuser", { motif: "Enfant déjà connu sous un autre nom." });
    expect(await db().enfant.count({ where: { prenoms: "Peio" } })).toBe(0);
    const mail = await dernierMail(f.usager.courriel, "a été refusée");
    expect(mail?.text).toContain("Motif du refus : Enfant déjà connu sous un autre nom.");
  });

  it("is none of another family's business, and needs a family of one's own", async () => {
    const f = await familleValidee("Proprietaire");
    const autre = await familleValidee("Voisine");
    const depot = await demanderAjoutEnfant({
      usagerId: f.usager.id,
      saisie: { ...NOUVEAU_NE, nom: "Proprietaire", dateNaissance: "2023-01-02" },
    });
    if (!depot.ok) throw new Error("dépôt refusé");
    expect(await recaps(autre.usager.id, depot.numero, autre.instructeur.id)).toBeNull();
    // the other family's deposit is about its own family, whatever it types
    const sienne = await demanderAjoutEnfant({
      usagerId: autre.usager.id,
      saisie: { ...NOUVEAU_NE, nom: "Proprietaire", prenoms: "Intrus", dateNaissance: "2023-01-02" },
    });
    if (!sienne.ok) throw new Error("dépôt refusé");
    expect((await db().demande.findFirstOrThrow({ where: { numero: sienne.numero } })).familleId).toBe(autre.familleId);
    const seul = await usagerActive("Seule");
    const refus = await demanderAjoutEnfant({
      usagerId: seul.id,
      saisie: { ...NOUVEAU_NE, dateNaissance: "2023-01-02" },
    }).catch((e: unknown) => e);
    expect(refus).toBeInstanceOf(AppError);
    expect((refus as AppError).code).toBe("sans_famille");
  });

  it("links a child already known in the other parent's family when the agent says so (garde alternée)", async () => {
    const mere = await familleValidee("Alterne");
    const pere = await familleValidee("Autreparent");
    const connu = await db().enfant.findUniqueOrThrow({ where: { id: mere.enfantId } });
    const depot = await demanderAjoutEnfant({
      usagerId: pere.usager.id,
      saisie: {
        sexe: connu.sexe,
        nom: connu.nom,
        prenoms: connu.prenoms,
        dateNaissance: connu.dateNaissance.toISOString().slice(0, 10),
        memeAdresse: "on",
      },
    });
    if (!depot.ok) throw new Error("dépôt refusé");
    await decider(depot.numero, pere.instructeur, "accepter", { rattachements: { enfant: connu.id } });
    const familles = await db().familleEnfant.findMany({ where: { enfantId: connu.id } });
    expect(familles.map((l) => l.familleId).sort()).toEqual([mere.familleId, pere.familleId].sort());
    expect(await db().contactEnfant.count({ where: { enfantId: connu.id, contactId: pere.contactId } })).toBe(1);
  });
});
