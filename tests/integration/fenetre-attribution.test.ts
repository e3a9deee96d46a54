// A booking window's allocation on PostgreSQL: the priorities respected whatever the draw, the same seed giving
// the same ranking and the same reservations, another seed reordering ties only, the journal verified from the
// seed, the job allocating a closed window once, and one result mail per family with its reason.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/fenetre-attribution-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { attribuerFenetre } from "@/lib/domain/fenetre/attribuer";
import { attribuerFenetresCloses } from "@/lib/domain/fenetre/attribuer-closes";
import { verifierTirage } from "@/lib/domain/fenetre/verifier";
import {
  APRES,
  capacite,
  creerFenetre,
  famille,
  PENDANT,
  preparerUnites,
  sauver,
  type FamilleFenetre,
  type Garderie,
} from "./fenetre-fixtures";

let garderie: Garderie;
const JOURS = ["2026-09-14", "2026-09-15"];
let fenetreId: number;
let prioritaire: FamilleFenetre;
let autres: FamilleFenetre[];

const jours = (uniteId: number) => JOURS.map((date) => ({ date, uniteId, reserver: true }));

beforeAll(async () => {
  ({ garderie } = await preparerUnites());
  await capacite(garderie.soir, JOURS, 2);
  fenetreId = (
    await creerFenetre({
      activiteId: garderie.id,
      uniteIds: [garderie.soir],
      debut: JOURS[0]!,
      fin: JOURS[1]!,
      criteres: [
        { critere: "FRATRIE", points: 30 },
        { critere: "RESIDENT_COMMUNE", points: 20 },
        { critere: "PARENTS_TRAVAILLENT", points: 10 },
      ],
    })
  ).id;
  // two children both asking (siblings), residents, their mother working; five others with no priority, living elsewhere
  prioritaire = await famille("Prioritaire", garderie.id, { n: 2 });
  await db().representant.updateMany({
    where: { familleId: prioritaire.familleId },
    data: { profession: "Infirmière" },
  });
  autres = [];
  for (const nom of ["Aucune", "Bidart", "Cambo", "Dax", "Espelette"])
    autres.push(await famille(nom, garderie.id, { ville: "Bayonne" }));
  // the families without priority ask first: the order of arrival changes nothing
  for (const f of autres) await sauver(f, jours(garderie.soir), PENDANT);
  await sauver(prioritaire, jours(garderie.soir), PENDANT, 0);
  await sauver(prioritaire, jours(garderie.soir), PENDANT, 1);
}, 240_000);

/** Puts the window back as before its allocation: requests again, no journal (the same data, allocated again). */
async function remettre(graine?: string) {
  await db().classementFenetre.deleteMany({ where: { fenetreId } });
  await db().reservation.updateMany({
    where: { uniteId: garderie.soir, date: { in: JOURS.map((j) => new Date(j)) } },
    data: { statut: "DEMANDEE", rang: null },
  });
  await db().fenetreReservation.update({
    where: { id: fenetreId },
    data: { statut: "COLLECTE", attribueeLe: null, ...(graine ? { graine } : {}) },
  });
}

const etat = async () => ({
  classement: (
    await db().classementFenetre.findMany({ where: { fenetreId }, orderBy: [{ uniteId: "asc" }, { rang: "asc" }] })
  ).map((l) => ({ ...l, id: 0, createdAt: null })),
  reservations: await db().reservation.findMany({
    where: { uniteId: garderie.soir, date: { in: JOURS.map((j) => new Date(j)) } },
    orderBy: [{ enfantId: "asc" }, { date: "asc" }],
    select: { enfantId: true, date: true, statut: true, rang: true },
  }),
});

