// « Ajouter un co-représentant » and « Retirer un co-représentant » from Ma famille, on PostgreSQL: the deposit and
// its recap, the acceptance that adds the person and queues their invitation (the clé enfance, the portal's link
// on its own line), the space whose identity matches then typing the clé and joining, the removal that detaches
// that space at once, the refusals, and what another family's space cannot do.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/famille-evolue-co-${Math.random().toString(36).slice(2)}`;
});

import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { demanderAjoutCoRepresentant } from "@/lib/domain/famille/ajouter-co-representant";
import { demanderAjoutEnfant } from "@/lib/domain/famille/ajouter-enfant";
import { MESSAGE_DEMANDEUR_DETACHE } from "@/lib/domain/famille/demandeur";
import { MESSAGE_DEJA_CO_REPRESENTANT } from "@/lib/domain/famille/demarche-ajout-co-representant";
import { demanderRetraitCoRepresentant } from "@/lib/domain/famille/retirer-co-representant";
import { familleDuUsager } from "@/lib/domain/famille/queries";
import { saisirCleEnfance } from "@/lib/domain/famille/rattacher";
import { CO_REPRESENTANT_BIDART, usagerActive } from "./demande-fixtures";
import { decider, dernierMail, familleValidee, hier, preparer, recaps } from "./famille-evolue-fixtures";

beforeAll(() => preparer());

let ip = 0;
const saisie = (courriel: string) => ({ ...CO_REPRESENTANT_BIDART, courriel, telephonePortable: "0611223344" });

/** A family whose co-représentant Mikel BIDART was accepted and whose space joined with the clé enfance. */
async function avecCoRepresentant(nom: string) {
  const f = await familleValidee(nom);
  const courriel = `mikel.${nom.toLowerCase()}@exemple.fr`;
  const depot = await demanderAjoutCoRepresentant({ usagerId: f.usager.id, saisie: saisie(courriel) });
  if (!depot.ok) throw new Error(JSON.stringify(depot.erreurs));
  await decider(depot.numero, f.instructeur, "accepter");
  const { cleEnfance } = await db().famille.findUniqueOrThrow({ where: { id: f.familleId } });
  const espace = await db().usager.update({
    where: { id: (await usagerActive("Bidart")).id },
    data: { prenoms: "Mikel", dateNaissance: new Date("1985-02-03T00:00:00Z") },
  });
  const rattachement = await saisirCleEnfance({ usager: espace, saisie: cleEnfance, ip: `192.0.2.${++ip}` });
  return { ...f, courriel, depot, cleEnfance, espace, rattachement };
}

describe("Ajout d'un co-représentant", () => {
  it("needs the courriel the invitation goes to, said beside the field", async () => {
    const f = await familleValidee("Sanscourriel");
    const resultat = await demanderAjoutCoRepresentant({
      usagerId: f.usager.id,
      saisie: { ...CO_REPRESENTANT_BIDART },
    });
    expect(resultat).toEqual({
      ok: false,
      erreurs: { courriel: "Indiquez le courriel du co-représentant : il y reçoit son invitation." },
    });
  });

  it("shows the person to the parent and the agent; accepted, adds them and invites them; their space joins with the clé", async () => {
    const f = await avecCoRepresentant("Invite");
    const lus = await recaps(f.usager.id, f.depot.numero, f.instructeur.id);
    for (const texte of [lus!.usager, lus!.agent]) {
      expect(texte).toContain("Co-représentant : Mikel BIDART");
      expect(texte).toContain("Date de naissance : 03/02/1985");
      expect(texte).toContain(`Courriel : ${f.courriel}`);
      expect(texte).toContain("Adresse : Celle de la famille");
      expect(texte).toContain("Qualité : Père (avec autorité parentale)");
    }
    const invitation = await dernierMail(f.courriel, "clé enfance");
    expect(invitation?.subject).toBe("Invitation au portail famille de la Mairie de Villefranque");
    expect(invitation?.text).toContain(`saisissez la clé enfance ${f.cleEnfance} dans « Modifier mon espace »`);
    expect(invitation?.text).toContain("Claire INVITE vous a déclaré(e) co-représentant(e)");
    // the link alone on its line: no sentence's dot glued to it
    expect(invitation?.text.split("\n").map((l) => l.trim())).toContain(`${config.appUrl}/creer-mon-espace`);
    expect(await dernierMail(f.usager.courriel, "est maintenant co-représentant(e) de votre famille")).not.toBeNull();

    expect(f.rattachement).toEqual({ kind: "rattache", familleId: f.familleId });
    const coRep = await db().representant.findFirstOrThrow({
      where: { familleId: f.familleId, role: "CO_REPRESENTANT" },
    });
    expect(coRep).toMatchObject({
      usagerId: f.espace.id,
      prenom: "Mikel",
      courriel: f.courriel,
      autoriteParentale: true,
    });
    expect((await familleDuUsager(f.espace.id))?.id).toBe(f.familleId);
  });

  it("is refused at the deposit while the family has one, or while a demande for one waits", async () => {
    const f = await avecCoRepresentant("Complet");
    await expect(
      demanderAjoutCoRepresentant({ usagerId: f.usager.id, saisie: saisie("autre@exemple.fr") }),
    ).rejects.toThrow(MESSAGE_DEJA_CO_REPRESENTANT);
    const g = await familleValidee("Attente");
    const premiere = await demanderAjoutCoRepresentant({ usagerId: g.usager.id, saisie: saisie("un@exemple.fr") });
    if (!premiere.ok) throw new Error("dépôt refusé");
    await expect(
      demanderAjoutCoRepresentant({ usagerId: g.usager.id, saisie: saisie("deux@exemple.fr") }),
    ).rejects.toThrow(`N° ${premiere.numero} est déjà en cours d'instruction`);
  });

  it("refused, adds nobody and invites nobody; another family's space does not see it", async () => {
    const f = await familleValidee("Refusee");
    const autre = await familleValidee("Curieuse");
    const depot = await demanderAjoutCoRepresentant({ usagerId: f.usager.id, saisie: saisie("refuse@exemple.fr") });
    if (!depot.ok) throw new Error("dépôt refusé");
    expect(await recaps(autre.usager.id, depot.numero, autre.instructeur.id)).toBeNull();
    await decider(depot.numero, f.instructeur, "refuser", { motif: "Autorité parentale à justifier." });
    expect(await db().representant.count({ where: { familleId: f.familleId } })).toBe(1);
    expect(await db().outboxMail.count({ where: { to: "refuse@exemple.fr" } })).toBe(0);
    expect((await dernierMail(f.usager.courriel, "a été refusée"))?.text).toContain(
      "Motif du refus : Autorité parentale à justifier.",
    );
  });
});

