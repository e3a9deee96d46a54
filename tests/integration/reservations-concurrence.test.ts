// Gérer mes réservations on PostgreSQL, one save against another: one transaction and one row per child, unit and
// day (two identical saves at once, a replayed save that changes nothing and mails nothing), exclusive units
// swapped in one save, independent ones, and a day's capacity under 50 concurrent saves with a waiting list.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/reservations-concurrence-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { enregistrerReservations, RAISONS, type Changement } from "@/lib/domain/reservation/enregistrer";
import { dateDeJour, jourDeDate } from "@/lib/temps/jours";
import {
  AOUT,
  inscrite,
  preparerUnites,
  reservations,
  type Cantine,
  type Garderie,
} from "./reservations-serveur-fixtures";

let cantine: Cantine;
let garderie: Garderie;

// lib/db.ts reads it at its first call: the 50 concurrent saves below each get a connection instead of queuing for
// one of the default five (and giving up after maxWait on a busy machine)
process.env.DATABASE_POOL_SIZE = "20";

beforeAll(async () => {
  ({ cantine, garderie } = await preparerUnites());
}, 120_000);

/**
 * n children of one household, each with its accepted inscription: the first through the démarche, the others
 * copied straight into the database (the démarche is not what the capacity test is about, and 50 of them
 * would take minutes).
 */
async function fratrie(premier: Awaited<ReturnType<typeof inscrite>>, n: number) {
  const modele = await db().inscription.findUniqueOrThrow({
    where: { id: premier.inscriptionId },
    include: { demande: true, enfant: true },
  });
  const enfants = [premier];
  for (let i = 1; i < n; i++) {
    const { sexe, nom, dateNaissance } = modele.enfant;
    const { id: enfantId } = await db().enfant.create({
      data: { sexe, nom, prenoms: `Enfant ${i}`, dateNaissance, cleRapprochement: `${nom}|enfant ${i}` },
    });
    await db().familleEnfant.create({ data: { familleId: premier.familleId, enfantId } });
    const { type, statut, usagerId, familleId, donnees } = modele.demande;
    const { id: demandeId } = await db().demande.create({
      data: { type, statut, usagerId, familleId, enfantId, donnees: { ...(donnees as object), enfantId } },
    });
    const { inscriptionId } = await db()
      .inscription.create({
        data: {
          enfantId,
          demandeId,
          familleId: modele.familleId,
          activiteId: modele.activiteId,
          anneeId: modele.anneeId,
          lieuId: modele.lieuId,
          groupeId: modele.groupeId,
          uniteId: modele.uniteId,
          permissions: modele.permissions!,
          habilitations: modele.habilitations!,
        },
      })
      .then((ins) => ({ inscriptionId: ins.id }));
    enfants.push({ ...premier, enfantId, inscriptionId });
  }
  return enfants;
}

