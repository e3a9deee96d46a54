// Booking windows created and cancelled in the console, on PostgreSQL: each field's French message, the window
// written with its units, criteria, seed and history row; a second window over the same units and days refused
// while the first collects; a cancellation withdrawing the window's requests (DEMANDEE → ANNULEE through the
// reservation's gate) and queueing one mail per family; what parents read (the banner's windows, the public
// view without personal data); and a citizen's id refused by every command.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { creerFenetre, SANS_CAPACITE, type NouvelleFenetre } from "@/lib/domain/fenetre/creer";
import { annulerFenetre } from "@/lib/domain/fenetre/annuler";
import { fenetreConsole, fenetrePublique, fenetresDuCalendrier, empreinteGraine } from "@/lib/domain/fenetre/queries";
import { fenetreSchema } from "@/lib/domain/fenetre/schemas";
import { parseForm } from "@/lib/forms";
import { dateDeJour, instantParis } from "@/lib/temps/jours";
import { familleInscrite, preparerCommune, type Activites } from "./absence-fixtures";
import { agent } from "./demande-fixtures";

let act: Activites;
let agentId: string;
const SEPTEMBRE = new Date("2026-09-20T10:00:00Z");

/** A form as the console sends it, every field valid: « du 1er octobre à 8 h 30 au 15 octobre à 18 h ». */
const FORMULAIRE = {
  libelle: "Cantine de novembre",
  activiteId: "",
  debut: "2026-11-02",
  fin: "2026-11-13",
  ouvertureJour: "2026-10-01",
  ouvertureHeure: "08:30",
  fermetureJour: "2026-10-15",
  fermetureHeure: "18:00",
  delaiOffreHeures: "48",
  "points-FRATRIE": "30",
  "points-PARENTS_TRAVAILLENT": "20",
  "points-RESIDENT_COMMUNE": "0",
};

const erreurs = (changes: Record<string, string>) => {
  const r = parseForm(fenetreSchema, { ...FORMULAIRE, activiteId: String(act.cantine.id), ...changes });
  return r.success ? {} : r.errors;
};

function saisie(changes: Record<string, string> = {}, uniteIds = [act.cantine.classique]): NouvelleFenetre {
  const r = parseForm(fenetreSchema, { ...FORMULAIRE, activiteId: String(act.cantine.id), ...changes });
  if (!r.success) throw new Error(JSON.stringify(r.errors));
  return { ...r.data, agentId, uniteIds, now: SEPTEMBRE };
}

beforeAll(async () => {
  act = await preparerCommune();
  agentId = (await agent("Larralde")).id;
  await db().unite.update({ where: { id: act.cantine.classique }, data: { capacite: 2 } });
}, 120_000);

describe("the creation form's messages, beside each field", () => {
  it("accepts a valid form and reads the Paris dates and hours as instants", () => {
    const r = parseForm(fenetreSchema, { ...FORMULAIRE, activiteId: String(act.cantine.id) });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.ouverture.toISOString()).toBe("2026-10-01T06:30:00.000Z");
    expect(r.data.fermeture.toISOString()).toBe("2026-10-15T16:00:00.000Z");
    expect(r.data.points).toEqual({ FRATRIE: 30, PARENTS_TRAVAILLENT: 20, RESIDENT_COMMUNE: 0 });
  });

  it.each([
    [{ libelle: " " }, "libelle", "Indiquez le libellé."],
    [{ activiteId: "" }, "activiteId", "Choisissez l'activité."],
    [{ debut: "" }, "debut", "Indiquez le premier jour de service concerné."],
    [{ debut: "2026-02-30" }, "debut", "Indiquez une date valide (JJ/MM/AAAA)."],
    [{ fin: "2026-11-01" }, "fin", "Le dernier jour doit suivre le premier jour."],
    [{ ouvertureHeure: "8h" }, "ouvertureHeure", "Indiquez une heure valide, par exemple 08:30."],
    [
      { fermetureJour: "2026-10-01", fermetureHeure: "08:00" },
      "fermetureJour",
      "La clôture des demandes doit suivre leur ouverture.",
    ],
    [
      { fermetureJour: "2026-11-02", fermetureHeure: "07:00" },
      "fermetureJour",
      "Les demandes doivent être closes avant le premier jour de service concerné.",
    ],
    [{ delaiOffreHeures: "0" }, "delaiOffreHeures", "Indiquez un délai entier entre 1 et 240 heures."],
    [{ delaiOffreHeures: "241" }, "delaiOffreHeures", "Indiquez un délai entier entre 1 et 240 heures."],
    [
      { "points-FRATRIE": "101" },
      "points-FRATRIE",
      "Indiquez un nombre de points entier entre 0 et 100 (0 : critère non utilisé).",
    ],
  ])("%o → %s", (changes, champ, message) => {
    expect(erreurs(changes)[champ]).toBe(message);
  });

  it("refuses no unit, a unit without capacity and another activity's unit, beside « unites »", async () => {
    await expect(creerFenetre(saisie({}, []))).rejects.toMatchObject({ field: "unites" });
    await expect(creerFenetre(saisie({}, [act.garderie.soir]))).rejects.toMatchObject({
      code: "unites",
      field: "unites",
    });
    const autre = await db().unite.findFirstOrThrow({
      where: { activiteId: act.cantine.id, capacite: null },
      select: { id: true, libelle: true },
    });
    await expect(creerFenetre(saisie({}, [autre.id]))).rejects.toMatchObject({
      field: "unites",
      message: `« ${autre.libelle} » : ${SANS_CAPACITE}`,
    });
    expect(await db().fenetreReservation.count()).toBe(0);
  });
});

