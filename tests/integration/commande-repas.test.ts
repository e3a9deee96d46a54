// The kitchen order on PostgreSQL: per lieu, unit and date, the count is the bookings minus the cancellations
// made before the cutoff, with the diets, allergens and P.A.I. to plan as counts without names; it is frozen at
// the cutoff as version 1 (nothing before), freezing again changes nothing (not even twice at once), and a
// later change (an agent's booking, an illness) makes version 2 with the difference. The diets are stored
// encrypted and the journal holds no health data.
import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/commande-repas-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { commandesDuJour } from "@/lib/domain/commande-repas/queries";
import { enregistrerReservations, reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import { dateDeJour } from "@/lib/temps/jours";
import { rechiffrerTout } from "@/lib/rotation-cle";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { agent } from "./demande-fixtures";
import { dossierSanteValide, familleInscrite } from "./inscription-fixtures";
import { SANTE_A_COMPTER } from "./cantine-fixtures";

type Cantine = { lieuId: number; lieu: string; classique: number; vegetarien: number };
let publique: Cantine;
let privee: Cantine;

/** In August, before any cutoff of September. */
const AOUT = new Date("2026-08-20T10:00:00Z");

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const cantine = async (code: string): Promise<Cantine> => {
    const a = await db().activite.findUniqueOrThrow({
      where: { code },
      include: { unites: { orderBy: { ordre: "asc" } }, lieux: true },
    });
    return { lieuId: a.lieux[0]!.id, lieu: a.lieux[0]!.nom, classique: a.unites[0]!.id, vegetarien: a.unites[1]!.id };
  };
  publique = await cantine("RESTAURATION_PUBLIQUE");
  privee = await cantine("RESTAURATION_PRIVEE");
}, 120_000);

const reserver = (
  f: Awaited<ReturnType<typeof familleInscrite>>,
  changements: { date: string; uniteId: number; reserver: boolean }[],
) => enregistrerReservations({ usagerId: f.usager.id, inscriptionId: f.inscriptionId, changements, now: AOUT });

