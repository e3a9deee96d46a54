// The family booking view's save on PostgreSQL (lib/domain/reservation/famille.ts): two children, each at the
// canteen (Menu Classique subscribed) and the garderie (Matin and Soir), saved in one transaction with one recap
// mail; a day refused for one child keeps every other day; a failure in the middle leaves nothing; units the
// inscription does not subscribe refused (the per-child save too); another family's inscription a 404; and the
// estimate (estimation.ts, ../facturation/baremes.ts) equal to what the month's invoice then charges for the same days.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/reservation-famille-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { enregistrerReservations, RAISONS } from "@/lib/domain/reservation/enregistrer";
import { enregistrerPourLaFamille, type ChangementFamille } from "@/lib/domain/reservation/famille";
import { calendrierReservations } from "@/lib/domain/reservation/queries";
import { baremesDeLaFamille } from "@/lib/domain/facturation/baremes";
import { estimer } from "@/lib/domain/reservation/estimation";
import { facturerMois } from "@/lib/domain/facturation/executer";
import { dateDeJour, jourDeDate } from "@/lib/temps/jours";
import { inscrire } from "@/prisma/demo-reservations";
import { seedTarifs } from "@/prisma/demo-facturation";
import { ENFANT } from "./demande-fixtures";
import { familleDeposee } from "./reservation-fixtures";
import { AOUT, preparerUnites, type Cantine, type Garderie } from "./reservations-serveur-fixtures";

let cantine: Cantine;
let garderie: Garderie;

beforeAll(async () => {
  ({ cantine, garderie } = await preparerUnites());
  await seedTarifs();
}, 120_000);

/** Thursday 10 September 2026, 12:01 in Paris: the canteen's week of the 14th is closed, its garderie is not. */
const JEUDI_MIDI = new Date("2026-09-10T10:01:00Z");

type Enfant = { enfantId: string; prenoms: string; cantine: string; garderie: string };

/** A household of two children (Henri, Louise), each enrolled at the canteen (Menu Classique) and the garderie. */
async function fratrie(nom: string) {
  const f = await familleDeposee(nom, cantine.id, [
    { ...ENFANT, nom, prenoms: "Henri" },
    { ...ENFANT, nom, prenoms: "Louise", sexe: "FEMININ", dateNaissance: "2020-03-02" },
  ]);
  await deciderDemande({ demarches: DEMARCHES, agent: f.instructeur, demandeId: f.demandeId, decision: "accepter" });
  const liens = await db().familleEnfant.findMany({
    where: { famille: { representants: { some: { usagerId: f.usager.id } } } },
    include: { enfant: { select: { prenoms: true } } },
    orderBy: { enfant: { prenoms: "asc" } },
  });
  const enfants: Enfant[] = [];
  for (const { enfantId, enfant } of liens) {
    const args = { usagerId: f.usager.id, enfantId, agent: f.instructeur };
    enfants.push({
      enfantId,
      prenoms: enfant.prenoms,
      cantine: await inscrire({ ...args, activiteId: cantine.id, unites: [cantine.classique] }),
      garderie: await inscrire({ ...args, activiteId: garderie.id, unites: [garderie.matin, garderie.soir] }),
    });
  }
  const [henri, louise] = enfants as [Enfant, Enfant];
  return { usager: f.usager, familleId: liens[0]!.familleId, henri, louise };
}

const reservees = (enfantIds: string[]) =>
  db().reservation.findMany({
    where: { enfantId: { in: enfantIds }, statut: "RESERVEE" },
    orderBy: [{ date: "asc" }, { uniteId: "asc" }],
    select: { enfantId: true, uniteId: true, date: true },
  });

const recaps = (courriel: string) =>
  db().outboxMail.findMany({ where: { to: courriel, subject: { startsWith: "Vos réservations" } } });

const jour = (date: string, uniteId: number, inscriptionId: string): ChangementFamille => ({
  date,
  uniteId,
  inscriptionId,
  reserver: true,
});