describe("creating and cancelling a window", () => {
  it("writes the window, its units, its criteria, its seed and its history row; refuses an overlap", async () => {
    const { id } = await creerFenetre(saisie());
    const f = await db().fenetreReservation.findUniqueOrThrow({
      where: { id },
      include: { unites: true, criteres: { orderBy: { ordre: "asc" } }, evenements: true },
    });
    expect(f).toMatchObject({
      libelle: "Cantine de novembre",
      statut: "COLLECTE",
      delaiOffreHeures: 48,
      creeeParId: agentId,
      debut: dateDeJour("2026-11-02"),
      fin: dateDeJour("2026-11-13"),
      ouverture: instantParis("2026-10-01", "08:30"),
      fermeture: instantParis("2026-10-15", "18:00"),
    });
    expect(f.graine).toMatch(/^[0-9a-f]{32}$/);
    expect(f.unites.map((u) => u.uniteId)).toEqual([act.cantine.classique]);
    // a criterion at 0 points is not published
    expect(f.criteres.map((c) => [c.critere, c.points])).toEqual([
      ["FRATRIE", 30],
      ["PARENTS_TRAVAILLENT", 20],
    ]);
    expect(f.evenements).toEqual([
      expect.objectContaining({ de: null, vers: "COLLECTE", acteur: "AGENT", acteurId: agentId, transition: "creer" }),
    ]);
    // while collecting, the console shows the seed's fingerprint, not the seed
    const detail = (await fenetreConsole(id))!;
    expect(detail.graine).toBeNull();
    expect(detail.empreinte).toBe(empreinteGraine(f.graine));
    expect(detail.historique).toHaveLength(1);

    // another window over the same unit and some of the same days: refused while the first collects
    await expect(creerFenetre(saisie({ debut: "2026-11-12", fin: "2026-11-20" }))).rejects.toMatchObject({
      code: "chevauchement",
      field: "unites",
      message:
        "La période « Cantine de novembre » recueille déjà les demandes de ces unités sur une partie de ces jours.",
    });
    // the days after it are free
    const suivante = await creerFenetre(
      saisie({ libelle: "Cantine de fin novembre", debut: "2026-11-16", fin: "2026-11-27" }),
    );
    expect(suivante.id).toBeGreaterThan(id);
  });

  it("cancels a collecting window: its requests withdrawn, each family told by mail, the history kept", async () => {
    const a = await familleInscrite("Etcheverry", [act.cantine.id]);
    const b = await familleInscrite("Harriague", [act.cantine.id]);
    const { id } = await creerFenetre(
      saisie({ libelle: "Cantine de décembre", debut: "2026-12-01", fin: "2026-12-11" }),
    );
    const demander = async (f: typeof a, jour: string) => {
      const inscription = await db().inscription.findUniqueOrThrow({ where: { id: f.inscriptions[0]! } });
      const j = await db().jourOuverture.findFirstOrThrow({
        where: { uniteId: act.cantine.classique, lieuId: inscription.lieuId, date: dateDeJour(jour) },
      });
      return db().reservation.create({
        data: {
          enfantId: f.enfantId,
          uniteId: act.cantine.classique,
          date: dateDeJour(jour),
          jourId: j.id,
          inscriptionId: inscription.id,
          familleId: f.familleId,
          statut: "DEMANDEE",
        },
      });
    };
    const demandes = [
      await demander(a, "2026-12-01"),
      await demander(a, "2026-12-03"),
      await demander(b, "2026-12-01"),
    ];
    // a request outside the window's days is not its own
    const dehors = await demander(b, "2026-12-14");
    expect((await fenetreConsole(id))!.demandes).toEqual([
      expect.objectContaining({ capacite: 2, enfants: 2, jours: 3 }),
    ]);

    const octobre = new Date("2026-10-05T09:00:00Z");
    await expect(annulerFenetre({ fenetreId: id, agentId, motif: " ", now: octobre })).rejects.toMatchObject({
      code: "etat",
      message: "Indiquez le motif.",
    });
    await expect(
      annulerFenetre({ fenetreId: id, agentId, motif: "Trop tard", now: new Date("2026-10-15T16:00:00Z") }),
    ).rejects.toMatchObject({ code: "close" });

    const bilan = await annulerFenetre({ fenetreId: id, agentId, motif: "Les capacités sont revues.", now: octobre });
    expect(bilan).toEqual({ demandesRetirees: 3, familles: 2 });
    const apres = await db().reservation.findMany({ where: { id: { in: demandes.map((d) => d.id) } } });
    expect(apres.map((r) => r.statut)).toEqual(["ANNULEE", "ANNULEE", "ANNULEE"]);
    expect((await db().reservation.findUniqueOrThrow({ where: { id: dehors.id } })).statut).toBe("DEMANDEE");
    const evenements = await db().reservationEvenement.findMany({
      where: { reservationId: { in: demandes.map((d) => d.id) } },
    });
    expect(evenements).toHaveLength(3);
    expect(evenements.every((e) => e.transition === "annulerAvecFenetre" && e.acteur === "SYSTEME")).toBe(true);
    expect(evenements.every((e) => e.raison === "FENETRE" && e.motif === "Les capacités sont revues.")).toBe(true);

    const mails = await db().outboxMail.findMany({ where: { subject: "Période de réservation annulée" } });
    expect(mails).toHaveLength(2);
    const deA = mails.find((m) => m.to.includes(a.usager.courriel))!;
    expect(deA.text).toContain("« Cantine de décembre »");
    expect(deA.text).toContain("Motif : Les capacités sont revues.");
    expect(deA.text).toMatch(/Henri : mar\. 1er, jeu\. 3 déc\./);
    // the link alone on its line
    expect(deA.text).toMatch(/\nhttp:\/\/[^\s]+\/famille\/reservations\n/);

    const f = await db().fenetreReservation.findUniqueOrThrow({ where: { id }, include: { evenements: true } });
    expect(f.statut).toBe("ANNULEE");
    expect(f.evenements.map((e) => [e.de, e.vers, e.motif])).toEqual([
      [null, "COLLECTE", null],
      ["COLLECTE", "ANNULEE", "Les capacités sont revues."],
    ]);
    // cancelled twice: refused by the gate, nothing more sent
    await expect(annulerFenetre({ fenetreId: id, agentId, motif: "Encore", now: octobre })).rejects.toMatchObject({
      code: "etat",
    });
    expect(await db().outboxMail.count({ where: { subject: "Période de réservation annulée" } })).toBe(2);
    // once cancelled, its days may get a new window
    await expect(
      creerFenetre(saisie({ libelle: "Cantine de décembre, bis", debut: "2026-12-01", fin: "2026-12-11" })),
    ).resolves.toMatchObject({ id: expect.any(Number) });
  });
});

