// Paramétrage des réservations on PostgreSQL, bookings validated by an agent: a parent's request waits and shows as
// such, is validated within the day's capacity (the overflow to the waiting list) or refused from the console's
// list, and each decision is mailed to the family without its health data. The rules are set by an administrator
// (parametrage-fixtures.ts).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/parametrage-validation-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { saisirCleEnfance } from "@/lib/domain/famille/rattacher";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { dateDeJour } from "@/lib/temps/jours";
import { modifierRegles } from "@/lib/domain/reservation/modifier-regles";
import { calendrierReservations } from "@/lib/domain/reservation/queries";
import { deciderReservations, reservationsAValider } from "@/lib/domain/reservation/validation";
import { champAllergie, champHabitude } from "@/lib/domain/sante/schemas";
import { agent, CO_REPRESENTANT_BIDART, usagerActive } from "./demande-fixtures";
import { dossierSanteValide } from "./inscription-fixtures";
import { AOUT, preparerParametrage, refus, type Activite } from "./parametrage-fixtures";
import { familleInscrite } from "./reservation-fixtures";

let cantine: Activite;
let adminId: string;

beforeAll(async () => {
  ({ cantine, adminId } = await preparerParametrage());
}, 120_000);

describe("validation by an agent", () => {
  it("a parent's request waits, shows as such, and is validated (within capacity) or refused from the console's list", async () => {
    await modifierRegles({ activiteId: cantine.id, validation: "AGENT", capacites: [], agentId: adminId, now: AOUT });
    const [classique] = cantine.unites as [number];
    const f = await familleInscrite("Valider", cantine.id);
    const demander = (date: string, reserver = true) =>
      enregistrerReservations({
        usagerId: f.usager.id,
        inscriptionId: f.inscriptionId,
        changements: [{ date, uniteId: classique, reserver }],
        now: AOUT,
      });
    const bilan = await demander("2026-09-28");
    expect(bilan).toMatchObject({ reservees: [], aValider: [{ date: "2026-09-28", uniteId: classique }] });
    await demander("2026-09-29");
    const etat = async (date: string) => {
      const cal = await calendrierReservations({
        portee: { usagerId: f.usager.id },
        enfantId: f.enfantId,
        inscriptionId: f.inscriptionId,
        now: AOUT,
      });
      return cal?.ouvert ? cal.jours.find((j) => j.jour === date)?.cases.find((c) => c.uniteId === classique) : null;
    };
    expect(await etat("2026-09-28")).toEqual({ uniteId: classique, etat: "A_VALIDER", modifiable: true });
    // the mail says it waits for the service
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: f.usager.courriel },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.text).toContain("Jours en attente de validation par le service (1)");

    const liste = await reservationsAValider();
    const miennes = liste.filter((l) => l.enfant.startsWith("Henri VALIDER"));
    expect(miennes.map((l) => l.jour)).toEqual(["2026-09-28", "2026-09-29"]);
    const instructeur = await agent("Instructeur");
    expect(await deciderReservations({ agentId: instructeur.id, ids: [miennes[0]!.id], decision: "valider" })).toEqual({
      reservees: 1,
      enAttente: 0,
      refusees: 0,
    });
    expect(await deciderReservations({ agentId: instructeur.id, ids: [miennes[1]!.id], decision: "refuser" })).toEqual({
      reservees: 0,
      enAttente: 0,
      refusees: 1,
    });
    expect(
      (await refus(deciderReservations({ agentId: instructeur.id, ids: [miennes[1]!.id], decision: "valider" })))
        .message,
    ).toBe("Ces demandes ont déjà été traitées.");
    expect(await etat("2026-09-28")).toMatchObject({ etat: "RESERVEE" });
    expect(await etat("2026-09-29")).toMatchObject({ etat: "REFUSEE", modifiable: true });
    expect(
      await db().journalEntry.count({ where: { event: "reservations.validation", actorId: instructeur.id } }),
    ).toBe(2);

    // asked again after a refusal: waits again; a request withdrawn frees nothing and is always allowed
    expect((await demander("2026-09-29")).aValider).toHaveLength(1);
    expect((await demander("2026-09-29", false)).annulees).toHaveLength(1);
    await modifierRegles({ activiteId: cantine.id, validation: "AUTOMATIQUE", capacites: [], now: AOUT });
    expect((await demander("2026-10-02")).reservees).toHaveLength(1);
  });

  it("validated within the day's capacity: the overflow goes to the waiting list", async () => {
    const [, vegetarien] = cantine.unites as [number, number];
    await modifierRegles({
      activiteId: cantine.id,
      validation: "AGENT",
      capacites: [{ uniteId: vegetarien, capacite: 1 }],
      now: AOUT,
    });
    const jour = "2026-10-05";
    const ids: string[] = [];
    for (const nom of ["Capaun", "Capadeux"]) {
      const f = await familleInscrite(nom, cantine.id);
      const bilan = await enregistrerReservations({
        usagerId: f.usager.id,
        inscriptionId: f.inscriptionId,
        changements: [{ date: jour, uniteId: vegetarien, reserver: true }],
        now: AOUT,
      });
      expect(bilan.aValider).toHaveLength(1);
      const r = await db().reservation.findFirstOrThrow({ where: { enfantId: f.enfantId, uniteId: vegetarien } });
      ids.push(r.id);
    }
    expect(await deciderReservations({ agentId: adminId, ids, decision: "valider" })).toEqual({
      reservees: 1,
      enAttente: 1,
      refusees: 0,
    });
    await modifierRegles({
      activiteId: cantine.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: vegetarien, capacite: null }],
      now: AOUT,
    });
    // the larger capacity (none) promoted the waiting one
    expect((await db().reservation.findMany({ where: { id: { in: ids } } })).map((r) => r.statut).sort()).toEqual([
      "RESERVEE",
      "RESERVEE",
    ]);
  });

  it(
    "the family is told of each decision: one mail per representant with a space and per child, no health data",
    { timeout: 120_000 },
    async () => {
      const [classique, vegetarien] = cantine.unites as [number, number];
      await modifierRegles({
        activiteId: cantine.id,
        validation: "AGENT",
        capacites: [{ uniteId: vegetarien, capacite: 1 }],
        now: AOUT,
      });
      const f = await familleInscrite("Prevenir", cantine.id, { coRepresentant: CO_REPRESENTANT_BIDART });
      // the co-représentant's own space, linked by the family's clé enfance
      const mikel = await db().usager.update({
        where: { id: (await usagerActive("Bidart")).id },
        data: { civilite: "MONSIEUR", prenoms: "Mikel", dateNaissance: new Date("1985-02-03T00:00:00Z") },
      });
      const { cleEnfance } = await db().famille.findUniqueOrThrow({ where: { id: f.familleId } });
      expect((await saisirCleEnfance({ usager: mikel, saisie: cleEnfance, ip: "192.0.2.81" })).kind).toBe("rattache");
      await dossierSanteValide(f.usager.id, f.enfantId, {
        [champHabitude("SANS_PORC")]: "on",
        [champAllergie("ARACHIDES")]: "on",
      });
      const autre = await familleInscrite("Premiere", cantine.id);
      const demander = (g: typeof f, date: string, uniteId: number) =>
        enregistrerReservations({
          usagerId: g.usager.id,
          inscriptionId: g.inscriptionId,
          changements: [{ date, uniteId, reserver: true }],
          now: AOUT,
        });
      await demander(autre, "2026-10-12", vegetarien);
      await demander(f, "2026-10-12", vegetarien);
      await demander(f, "2026-10-13", classique);
      await demander(f, "2026-10-15", classique);
      const demandeDe = async (enfantId: string, date: string) =>
        (await db().reservation.findFirstOrThrow({ where: { enfantId, date: dateDeJour(date), statut: "A_VALIDER" } }))
          .id;
      const SUJET = "Vos demandes de réservation pour Henri";
      const recus = (to: string) =>
        db().outboxMail.findMany({ where: { to, subject: SUJET }, orderBy: { createdAt: "asc" } });
      const envoyes = () => db().outboxMail.count({ where: { subject: SUJET } });

      // the other family's request takes the day's only vegetarian place: its titulaire alone is told
      let avant = await envoyes();
      const premiere = await demandeDe(autre.enfantId, "2026-10-12");
      await deciderReservations({ agentId: adminId, ids: [premiere], decision: "valider" });
      expect(await envoyes()).toBe(avant + 1);
      expect(await recus(autre.usager.courriel)).toHaveLength(1);

      // validated: one day booked, the full one on the waiting list; then one refused. Both spaces told each time
      const validees = [await demandeDe(f.enfantId, "2026-10-12"), await demandeDe(f.enfantId, "2026-10-13")];
      const refusee = await demandeDe(f.enfantId, "2026-10-15");
      avant = await envoyes();
      expect(await deciderReservations({ agentId: adminId, ids: validees, decision: "valider" })).toEqual({
        reservees: 1,
        enAttente: 1,
        refusees: 0,
      });
      expect(await deciderReservations({ agentId: adminId, ids: [refusee], decision: "refuser" })).toEqual({
        reservees: 0,
        enAttente: 0,
        refusees: 1,
      });
      expect(await envoyes()).toBe(avant + 4);
      // decided again: already done, nothing more is sent
      const deja = await refus(
        deciderReservations({ agentId: adminId, ids: [...validees, refusee], decision: "refuser" }),
      );
      expect(deja.message).toBe("Ces demandes ont déjà été traitées.");
      expect(await envoyes()).toBe(avant + 4);

      for (const [courriel, salutation] of [
        [f.usager.courriel, "Mme PREVENIR"],
        [mikel.courriel, "M. BIDART"],
      ] as const) {
        const mails = await recus(courriel);
        expect(mails).toHaveLength(2);
        const [validation, refusal] = mails as [(typeof mails)[0], (typeof mails)[0]];
        expect(validation.text).toContain(`Bonjour ${salutation}`);
        expect(validation.text).toContain("Le service a traité vos demandes de réservation pour Henri");
        expect(validation.text).toContain("Jours réservés (1)\n\nmardi 13 octobre 2026 : Menu Classique");
        expect(validation.text).toContain("Jours en liste d'attente (1)\n\nlundi 12 octobre 2026 : Menu Végétarien");
        expect(validation.text).not.toContain("refusé");
        expect(validation.text).toContain(`/famille/enfants/${f.enfantId}/reservations?inscription=${f.inscriptionId}`);
        expect(refusal.text).toContain("Jours refusés (1)\n\njeudi 15 octobre 2026 : Menu Classique");
        expect(refusal.text).not.toContain("Jours réservés");
        // nothing of the dossier santé (allergies, régime), in either part
        for (const part of mails.flatMap((m) => [m.text, m.html])) {
          expect(part).not.toMatch(/arachide|sans porc/i);
        }
      }
      await modifierRegles({
        activiteId: cantine.id,
        validation: "AUTOMATIQUE",
        capacites: [{ uniteId: vegetarien, capacite: null }],
        now: AOUT,
      });
    },
  );
});
