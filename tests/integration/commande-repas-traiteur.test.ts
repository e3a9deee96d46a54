// The frozen kitchen order mailed to the caterer on PostgreSQL: with the commune's caterer address set, a
// cutoff queues exactly one mail per lieu, in the freezing transaction, with the days and the counts per menu
// (diets, allergens and P.A.I. as counts, never a child's name); without the address, none; freezing again
// changes nothing and mails nothing; a change after the cutoff makes a new version, mailed once as a change.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/commande-traiteur-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { enregistrerReservations, reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import { agent } from "./demande-fixtures";
import { familleInscrite } from "./inscription-fixtures";
import { cantinePublique, familleAuRegime } from "./cantine-fixtures";

const TRAITEUR = "cuisine@traiteur.example";
let cantine: { lieuId: number; lieu: string; classique: number; vegetarien: number };
const AOUT = new Date("2026-08-20T10:00:00Z");

beforeAll(async () => {
  cantine = await cantinePublique();
}, 120_000);

const auTraiteur = () => db().outboxMail.findMany({ where: { to: TRAITEUR }, orderBy: { createdAt: "asc" } });

describe("the caterer's mail", () => {
  it(
    "is queued once per lieu and cutoff with the counts, only with an address, never twice",
    { timeout: 120_000 },
    async () => {
      const a = await familleAuRegime("Traiteur");
      const b = await familleInscrite("Cuisinier");
      for (const [f, uniteId] of [
        [a, cantine.classique],
        [b, cantine.vegetarien],
      ] as const)
        await enregistrerReservations({
          usagerId: f.usager.id,
          inscriptionId: f.inscriptionId,
          changements: ["2026-09-07", "2026-09-14", "2026-09-15"].map((date) => ({ date, uniteId, reserver: true })),
          now: AOUT,
        });

      // no address: the week of 7 September freezes (Thursday 3 September, 12:00), nothing mailed
      await db().commune.update({ where: { id: 1 }, data: { traiteurCourriel: null } });
      expect(await figerCommandes(new Date("2026-09-03T10:05:00Z"))).toContainEqual({
        lieuId: cantine.lieuId,
        date: "2026-09-07",
        version: 1,
      });
      expect(await db().outboxMail.count({ where: { subject: { startsWith: "Commande de repas" } } })).toBe(0);

      // with the address: the week of 14 September freezes, one mail per lieu with every day of the cutoff
      await db().commune.update({ where: { id: 1 }, data: { traiteurCourriel: TRAITEUR } });
      const cloture = new Date("2026-09-10T10:05:00Z");
      const figees = await figerCommandes(cloture);
      const lieux = new Set(figees.map((f) => f.lieuId));
      const mails = await auTraiteur();
      expect(mails).toHaveLength(lieux.size);
      const publique = mails.filter((m) => m.subject.includes(cantine.lieu));
      expect(publique).toHaveLength(1);
      const mail = publique[0]!;
      expect(mail.subject).toMatch(/^Commande de repas : École publique de Villefranque, du lundi 14 septembre au /);
      expect(mail.text).toContain("Lundi 14 septembre");
      expect(mail.text).toContain("Mardi 15 septembre");
      expect(mail.text).toContain(
        "Menu Classique : 1 repas ; régimes : Sans porc (1) ; allergènes : Arachides (1) ; PAI : 1",
      );
      expect(mail.text).toContain("Menu Végétarien : 1 repas");
      expect(mail.text).not.toMatch(/Henri|Traiteur\b|Cuisinier/);
      expect(mail.html).not.toMatch(/Henri|Cuisinier/);
      const entree = await db().journalEntry.findFirstOrThrow({
        where: { event: "commande_repas.figee" },
        orderBy: { createdAt: "desc" },
      });
      expect(entree.details).toMatchObject({ courrielsTraiteur: lieux.size });

      // freezing again: nothing new, no mail (nor twice at once)
      await Promise.all([figerCommandes(cloture), figerCommandes(cloture)]);
      expect(await auTraiteur()).toHaveLength(lieux.size);

      // a late change: version 2 of the day, one mail saying the order changed
      const service = await agent("Cuisine");
      await reserverPourLaFamille({
        agent: { id: service.id, nom: "Maite Cuisine" },
        inscriptionId: b.inscriptionId,
        changements: [{ date: "2026-09-15", uniteId: cantine.vegetarien, reserver: false }],
        now: new Date("2026-09-11T07:00:00Z"),
      });
      expect(await figerCommandes(new Date("2026-09-11T07:05:00Z"))).toEqual([
        { lieuId: cantine.lieuId, date: "2026-09-15", version: 2 },
      ]);
      const apres = await auTraiteur();
      expect(apres).toHaveLength(lieux.size + 1);
      expect(apres.at(-1)!.subject).toBe(
        "Commande de repas modifiée : École publique de Villefranque, mardi 15 septembre",
      );
      expect(apres.at(-1)!.text).toContain("Menu Végétarien : 0 repas");
    },
  );
});