describe("what parents read, and what they cannot do", () => {
  it("shows the banner's windows for the units shown only, and a public view without personal data", async () => {
    const [premiere] = await db().fenetreReservation.findMany({
      where: { libelle: "Cantine de novembre" },
      select: { id: true },
    });
    const bandeau = await fenetresDuCalendrier([act.cantine.classique], SEPTEMBRE);
    expect(bandeau.map((f) => f.libelle)).toEqual([
      "Cantine de novembre",
      "Cantine de fin novembre",
      "Cantine de décembre, bis",
    ]);
    expect(await fenetresDuCalendrier([act.garderie.soir], SEPTEMBRE)).toEqual([]);
    // its days past: no banner
    expect(await fenetresDuCalendrier([act.cantine.classique], new Date("2026-12-20T10:00:00Z"))).toEqual([]);

    const publique = (await fenetrePublique(premiere!.id))!;
    expect(publique.criteres.map((c) => [c.libelle, c.points])).toEqual([
      ["Fratrie", 30],
      ["Parents qui travaillent", 20],
    ]);
    expect(publique.graine).toBeNull();
    expect(Object.keys(publique).sort()).toEqual(
      [
        "activite",
        "criteres",
        "debut",
        "delaiOffreHeures",
        "empreinte",
        "etat",
        "fermeture",
        "fin",
        "graine",
        "id",
        "libelle",
        "ouverture",
        "statut",
        "unites",
      ].sort(),
    );
    // a cancelled window has no public page
    const annulee = await db().fenetreReservation.findFirstOrThrow({ where: { statut: "ANNULEE" } });
    expect(await fenetrePublique(annulee.id)).toBeNull();
  });

  it("refuses a citizen's id in every command", async () => {
    const parent = await familleInscrite("Parent", [act.cantine.id]);
    const avant = await db().fenetreReservation.count();
    await expect(
      creerFenetre({ ...saisie({ debut: "2027-01-04", fin: "2027-01-08" }), agentId: parent.usager.id }),
    ).rejects.toMatchObject({ code: "interdit" });
    expect(await db().fenetreReservation.count()).toBe(avant);
    const ouverte = await db().fenetreReservation.findFirstOrThrow({ where: { statut: "COLLECTE" } });
    await expect(
      annulerFenetre({ fenetreId: ouverte.id, agentId: parent.usager.id, motif: "Non", now: SEPTEMBRE }),
    ).rejects.toMatchObject({ code: "interdit" });
    expect((await db().fenetreReservation.findUniqueOrThrow({ where: { id: ouverte.id } })).statut).toBe("COLLECTE");
  });
});
