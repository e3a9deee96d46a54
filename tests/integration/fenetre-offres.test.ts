// After a window's allocation, on PostgreSQL: a place freed on one of its days is offered to the next child by
// rank for the window's delay (PROPOSEE, mailed), held for it; accepted it is booked, declined or left to expire
// it passes on to the next; another family cannot answer it; a capacity raised offers too; a day without a window
// still books its waiting list at once; and a day's places are never exceeded.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/fenetre-offres-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { attribuerFenetre } from "@/lib/domain/fenetre/attribuer";
import { accepterOffre } from "@/lib/domain/fenetre/accepter-offre";
import { declinerOffre } from "@/lib/domain/fenetre/decliner-offre";
import { expirerOffres } from "@/lib/domain/fenetre/expirer-offres";
import { modifierRegles } from "@/lib/domain/reservation/modifier-regles";
import { tracesDuMois } from "@/lib/domain/reservation/historique";
import {
  APRES,
  capacite,
  creerFenetre,
  famille,
  ligne,
  PENDANT,
  preparerUnites,
  sauver,
  type FamilleFenetre,
  type Garderie,
} from "./fenetre-fixtures";

let garderie: Garderie;
// the first day for the decline and the expiry, the second for the acceptance, the third for a capacity raised
const JOURS = ["2026-09-14", "2026-09-15", "2026-09-17"];
const HEURE = 3_600_000;
let familles: FamilleFenetre[];
/** the families in the order of the allocation's ranks */
let parRang: FamilleFenetre[];

beforeAll(async () => {
  ({ garderie } = await preparerUnites());
  await capacite(garderie.soir, JOURS, 1);
  const { id } = await creerFenetre({
    activiteId: garderie.id,
    uniteIds: [garderie.soir],
    debut: JOURS[0]!,
    fin: JOURS[2]!,
  });
  familles = [];
  for (const nom of ["Ainhoa", "Biriatu", "Ciboure", "Domezain"]) familles.push(await famille(nom, garderie.id));
  for (const f of familles)
    await sauver(
      f,
      JOURS.map((date) => ({ date, uniteId: garderie.soir, reserver: true })),
      PENDANT,
    );
  await attribuerFenetre({ fenetreId: id, acteur: { kind: "SYSTEME" }, now: APRES });
  const rangs = await db().classementFenetre.findMany({ where: { fenetreId: id }, orderBy: { rang: "asc" } });
  parRang = rangs.map((r) => familles.find((f) => f.familleId === r.familleId)!);
}, 240_000);

const statut = async (f: FamilleFenetre, jour: string) => (await ligne(f.enfants[0]!.enfantId, garderie.soir, jour))!;
const places = async (jour: string) =>
  db().reservation.count({
    where: { uniteId: garderie.soir, date: new Date(jour), statut: { in: ["RESERVEE", "PROPOSEE"] } },
  });
const mailsA = async (f: FamilleFenetre) => {
  const { courriel } = await db().usager.findUniqueOrThrow({ where: { id: f.usagerId } });
  return db().outboxMail.findMany({ where: { to: courriel, subject: "Une place vous est proposée" } });
};