describe("the allocation of a booking window", () => {
  it("refuses before the close, allocates once, and the priorities win whatever the order of arrival", async () => {
    const avant = await attribuerFenetre({ fenetreId, acteur: { kind: "SYSTEME" }, now: PENDANT }).catch((e) => e);
    expect(avant).toBeInstanceOf(AppError);
    expect((avant as AppError).message).toMatch(/^Les demandes sont encore ouvertes/);

    const bilan = await attribuerFenetre({ fenetreId, acteur: { kind: "SYSTEME" }, now: APRES });
    expect(bilan).toEqual({ candidats: 7, joursAttribues: 4, joursEnAttente: 10 });
    const { classement, reservations } = await etat();
    const [un, deux] = prioritaire.enfants.map((e) => e.enfantId);
    expect(
      classement
        .slice(0, 2)
        .map((l) => l.enfantId)
        .sort(),
    ).toEqual([un, deux].sort());
    expect(classement[0]).toMatchObject({
      points: 60,
      criteres: ["FRATRIE", "RESIDENT_COMMUNE", "PARENTS_TRAVAILLENT"],
    });
    for (const l of classement.slice(2)) expect(l.points).toBeLessThan(classement[1]!.points);
    expect(classement.map((l) => l.rang)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(
      reservations
        .filter((r) => r.statut === "RESERVEE")
        .map((r) => r.enfantId)
        .sort(),
    ).toEqual([un, un, deux, deux].sort());
    const attente = reservations.filter((r) => r.statut === "ATTENTE");
    expect(attente).toHaveLength(10);
    for (const r of attente) expect(r.rang).toBe(classement.find((l) => l.enfantId === r.enfantId)!.rang);
    expect(await verifierTirage(fenetreId)).toEqual({ conforme: true, lignes: 7, ecarts: [] });

    // a second run (the job on another node, an agent's click) is refused by the window's gate
    const encore = await attribuerFenetre({ fenetreId, acteur: { kind: "SYSTEME" }, now: APRES }).catch((e) => e);
    expect((encore as AppError).message).toBe("Action impossible : cette période est « Places attribuées ».");
  });

  it("gives the same journal and reservations from the same seed; another seed reorders ties only", async () => {
    const premier = await etat();
    await remettre();
    await attribuerFenetre({ fenetreId, acteur: { kind: "SYSTEME" }, now: APRES });
    expect(await etat()).toEqual(premier);

    const ordres = new Set<string>();
    for (const graine of ["autre-1", "autre-2", "autre-3", "autre-4"]) {
      await remettre(graine);
      await attribuerFenetre({ fenetreId, acteur: { kind: "SYSTEME" }, now: APRES });
      const { classement, reservations } = await etat();
      // the siblings first under every seed, with their places
      expect(classement.slice(0, 2).every((l) => l.points === 60)).toBe(true);
      const places = reservations.filter((r) => r.statut === "RESERVEE").map((r) => r.enfantId);
      expect(new Set(places)).toEqual(new Set(prioritaire.enfants.map((e) => e.enfantId)));
      ordres.add(
        classement
          .slice(2)
          .map((l) => l.enfantId)
          .join(),
      );
      expect((await verifierTirage(fenetreId)).conforme).toBe(true);
    }
    // five children tied: four seeds give more than one order
    expect(ordres.size).toBeGreaterThan(1);
  });

  it("finds a journal row changed by hand", async () => {
    const ligne = await db().classementFenetre.findFirstOrThrow({ where: { fenetreId, rang: 3 } });
    await db().classementFenetre.update({ where: { id: ligne.id }, data: { points: 5 } });
    const verification = await verifierTirage(fenetreId);
    expect(verification.conforme).toBe(false);
    expect(verification.ecarts).toContain("Unité " + garderie.soir + ", rang 3 : points différents des critères.");
  });

  it("mails each family its result with the reason, and nothing of a dossier santé", async () => {
    const mails = await db().outboxMail.findMany({
      where: { subject: "Résultat de l'attribution — Cantine de septembre" },
      orderBy: { createdAt: "asc" },
    });
    // six allocations ran: one mail per family and run
    expect(mails).toHaveLength(6 * 6);
    const graine = (await db().fenetreReservation.findUniqueOrThrow({ where: { id: fenetreId } })).graine;
    const dernier = mails.slice(-6);
    expect(new Set(dernier.map((m) => m.to)).size).toBe(6);
    const usager = await db().usager.findUniqueOrThrow({ where: { id: prioritaire.usagerId } });
    const sien = dernier.find((m) => m.to === usager.courriel)!;
    expect(sien.text).toContain("Henri — Soir");
    expect(sien.text).toContain("Louise — Soir");
    expect(sien.text).toContain(
      `Motif : priorité : frère ou sœur inscrit (30 points), résident de la commune (20 points), parents qui travaillent (10 points) ; à égalité, tirage au sort (graine publiée : ${graine}).`,
    );
    expect(sien.text).toMatch(/connectez-vous à votre espace :\nhttp\S+\/famille\/reservations\n/);
    const autre = dernier.find((m) => m.to !== usager.courriel)!;
    expect(autre.text).toMatch(/Jours en liste d'attente \(rang [3-7]\) : lun\. 14, mar\. 15 sept\./);
    expect(autre.text).toContain("aucune priorité retenue");
    for (const m of dernier) expect(m.text).not.toMatch(/allerg|PAI|santé|médecin|vaccin/i);
  });

  it("the job allocates every window past its close, once", async () => {
    const fermee = await creerFenetre({
      activiteId: garderie.id,
      uniteIds: [garderie.matin],
      debut: "2026-10-05",
      fin: "2026-10-09",
      libelle: "Matins d'octobre",
    });
    const ouverte = await creerFenetre({
      activiteId: garderie.id,
      uniteIds: [garderie.matin],
      debut: "2026-11-02",
      fin: "2026-11-06",
      fermeture: new Date("2026-10-01T22:00:00Z"),
      libelle: "Matins de novembre",
    });
    expect(await attribuerFenetresCloses(APRES)).toEqual([fermee.id]);
    expect(await attribuerFenetresCloses(APRES)).toEqual([]);
    const statuts = await db().fenetreReservation.findMany({ where: { id: { in: [fermee.id, ouverte.id] } } });
    expect(Object.fromEntries(statuts.map((f) => [f.id, f.statut]))).toEqual({
      [fermee.id]: "ATTRIBUEE",
      [ouverte.id]: "COLLECTE",
    });
    expect(await db().fenetreEvenement.count({ where: { fenetreId: fermee.id, transition: "attribuer" } })).toBe(1);
  });
});