describe("Retrait d'un co-représentant", () => {
  it("asked by the titulaire with a motif; accepted, the co-représentant's space loses the family at once and is told", async () => {
    const f = await avecCoRepresentant("Separes");
    const { numero } = await demanderRetraitCoRepresentant({ usagerId: f.usager.id, motif: "Séparation." });
    const lus = await recaps(f.usager.id, numero, f.instructeur.id);
    for (const texte of [lus!.usager, lus!.agent])
      expect(texte).toBe(
        "Co-représentant à retirer | Nom : Mikel BIDART | Demandé par : Le titulaire du compte | Motif | Séparation.",
      );
    await expect(demanderRetraitCoRepresentant({ usagerId: f.espace.id, motif: "Moi aussi." })).rejects.toThrow(
      `N° ${numero} est déjà en cours d'instruction`,
    );
    await decider(numero, f.instructeur, "accepter");
    expect(await db().representant.count({ where: { familleId: f.familleId, role: "CO_REPRESENTANT" } })).toBe(0);
    expect(await familleDuUsager(f.espace.id)).toBeNull();
    expect((await familleDuUsager(f.usager.id))?.id).toBe(f.familleId);
    const avis = await dernierMail(f.espace.courriel, "ne donne plus accès à cette famille");
    expect(avis?.text).toContain("Vous n'êtes plus co-représentant(e) de la famille de Claire SEPARES");
    expect((await dernierMail(f.usager.courriel, "a été acceptée"))?.text).toContain(
      "Mikel BIDART ne fait plus partie de votre famille.",
    );
    // the family has none now: nothing to remove, and room for a new one
    await expect(demanderRetraitCoRepresentant({ usagerId: f.usager.id, motif: "Encore." })).rejects.toThrow(
      "Votre famille n'a pas de co-représentant à retirer.",
    );
  });

  it("asked by the co-représentant for themself: the titulaire is told; what they asked for the family before cannot be accepted after", async () => {
    const f = await avecCoRepresentant("Depart");
    const enfant = await demanderAjoutEnfant({
      usagerId: f.espace.id,
      saisie: { sexe: "FEMININ", nom: "Depart", prenoms: "Ane", dateNaissance: hier(), memeAdresse: "on" },
    });
    if (!enfant.ok) throw new Error(JSON.stringify(enfant.erreurs));
    const { numero } = await demanderRetraitCoRepresentant({ usagerId: f.espace.id, motif: "Je déménage." });
    expect((await recaps(f.espace.id, numero, f.instructeur.id))!.agent).toContain(
      "Demandé par : Le co-représentant lui-même",
    );
    await decider(numero, f.instructeur, "accepter");
    expect(await familleDuUsager(f.espace.id)).toBeNull();
    expect((await dernierMail(f.usager.courriel, "n'est plus co-représentant(e) de votre famille"))?.text).toContain(
      "Mikel BIDART n'est plus co-représentant(e) de votre famille, à sa demande",
    );
    // the child they asked for before leaving: the agent is told, and nothing is written
    const enfantsAvant = await db().familleEnfant.count({ where: { familleId: f.familleId } });
    await expect(decider(enfant.numero, f.instructeur, "accepter")).rejects.toThrow(MESSAGE_DEMANDEUR_DETACHE);
    expect(await db().familleEnfant.count({ where: { familleId: f.familleId } })).toBe(enfantsAvant);
    expect(await db().demande.findFirstOrThrow({ where: { numero: enfant.numero } })).toMatchObject({
      statut: "DEPOSEE",
    });
  });

  it("refused, keeps the co-représentant; another family's space neither sees it nor removes anyone", async () => {
    const f = await avecCoRepresentant("Garde");
    const autre = await familleValidee("Etrangere");
    const { numero } = await demanderRetraitCoRepresentant({ usagerId: f.usager.id, motif: "Erreur." });
    expect(await recaps(autre.usager.id, numero, autre.instructeur.id)).toBeNull();
    await expect(demanderRetraitCoRepresentant({ usagerId: autre.usager.id, motif: "Intrusion." })).rejects.toThrow(
      "Votre famille n'a pas de co-représentant à retirer.",
    );
    await decider(numero, f.instructeur, "refuser", { motif: "Les deux parents doivent le demander." });
    expect((await familleDuUsager(f.espace.id))?.id).toBe(f.familleId);
    expect((await dernierMail(f.usager.courriel, "a été refusée"))?.text).toContain(
      "Motif du refus : Les deux parents doivent le demander.",
    );
  });
});