describe("a place freed after the allocation", () => {
  it("is offered to the next by rank for 48 h, with a mail; declined it passes on; expired it passes on", async () => {
    const [premier, deuxieme, troisieme, quatrieme] = parRang as [FamilleFenetre, ...FamilleFenetre[]];
    expect((await statut(premier, JOURS[0]!)).statut).toBe("RESERVEE");
    expect([(await statut(deuxieme!, JOURS[0]!)).rang, (await statut(troisieme!, JOURS[0]!)).rang]).toEqual([2, 3]);
    // the month view's story of the day says the rank
    const traces = await tracesDuMois({
      portee: { usagerId: troisieme!.usagerId },
      enfantId: troisieme!.enfants[0]!.enfantId,
      uniteIds: [garderie.soir],
      mois: "2026-09",
    });
    expect(traces[`${JOURS[0]}|${garderie.soir}`]).toBe("mis en liste d'attente le 27/08 à 12:00, rang 3");

    const annulation = new Date(APRES.getTime() + HEURE);
    expect(
      (await sauver(premier, [{ date: JOURS[0]!, uniteId: garderie.soir, reserver: false }], annulation)).annulees,
    ).toHaveLength(1);
    const offre = await statut(deuxieme!, JOURS[0]!);
    expect(offre.statut).toBe("PROPOSEE");
    expect(offre.offreExpireLe).toEqual(new Date(annulation.getTime() + 48 * HEURE));
    expect((await statut(troisieme!, JOURS[0]!)).statut).toBe("ATTENTE");
    expect(await places(JOURS[0]!)).toBe(1);
    const [mail] = await mailsA(deuxieme!);
    expect(mail?.text).toContain("Henri : lundi 14 septembre 2026, Soir");
    expect(mail?.text).toContain("Elle vous est réservée jusqu'au samedi 29 août à 13:00.");
    expect(mail?.text).toMatch(/connectez-vous à votre espace :\nhttp\S+\/famille\/reservations\/propositions\n/);

    // the parent cannot take the place back from the calendar while it is offered to another, nor book over it
    const reprise = await sauver(premier, [{ date: JOURS[0]!, uniteId: garderie.soir, reserver: true }], annulation);
    expect(reprise.reservees).toHaveLength(0);
    expect(reprise.enAttente).toHaveLength(1);
    expect(await places(JOURS[0]!)).toBe(1);

    // another family's answer is refused as if the offer did not exist
    const autre = await accepterOffre({
      usagerId: troisieme!.usagerId,
      reservationId: offre.id,
      now: annulation,
    }).catch((e) => e);
    expect(autre).toBeInstanceOf(AppError);
    expect((autre as AppError).code).toBe("introuvable");
    expect((await statut(deuxieme!, JOURS[0]!)).statut).toBe("PROPOSEE");

    // declined: the next by rank is offered it at once
    await declinerOffre({ usagerId: deuxieme!.usagerId, reservationId: offre.id, now: annulation });
    expect((await statut(deuxieme!, JOURS[0]!)).statut).toBe("ANNULEE");
    const suivante = await statut(troisieme!, JOURS[0]!);
    expect(suivante.statut).toBe("PROPOSEE");
    expect(await mailsA(troisieme!)).toHaveLength(1);

    // nobody answered: the job passes it on once the delay is over, not before
    expect(await expirerOffres(new Date(annulation.getTime() + 47 * HEURE))).toBe(0);
    const tard = new Date(annulation.getTime() + 49 * HEURE);
    expect(await expirerOffres(tard)).toBe(1);
    expect((await statut(troisieme!, JOURS[0]!)).statut).toBe("ANNULEE");
    expect((await statut(quatrieme!, JOURS[0]!)).statut).toBe("PROPOSEE");
    // too late to accept the passed offer
    const trop = await accepterOffre({ usagerId: troisieme!.usagerId, reservationId: suivante.id, now: tard }).catch(
      (e) => e,
    );
    expect((trop as AppError).message).toBe("Cette place n'est plus proposée.");
    expect(await places(JOURS[0]!)).toBe(1);
    const historique = await db().reservationEvenement.findMany({
      where: { reservationId: suivante.id },
      orderBy: { id: "asc" },
    });
    expect(historique.map((h) => h.transition)).toEqual([
      "demanderEnFenetre",
      "mettreEnAttenteFenetre",
      "proposer",
      "laisserPasserOffre",
    ]);
  });

  it("accepted within the delay, the day is booked", async () => {
    const [premier, deuxieme] = parRang as [FamilleFenetre, FamilleFenetre];
    const quand = new Date(APRES.getTime() + 2 * HEURE);
    await sauver(premier, [{ date: JOURS[1]!, uniteId: garderie.soir, reserver: false }], quand);
    const offre = await statut(deuxieme, JOURS[1]!);
    expect(offre.statut).toBe("PROPOSEE");
    await accepterOffre({
      usagerId: deuxieme.usagerId,
      reservationId: offre.id,
      now: new Date(quand.getTime() + HEURE),
    });
    const acceptee = await statut(deuxieme, JOURS[1]!);
    expect([acceptee.statut, acceptee.offreExpireLe]).toEqual(["RESERVEE", null]);
    expect(await places(JOURS[1]!)).toBe(1);
    // the expiry's job later leaves an accepted place alone
    await expirerOffres(new Date(quand.getTime() + 100 * HEURE));
    expect((await statut(deuxieme, JOURS[1]!)).statut).toBe("RESERVEE");
  });

  it("a capacity raised offers the new places on the window's days; elsewhere books them at once", async () => {
    // a day after the window, full, with a waiting list of first come
    const HORS = "2026-09-28";
    await capacite(garderie.soir, [HORS], 1);
    for (const f of familles.slice(0, 2))
      await sauver(f, [{ date: HORS, uniteId: garderie.soir, reserver: true }], APRES);
    const quand = new Date(APRES.getTime() + 3 * HEURE);
    await modifierRegles({
      activiteId: garderie.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: garderie.soir, capacite: 2 }],
      now: quand,
    });
    expect((await statut(parRang[1]!, JOURS[2]!)).statut).toBe("PROPOSEE");
    expect((await statut(parRang[2]!, JOURS[2]!)).statut).toBe("ATTENTE");
    expect((await statut(familles[1]!, HORS)).statut).toBe("RESERVEE");
    for (const jour of [...JOURS, HORS]) expect(await places(jour)).toBeLessThanOrEqual(2);
  });
});