describe("the kitchen order", () => {
  it(
    "counts the bookings minus the cancellations before the cutoff, per lieu, unit and date; frozen at the cutoff, once",
    { timeout: 120_000 },
    async () => {
      const a = await familleInscrite("Arrieta");
      await dossierSanteValide(a.usager.id, a.enfantId, SANTE_A_COMPTER);
      const b = await familleInscrite("Bidegain");
      const c = await familleInscrite("Camino");
      const d = await familleInscrite("Dufau", "RESTAURATION_PRIVEE");
      await reserver(a, [
        { date: "2026-09-07", uniteId: publique.classique, reserver: true },
        { date: "2026-09-08", uniteId: publique.classique, reserver: true },
      ]);
      await reserver(b, [
        { date: "2026-09-07", uniteId: publique.vegetarien, reserver: true },
        { date: "2026-09-08", uniteId: publique.classique, reserver: true },
      ]);
      await reserver(c, [{ date: "2026-09-07", uniteId: publique.classique, reserver: true }]);
      // cancelled before the cutoff (Thursday 3 September, 12:00): no meal
      await reserver(c, [{ date: "2026-09-07", uniteId: publique.classique, reserver: false }]);
      await reserver(d, [{ date: "2026-09-07", uniteId: privee.classique, reserver: true }]);

      const versions = (date: string) =>
        db().commandeRepas.findMany({
          where: { date: dateDeJour(date) },
          orderBy: [{ lieuId: "asc" }, { version: "asc" }],
        });
      // a minute before the cutoff: the week of 7 September is not frozen
      await figerCommandes(new Date("2026-09-03T09:59:00Z"));
      expect(await versions("2026-09-07")).toEqual([]);

      const apres = new Date("2026-09-03T10:01:00Z");
      const figees = await figerCommandes(apres);
      expect(figees).toContainEqual({ lieuId: publique.lieuId, date: "2026-09-07", version: 1 });
      expect(figees).toContainEqual({ lieuId: privee.lieuId, date: "2026-09-07", version: 1 });
      expect(figees).toContainEqual({ lieuId: publique.lieuId, date: "2026-09-08", version: 1 });

      // the count is the database's bookings, lieu by lieu, unit by unit
      for (const date of ["2026-09-07", "2026-09-08"]) {
        for (const v of await versions(date)) {
          for (const [uniteId, nombre] of Object.entries(v.comptes as Record<string, number>)) {
            const reservees = await db().reservation.count({
              where: {
                date: dateDeJour(date),
                uniteId: Number(uniteId),
                statut: "RESERVEE",
                jour: { lieuId: v.lieuId },
              },
            });
            expect(nombre, `${date} lieu ${v.lieuId} unité ${uniteId}`).toBe(reservees);
          }
        }
      }
      // the diets are not readable in the row
      for (const v of await versions("2026-09-07")) expect(v.besoinsChiffres).not.toMatch(/porc|arachide/i);

      const lecteur = await agent("Cuisine");
      const jour7 = await commandesDuJour({ agentId: lecteur.id, date: "2026-09-07" });
      const parLieu = (lieuId: number) => jour7.find((l) => l.lieuId === lieuId)!;
      expect(jour7).toHaveLength(2);
      expect(
        [parLieu(privee.lieuId), parLieu(publique.lieuId)].map((l) => [
          l.lieu,
          l.version,
          l.lignes.map((x) => [x.unite, x.nombre]),
        ]),
      ).toEqual([
        [
          privee.lieu,
          1,
          [
            ["Menu Classique", 1],
            ["Menu Végétarien", 0],
          ],
        ],
        [
          publique.lieu,
          1,
          [
            ["Menu Classique", 1],
            ["Menu Végétarien", 1],
          ],
        ],
      ]);
      const classique7 = parLieu(publique.lieuId).lignes[0]!;
      expect(classique7).toMatchObject({
        regimes: [["Sans porc", 1]],
        allergenes: [["Arachides", 1]],
        pai: 1,
        ecart: null,
      });
      const jour8 = await commandesDuJour({ agentId: lecteur.id, date: "2026-09-08" });
      expect(jour8.find((l) => l.lieuId === publique.lieuId)!.lignes.map((x) => x.nombre)).toEqual([2, 0]);

      // nothing changed: nothing written, not even by two calls at once
      const avant = await db().commandeRepas.count();
      expect(await Promise.all([figerCommandes(apres), figerCommandes(apres)])).toEqual([[], []]);
      expect(await db().commandeRepas.count()).toBe(avant);

      // the journal says which versions were frozen and who read the order, never a diet
      const entrees = await db().journalEntry.findMany({
        where: { event: { in: ["commande_repas.figee", "commande_repas.lecture"] } },
      });
      expect(entrees.some((e) => e.event === "commande_repas.lecture" && e.actorId === lecteur.id)).toBe(true);
      expect(JSON.stringify(entrees.map((e) => e.details))).not.toMatch(/porc|arachide|pai"/i);
    },
  );

  it("a change after the cutoff makes a new version with the difference", { timeout: 120_000 }, async () => {
    const e = await familleInscrite("Etcheto");
    const f = await familleInscrite("Fagoaga");
    await dossierSanteValide(f.usager.id, f.enfantId, SANTE_A_COMPTER);
    await reserver(e, [{ date: "2026-09-17", uniteId: publique.classique, reserver: true }]);
    // the cutoff of Thursday 17 September is Thursday 10 September, 12:00
    const cloture = new Date("2026-09-10T10:05:00Z");
    expect(await figerCommandes(cloture)).toContainEqual({ lieuId: publique.lieuId, date: "2026-09-17", version: 1 });

    // after the cutoff: E is ill (the service cancels), F is booked a vegetarian meal by an agent
    const service = await agent("Service");
    const parLeService = { id: service.id, nom: "Maite Service" };
    const tard = new Date("2026-09-14T07:00:00Z");
    await reserverPourLaFamille({
      agent: parLeService,
      inscriptionId: e.inscriptionId,
      changements: [{ date: "2026-09-17", uniteId: publique.classique, reserver: false }],
      now: tard,
    });
    await reserverPourLaFamille({
      agent: parLeService,
      inscriptionId: f.inscriptionId,
      changements: [{ date: "2026-09-17", uniteId: publique.vegetarien, reserver: true }],
      now: tard,
    });
    expect(await figerCommandes(tard)).toContainEqual({ lieuId: publique.lieuId, date: "2026-09-17", version: 2 });
    expect(await figerCommandes(tard)).toEqual([]);

    const [commande] = (await commandesDuJour({ agentId: service.id, date: "2026-09-17" })).filter(
      (l) => l.lieuId === publique.lieuId,
    );
    expect(commande!.version).toBe(2);
    expect(commande!.figeeLe).toEqual(tard);
    const [classique, vegetarien] = commande!.lignes;
    expect(classique).toMatchObject({ unite: "Menu Classique", nombre: 0, ecart: { nombre: -1 } });
    expect(vegetarien).toMatchObject({
      unite: "Menu Végétarien",
      nombre: 1,
      regimes: [["Sans porc", 1]],
      allergenes: [["Arachides", 1]],
      pai: 1,
      ecart: { nombre: 1, regimes: [["Sans porc", 1]], allergenes: [["Arachides", 1]], pai: 1 },
    });
    // version 1 is kept as it was
    const v1 = await db().commandeRepas.findUniqueOrThrow({
      where: { lieuId_date_version: { lieuId: publique.lieuId, date: dateDeJour("2026-09-17"), version: 1 } },
    });
    expect(v1.comptes).toEqual({ [publique.classique]: 1, [publique.vegetarien]: 0 });

    // the key rotation rewrites the versions' diets too: still readable once the previous key is dropped
    const avant = { cle: process.env.CLE_CHIFFREMENT, ancienne: process.env.CLE_CHIFFREMENT_ANCIENNE };
    process.env.CLE_CHIFFREMENT_ANCIENNE =
      avant.cle ?? createHash("sha256").update("portail-famille-cle-de-developpement").digest("base64");
    process.env.CLE_CHIFFREMENT = randomBytes(32).toString("base64");
    try {
      const bilan = await rechiffrerTout();
      expect(bilan.commandesRepas).toBe(await db().commandeRepas.count());
      expect(bilan.illisibles).toBe(0);
      delete process.env.CLE_CHIFFREMENT_ANCIENNE;
      const [relue] = (await commandesDuJour({ agentId: service.id, date: "2026-09-17" })).filter(
        (l) => l.lieuId === publique.lieuId,
      );
      expect(relue!.lignes[1]!.regimes).toEqual([["Sans porc", 1]]);
    } finally {
      for (const [nom, valeur] of [
        ["CLE_CHIFFREMENT", avant.cle],
        ["CLE_CHIFFREMENT_ANCIENNE", avant.ancienne],
      ] as const) {
        if (valeur === undefined) delete process.env[nom];
        else process.env[nom] = valeur;
      }
    }
  });
});