describe("one save, one transaction, one row per child, unit and day", () => {
  it("two identical saves at once give one row each day; the same save again changes nothing and mails nothing", async () => {
    const f = await inscrite("Etcheverry");
    const jours = (
      await db().jourOuverture.findMany({
        where: { uniteId: cantine.classique, date: { gte: dateDeJour("2026-09-07"), lte: dateDeJour("2026-10-16") } },
        orderBy: { date: "asc" },
      })
    ).map((j) => jourDeDate(j.date));
    // six weeks of lundi, mardi, jeudi, vendredi
    expect(jours.length).toBe(24);
    const changements: Changement[] = jours.map((date) => ({ date, uniteId: cantine.classique, reserver: true }));
    const enregistrer = () =>
      enregistrerReservations({ usagerId: f.usager.id, inscriptionId: f.inscriptionId, changements, now: AOUT });

    const [a, b] = await Promise.all([enregistrer(), enregistrer()]);
    expect(a.reservees.length + b.reservees.length).toBe(24);
    expect(a.refus).toEqual([]);
    expect(b.refus).toEqual([]);
    const lignes = await reservations(f.enfantId);
    expect(lignes).toHaveLength(24);
    expect(lignes.every((r) => r.statut === "RESERVEE" && r.familleId === f.familleId)).toBe(true);

    const mails = await db().outboxMail.count({
      where: { to: f.usager.courriel, subject: { startsWith: "Vos réservations" } },
    });
    expect(mails).toBe(1);
    const replay = await enregistrer();
    expect(replay).toEqual({ reservees: [], enAttente: [], aValider: [], demandees: [], annulees: [], refus: [] });
    expect(await reservations(f.enfantId)).toEqual(lignes);
    expect(
      await db().outboxMail.count({ where: { to: f.usager.courriel, subject: { startsWith: "Vos réservations" } } }),
    ).toBe(1);

    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: f.usager.courriel, subject: { startsWith: "Vos réservations" } },
    });
    expect(mail.text).toContain("Jours réservés (24)");
    expect(mail.text).toContain("lundi 7 septembre 2026 : Menu Classique");
  });

  it("refuses Menu Classique and Menu Végétarien on the same day, and swaps one for the other in one save", async () => {
    const f = await inscrite("Bidart");
    const save = (changements: Changement[]) =>
      enregistrerReservations({ usagerId: f.usager.id, inscriptionId: f.inscriptionId, changements, now: AOUT });
    const ensemble = await save([
      { date: "2026-09-07", uniteId: cantine.classique, reserver: true },
      { date: "2026-09-07", uniteId: cantine.vegetarien, reserver: true },
    ]);
    expect(ensemble.reservees).toHaveLength(1);
    expect(ensemble.refus).toEqual([
      {
        date: "2026-09-07",
        uniteId: cantine.vegetarien,
        reserver: true,
        raison: "Menu Classique et Menu Végétarien ne peuvent pas être réservés le même jour.",
      },
    ]);
    const ensuite = await save([{ date: "2026-09-07", uniteId: cantine.vegetarien, reserver: true }]);
    expect(ensuite.refus.map((r) => r.raison)).toEqual([RAISONS.incompatible("Menu Classique", "Menu Végétarien")]);

    const echange = await save([
      { date: "2026-09-07", uniteId: cantine.classique, reserver: false },
      { date: "2026-09-07", uniteId: cantine.vegetarien, reserver: true },
    ]);
    expect(echange.refus).toEqual([]);
    expect((await reservations(f.enfantId)).map((r) => [r.uniteId, r.statut])).toEqual([
      [cantine.classique, "ANNULEE"],
      [cantine.vegetarien, "RESERVEE"],
    ]);
  });

  it("garderie Matin and Soir are independent", async () => {
    const f = await inscrite("Garat", garderie.id);
    const bilan = await enregistrerReservations({
      usagerId: f.usager.id,
      inscriptionId: f.inscriptionId,
      changements: [
        { date: "2026-09-08", uniteId: garderie.matin, reserver: true },
        { date: "2026-09-08", uniteId: garderie.soir, reserver: true },
      ],
      now: AOUT,
    });
    expect(bilan.reservees).toHaveLength(2);
  });
});

describe("capacity under concurrency", () => {
  it("50 concurrent saves on a day of 10 places: 10 booked, 40 on the waiting list; a cancellation promotes the oldest", async () => {
    const jour = "2026-11-05";
    await db().jourOuverture.updateMany({
      where: { uniteId: cantine.classique, date: dateDeJour(jour) },
      data: { capacite: 10 },
    });
    const familles = await fratrie(await inscrite("Capacite"), 50);
    const bilans = await Promise.all(
      familles.map((f) =>
        enregistrerReservations({
          usagerId: f.usager.id,
          inscriptionId: f.inscriptionId,
          changements: [{ date: jour, uniteId: cantine.classique, reserver: true }],
          now: AOUT,
        }),
      ),
    );
    expect(bilans.filter((b) => b.reservees.length === 1)).toHaveLength(10);
    expect(bilans.filter((b) => b.enAttente.length === 1)).toHaveLength(40);
    const compte = (statut: "RESERVEE" | "ATTENTE") =>
      db().reservation.count({ where: { uniteId: cantine.classique, date: dateDeJour(jour), statut } });
    expect(await compte("RESERVEE")).toBe(10);
    expect(await compte("ATTENTE")).toBe(40);

    const premier = familles[bilans.findIndex((b) => b.reservees.length === 1)]!;
    const oldest = await db().reservation.findFirstOrThrow({
      where: { uniteId: cantine.classique, date: dateDeJour(jour), statut: "ATTENTE" },
      orderBy: [{ creeeLe: "asc" }, { id: "asc" }],
    });
    await enregistrerReservations({
      usagerId: premier.usager.id,
      inscriptionId: premier.inscriptionId,
      changements: [{ date: jour, uniteId: cantine.classique, reserver: false }],
      now: AOUT,
    });
    expect(await compte("RESERVEE")).toBe(10);
    expect(await compte("ATTENTE")).toBe(39);
    expect((await db().reservation.findUniqueOrThrow({ where: { id: oldest.id } })).statut).toBe("RESERVEE");
  }, 120_000);
});