describe("the family's save: one transaction, one recap mail", () => {
  it("a day past its deadline for Henri is refused with its reason; every other day of both children is written", async () => {
    const { usager, henri, louise } = await fratrie("Famillejour");
    const bilan = await enregistrerPourLaFamille({
      usagerId: usager.id,
      changements: [
        jour("2026-09-14", cantine.classique, henri.cantine),
        jour("2026-09-21", cantine.classique, henri.cantine),
        jour("2026-09-21", cantine.classique, louise.cantine),
        jour("2026-09-14", garderie.matin, louise.garderie),
        jour("2026-09-14", garderie.soir, louise.garderie),
      ],
      now: JEUDI_MIDI,
    });
    const de = (id: string) => bilan.inscriptions.find((i) => i.inscriptionId === id)!;
    expect(de(henri.cantine).bilan.refus.map((r) => [r.date, r.raison])).toEqual([
      ["2026-09-14", "Le délai de réservation est dépassé (modifiable jusqu'au jeudi 10 septembre à 12:00)."],
    ]);
    expect(de(henri.cantine).bilan.reservees.map((c) => c.date)).toEqual(["2026-09-21"]);
    expect(de(henri.cantine).prenom).toBe("Henri");
    expect(de(louise.cantine).bilan.reservees).toHaveLength(1);
    expect(de(louise.garderie).bilan.reservees).toHaveLength(2);
    expect(await reservees([henri.enfantId, louise.enfantId])).toHaveLength(4);

    // one mail for the family, to the parent who saved, a section per child × activity changed
    const mails = await recaps(usager.courriel);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Vos réservations pour Henri et Louise");
    expect(mails[0]!.text).toContain("Henri — ");
    expect(mails[0]!.text).toContain("Louise — ");
    expect(mails[0]!.text).toContain("lundi 14 septembre 2026 : Soir");
    expect(mails[0]!.text).toContain("/famille/reservations");

    // the same save again changes nothing and mails nothing
    const encore = await enregistrerPourLaFamille({
      usagerId: usager.id,
      changements: [jour("2026-09-21", cantine.classique, louise.cantine)],
      now: JEUDI_MIDI,
    });
    expect(encore.inscriptions[0]!.bilan.reservees).toEqual([]);
    expect(await recaps(usager.courriel)).toHaveLength(1);
  });

  describe("a failure in the middle of the save", () => {
    afterEach(async () => {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS panne_simulee ON "Reservation"`);
    });

    it("leaves nothing written: neither the first child's days nor a mail", async () => {
      const { usager, henri, louise } = await fratrie("Famillepanne");
      // the children's inscriptions are saved in the order of their ids: the second one fails on its insert
      const [premier, second] = [henri, louise].sort((a, b) => a.enfantId.localeCompare(b.enfantId)) as [
        Enfant,
        Enfant,
      ];
      await db().$executeRawUnsafe(`
        CREATE OR REPLACE FUNCTION panne_simulee() RETURNS trigger AS $$
        BEGIN
          IF NEW."enfantId" = '${second.enfantId}' THEN RAISE EXCEPTION 'panne simulée'; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
      await db().$executeRawUnsafe(
        `CREATE TRIGGER panne_simulee BEFORE INSERT ON "Reservation" FOR EACH ROW EXECUTE FUNCTION panne_simulee()`,
      );
      await expect(
        enregistrerPourLaFamille({
          usagerId: usager.id,
          changements: [
            jour("2026-09-21", cantine.classique, premier.cantine),
            jour("2026-09-22", garderie.matin, premier.garderie),
            jour("2026-09-21", cantine.classique, second.cantine),
          ],
          now: AOUT,
        }),
      ).rejects.toThrow("panne simulée");
      expect(await db().reservation.count({ where: { enfantId: { in: [henri.enfantId, louise.enfantId] } } })).toBe(0);
      expect(await recaps(usager.courriel)).toHaveLength(0);
    });
  });

  it("refuses a unit the inscription does not subscribe, in the family's save and the per-child save alike", async () => {
    const { usager, henri, louise } = await fratrie("Famillemenu");
    const raison = RAISONS.nonSouscrite("Menu Végétarien");
    expect(raison).toBe("Menu Végétarien ne fait pas partie de l'inscription.");
    const famille = await enregistrerPourLaFamille({
      usagerId: usager.id,
      changements: [
        jour("2026-09-07", cantine.vegetarien, henri.cantine),
        jour("2026-09-07", cantine.classique, louise.cantine),
      ],
      now: AOUT,
    });
    const henriCantine = famille.inscriptions.find((i) => i.inscriptionId === henri.cantine)!;
    expect(henriCantine.bilan.refus.map((r) => r.raison)).toEqual([raison]);
    const seul = await enregistrerReservations({
      usagerId: usager.id,
      inscriptionId: henri.cantine,
      changements: [{ date: "2026-09-08", uniteId: cantine.vegetarien, reserver: true }],
      now: AOUT,
    });
    expect(seul.refus.map((r) => r.raison)).toEqual([raison]);
    expect((await reservees([henri.enfantId])).length).toBe(0);
    expect(await reservees([louise.enfantId])).toHaveLength(1);

    // the month view offers only the subscribed menu; the garderie both of its units
    const vue = (inscriptionId: string) =>
      calendrierReservations({ portee: { usagerId: usager.id }, enfantId: henri.enfantId, inscriptionId, now: AOUT });
    expect((await vue(henri.cantine))!.unites.map((u) => u.libelle)).toEqual(["Menu Classique"]);
    expect((await vue(henri.garderie))!.unites.map((u) => u.libelle)).toEqual(["Matin", "Soir"]);
  });

  it("another family's inscription in the save: « introuvable », and nothing of the save is written", async () => {
    const a = await fratrie("Famillea");
    const b = await fratrie("Familleb");
    const erreur = await enregistrerPourLaFamille({
      usagerId: a.usager.id,
      changements: [
        jour("2026-09-07", cantine.classique, a.henri.cantine),
        jour("2026-09-07", cantine.classique, b.louise.cantine),
      ],
      now: AOUT,
    }).catch((e: unknown) => e);
    expect(erreur).toBeInstanceOf(AppError);
    expect((erreur as AppError).code).toBe("introuvable");
    expect(await reservees([a.henri.enfantId, b.louise.enfantId])).toEqual([]);
    expect(await recaps(a.usager.courriel)).toHaveLength(0);
  });
});

describe("the estimate", () => {
  it("equals what September's invoice charges for the same days, per child and for the family", async () => {
    const { usager, familleId, henri, louise } = await fratrie("Familleprix");
    // QF 850: the canteen at 2,85 €, the garderie du matin at 1,375 € (billed 1,38 €), du soir at 2,05 €
    await db().quotientFamilial.create({
      data: { familleId, valeur: 850, du: dateDeJour("2026-01-01"), source: "CAF" },
    });
    const ouverts = async (uniteId: number) =>
      (
        await db().jourOuverture.findMany({
          where: { uniteId, date: { gte: dateDeJour("2026-09-01"), lte: dateDeJour("2026-09-30") } },
          orderBy: { date: "asc" },
          distinct: ["date"],
        })
      ).map((j) => jourDeDate(j.date));
    const [repas, matins, soirs] = await Promise.all([
      ouverts(cantine.classique),
      ouverts(garderie.matin),
      ouverts(garderie.soir),
    ]);
    const changements = [
      ...repas.map((d) => jour(d, cantine.classique, henri.cantine)),
      ...matins.map((d) => jour(d, garderie.matin, henri.garderie)),
      ...repas.slice(0, 7).map((d) => jour(d, cantine.classique, louise.cantine)),
      ...soirs.filter((_, i) => i % 2 === 0).map((d) => jour(d, garderie.soir, louise.garderie)),
    ];
    const bilan = await enregistrerPourLaFamille({ usagerId: usager.id, changements, now: AOUT });
    expect(bilan.inscriptions.flatMap((i) => i.bilan.refus)).toEqual([]);

    const parInscription = new Map(
      [henri, louise].flatMap((e) => [
        [e.cantine, e.enfantId],
        [e.garderie, e.enfantId],
      ]),
    );
    const jours = changements.map((c) => ({
      enfantId: parInscription.get(c.inscriptionId)!,
      uniteId: c.uniteId,
      date: c.date,
    }));
    const baremes = await baremesDeLaFamille({ usagerId: usager.id, mois: ["2026-09-01"], now: AOUT });
    expect(baremes.find((b) => b.enfantId === henri.enfantId && b.uniteId === garderie.matin)?.prix).toBe("1.375");
    const estimation = estimer(baremes, jours);

    await facturerMois({ mois: "2026-09", now: new Date("2026-10-01T08:00:00Z") });
    const facture = await db().facture.findFirstOrThrow({
      where: { familleId, periodeDebut: dateDeJour("2026-09-01") },
      include: { lignes: true },
    });
    expect(estimation.famille.mois["2026-09"]).toBe(facture.totalCentimes);
    for (const enfant of [henri, louise]) {
      const lignes = facture.lignes.filter((l) => l.enfantId === enfant.enfantId);
      expect(lignes.length).toBeGreaterThan(0);
      expect(estimation.parEnfant[enfant.enfantId]!.mois["2026-09"]).toBe(
        lignes.reduce((s, l) => s + l.montantCentimes, 0),
      );
    }
    // the weeks add up to the month
    const semaines = Object.values(estimation.famille.semaines).reduce((s, c) => s + c, 0);
    expect(semaines).toBe(facture.totalCentimes);
  });
});
