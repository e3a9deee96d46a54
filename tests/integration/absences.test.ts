// Justifier une absence and « Malade ce matin » on PostgreSQL: the commune's hour with the clock injected (08:59
// accepted, 09:00 refused with the service's phone and mail), a range that only touches the child's booked
// opening days, the agent's decision (justifiée / injustifiée), the justificatif within the delay or the
// system's refusal after it, the parent's withdrawal, and another family's 404.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/absences-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { annulerDemande } from "@/lib/domain/demande/annuler";
import { declarerAbsence, maladeCeMatin } from "@/lib/domain/absence/declarer";
import { ajouterJustificatif } from "@/lib/domain/absence/justificatif";
import { expirerAbsencesSansJustificatif } from "@/lib/domain/absence/expirer";
import { absenceDuUsager, pageAbsences } from "@/lib/domain/absence/queries";
import { calendrierReservations } from "@/lib/domain/reservation/queries";
import { enregistrerReservations, RAISONS } from "@/lib/domain/reservation/enregistrer";
import { instantParis, jourDeDate } from "@/lib/temps/jours";
import { AOUT, familleInscrite, preparerCommune, reserver, type Activites } from "./absence-fixtures";

let act: Activites;
const PDF = {
  bytes: new TextEncoder().encode("%PDF-1.4\n%certificat\n"),
  mime: "application/pdf",
  nom: "certificat.pdf",
};

beforeAll(async () => {
  act = await preparerCommune();
  await db().commune.update({
    where: { id: 1 },
    data: { telephone: "05 59 44 00 00", heureLimiteMaladie: "09:00", delaiJustificatifHeures: 48 },
  });
}, 120_000);

const etats = async (enfantId: string) =>
  (await db().reservation.findMany({ where: { enfantId }, orderBy: [{ date: "asc" }, { uniteId: "asc" }] })).map(
    (r) => `${jourDeDate(r.date)} ${r.uniteId} ${r.statut}`,
  );

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return erreur as AppError;
};

describe("Malade ce matin", () => {
  it("cancels today's meal and garderie at 08:59, and is refused at 09:00 with how to reach the service", async () => {
    const f = await familleInscrite("Malade", [act.cantine.id, act.garderie.id]);
    await reserver(f, 0, act.cantine.classique, "2026-09-10", "2026-09-11");
    await reserver(f, 1, act.garderie.soir, "2026-09-10", "2026-09-10");

    const { numero, jours, joursEnClair } = await maladeCeMatin({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      now: instantParis("2026-09-10", "08:59"),
    });
    expect(jours).toBe(2);
    // two reservations, one calendar day: never « 2 jours réservés »
    expect(joursEnClair).toBe("1 jour (repas et garderie)");
    const liste = await pageAbsences({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      now: instantParis("2026-09-10", "09:01"),
    });
    expect(liste?.absences.map((a) => a.jours)).toEqual(["1 jour (repas et garderie)"]);
    expect(await etats(f.enfantId)).toEqual([
      `2026-09-10 ${act.cantine.classique} ABSENCE_SIGNALEE`,
      `2026-09-10 ${act.garderie.soir} ABSENCE_SIGNALEE`,
      `2026-09-11 ${act.cantine.classique} RESERVEE`,
    ]);
    const demande = await db().demande.findUniqueOrThrow({ where: { numero }, include: { absence: true } });
    expect(demande).toMatchObject({ type: "ABSENCE", statut: "DEPOSEE", enfantId: f.enfantId });
    expect(demande.absence).toMatchObject({ motif: "MALADIE", maladeCeMatin: true, justificatifRecuLe: null });
    expect(demande.absence!.justificatifAvant).toEqual(
      new Date(instantParis("2026-09-10", "08:59").getTime() + 48 * 3_600_000),
    );

    // the next morning at 09:00 sharp, it is too late
    const erreur = await refus(
      maladeCeMatin({ usagerId: f.usager.id, enfantId: f.enfantId, now: instantParis("2026-09-11", "09:00") }),
    );
    expect(erreur.code).toBe("trop_tard");
    expect(erreur.message).toContain("jusqu'à 09 h 00");
    expect(erreur.message).toContain("05 59 44 00 00");
    expect(erreur.message).toContain("Justifier une absence");
    expect(await etats(f.enfantId)).toContain(`2026-09-11 ${act.cantine.classique} RESERVEE`);
  });
});

describe("Justifier une absence", () => {
  it("a range over a weekend and a public holiday only touches the child's booked opening days", async () => {
    const f = await familleInscrite("Paques", [act.cantine.id]);
    // jeudi 25 → mercredi 31 mars 2027: the weekend, lundi de Pâques (29) and the Wednesday have no service
    const ouverts = await reserver(f, 0, act.cantine.classique, "2027-03-22", "2027-04-02");
    expect(ouverts).toBeGreaterThan(4);
    const { jours, joursEnClair } = await declarerAbsence({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      debut: "2027-03-25",
      fin: "2027-03-31",
      motif: "RENDEZ_VOUS_MEDICAL",
      now: new Date("2027-03-20T10:00:00Z"),
    });
    expect(jours).toBe(3);
    expect(joursEnClair).toBe("3 jours (repas)");
    const apres = await etats(f.enfantId);
    expect(apres.filter((e) => e.endsWith("ABSENCE_SIGNALEE")).map((e) => e.slice(0, 10))).toEqual([
      "2027-03-25",
      "2027-03-26",
      "2027-03-30",
    ]);
    // nothing was created on the weekend, the holiday or the Wednesday; the days outside stay booked
    expect(apres.some((e) => /^2027-03-(27|28|29|31)/.test(e))).toBe(false);
    expect(apres.filter((e) => e.endsWith("RESERVEE")).length).toBe(ouverts - 3);
  });

  it("accepted, the days become absence justifiée; refused, absence injustifiée; the month view says each", async () => {
    const f = await familleInscrite("Decision", [act.cantine.id]);
    await reserver(f, 0, act.cantine.classique, "2026-10-05", "2026-10-09");
    const maintenant = new Date("2026-10-02T08:00:00Z");
    const accepte = await declarerAbsence({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      debut: "2026-10-05",
      fin: "2026-10-06",
      motif: "MALADIE",
      justificatif: PDF,
      now: maintenant,
    });
    const refuse = await declarerAbsence({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      debut: "2026-10-08",
      fin: "2026-10-08",
      motif: "EVENEMENT_FAMILIAL",
      precision: "Mariage",
      now: maintenant,
    });
    const id = async (numero: number) => (await db().demande.findUniqueOrThrow({ where: { numero } })).id;
    await deciderDemande({
      demarches: DEMARCHES,
      agent: f.instructeur,
      demandeId: await id(accepte.numero),
      decision: "accepter",
    });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: f.instructeur,
      demandeId: await id(refuse.numero),
      decision: "refuser",
      motif: "Les sorties familiales ne sont pas justifiées par le règlement.",
    });
    expect(await etats(f.enfantId)).toEqual([
      `2026-10-05 ${act.cantine.classique} ABSENCE_JUSTIFIEE`,
      `2026-10-06 ${act.cantine.classique} ABSENCE_JUSTIFIEE`,
      `2026-10-08 ${act.cantine.classique} ABSENCE_INJUSTIFIEE`,
      `2026-10-09 ${act.cantine.classique} RESERVEE`,
    ]);
    // the justificatif sent with the declaration is in Échanges
    const message = await db().demandeMessage.findFirstOrThrow({ where: { demandeId: await id(accepte.numero) } });
    expect(message).toMatchObject({ auteur: "USAGER", contenu: "Justificatif d'absence", pieceNom: "certificat.pdf" });

    const calendrier = await calendrierReservations({
      portee: { usagerId: f.usager.id },
      enfantId: f.enfantId,
      inscriptionId: f.inscriptions[0]!,
      now: AOUT,
      mois: "2026-10",
    });
    if (!calendrier?.ouvert) throw new Error("calendrier fermé");
    const etat = (jour: string) => calendrier.jours.find((j) => j.jour === jour)!.cases[0]!;
    expect(etat("2026-10-05")).toMatchObject({ etat: "ABSENCE_JUSTIFIEE", modifiable: false });
    expect(etat("2026-10-08")).toMatchObject({ etat: "ABSENCE_INJUSTIFIEE", modifiable: false });
    // and the calendar's save never turns them back into bookings
    const bilan = await enregistrerReservations({
      usagerId: f.usager.id,
      inscriptionId: f.inscriptions[0]!,
      changements: [{ date: "2026-10-08", uniteId: act.cantine.classique, reserver: false }],
      now: AOUT,
    });
    expect(bilan.refus.map((r) => r.raison)).toEqual([RAISONS.verrouille.ABSENCE_INJUSTIFIEE]);
  });

  it("the justificatif is accepted within the delay; without one, the system refuses the absence once the delay is over", async () => {
    const f = await familleInscrite("Delai", [act.cantine.id]);
    await reserver(f, 0, act.cantine.classique, "2026-11-02", "2026-11-06");
    const declaree = new Date("2026-11-02T07:00:00Z");
    const avecCertificat = await maladeCeMatin({ usagerId: f.usager.id, enfantId: f.enfantId, now: declaree });
    const sansCertificat = await declarerAbsence({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      debut: "2026-11-05",
      fin: "2026-11-06",
      motif: "AUTRE",
      now: declaree,
    });
    const delai = 48 * 3_600_000;
    // the certificate comes a minute before the end of the delay
    await ajouterJustificatif({
      usagerId: f.usager.id,
      numero: avecCertificat.numero,
      piece: PDF,
      now: new Date(declaree.getTime() + delai - 60_000),
    });
    // a minute after it, too late for the other one
    expect(
      await db().demande.findUniqueOrThrow({ where: { numero: avecCertificat.numero }, include: { absence: true } }),
    ).toMatchObject({
      statut: "DEPOSEE",
      absence: { justificatifRecuLe: new Date(declaree.getTime() + delai - 60_000) },
    });
    const tard = new Date(declaree.getTime() + delai + 60_000);
    const erreur = await refus(
      ajouterJustificatif({ usagerId: f.usager.id, numero: sansCertificat.numero, piece: PDF, now: tard }),
    );
    expect(erreur.code).toBe("delai");

    // before the delay, the chore leaves it; after it, it refuses the absence without justificatif, once
    const statut = async (numero: number) => (await db().demande.findUniqueOrThrow({ where: { numero } })).statut;
    await expirerAbsencesSansJustificatif(DEMARCHES, new Date(declaree.getTime() + delai - 1));
    expect(await statut(sansCertificat.numero)).toBe("DEPOSEE");
    expect(await expirerAbsencesSansJustificatif(DEMARCHES, tard)).toBeGreaterThanOrEqual(1);
    expect(await expirerAbsencesSansJustificatif(DEMARCHES, tard)).toBe(0);
    const [a, b] = await Promise.all(
      [avecCertificat.numero, sansCertificat.numero].map((numero) =>
        db().demande.findUniqueOrThrow({
          where: { numero },
          include: { historique: { orderBy: { id: "desc" }, take: 1 } },
        }),
      ),
    );
    expect(a!.statut).toBe("DEPOSEE");
    expect(b!.statut).toBe("REFUSEE");
    expect(b!.historique[0]).toMatchObject({ transition: "expirer", acteur: "SYSTEME" });
    expect(await etats(f.enfantId)).toEqual([
      `2026-11-02 ${act.cantine.classique} ABSENCE_SIGNALEE`,
      `2026-11-03 ${act.cantine.classique} RESERVEE`,
      `2026-11-05 ${act.cantine.classique} ABSENCE_INJUSTIFIEE`,
      `2026-11-06 ${act.cantine.classique} ABSENCE_INJUSTIFIEE`,
    ]);
    // the parent was told by mail, without the motif's detail
    expect(
      await db().outboxMail.count({
        where: { to: f.usager.courriel, subject: { contains: String(sansCertificat.numero) } },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("asked for a justificatif by the agents (« à compléter »), its sending returns the demande to them", async () => {
    const f = await familleInscrite("Complement", [act.cantine.id]);
    await reserver(f, 0, act.cantine.classique, "2026-11-16", "2026-11-16");
    const now = new Date("2026-11-16T06:00:00Z");
    const { numero } = await maladeCeMatin({ usagerId: f.usager.id, enfantId: f.enfantId, now });
    const { id } = await db().demande.findUniqueOrThrow({ where: { numero } });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: f.instructeur,
      demandeId: id,
      decision: "demanderComplement",
      motif: "Merci d'envoyer le certificat médical.",
    });
    await ajouterJustificatif({ usagerId: f.usager.id, numero, piece: PDF, now: new Date(now.getTime() + 3_600_000) });
    expect((await db().demande.findUniqueOrThrow({ where: { id } })).statut).toBe("DEPOSEE");
    await deciderDemande({ demarches: DEMARCHES, agent: f.instructeur, demandeId: id, decision: "accepter" });
    expect(await etats(f.enfantId)).toEqual([`2026-11-16 ${act.cantine.classique} ABSENCE_JUSTIFIEE`]);
  });

  it("withdrawn before an agent takes it up, the days are booked again", async () => {
    const f = await familleInscrite("Retrait", [act.cantine.id]);
    await reserver(f, 0, act.cantine.classique, "2026-11-09", "2026-11-10");
    const { numero } = await declarerAbsence({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      debut: "2026-11-09",
      fin: "2026-11-10",
      motif: "AUTRE",
      now: new Date("2026-11-01T10:00:00Z"),
    });
    const { id } = await db().demande.findUniqueOrThrow({ where: { numero } });
    await annulerDemande({ usagerId: f.usager.id, demandeId: id, demarches: DEMARCHES });
    expect((await etats(f.enfantId)).every((e) => e.endsWith("RESERVEE"))).toBe(true);
  });

  it("another family gets 404: neither its child, nor its absence, nor its justificatif", async () => {
    const f = await familleInscrite("Proprio", [act.cantine.id]);
    const autre = await familleInscrite("Intrus", [act.cantine.id]);
    await reserver(f, 0, act.cantine.classique, "2026-11-12", "2026-11-13");
    const now = new Date("2026-11-10T10:00:00Z");
    const { numero } = await declarerAbsence({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      debut: "2026-11-12",
      fin: "2026-11-12",
      motif: "MALADIE",
      now,
    });
    expect(await absenceDuUsager(f.usager.id, numero)).not.toBeNull();
    expect(await absenceDuUsager(autre.usager.id, numero)).toBeNull();
    expect((await refus(ajouterJustificatif({ usagerId: autre.usager.id, numero, piece: PDF, now }))).code).toBe(
      "introuvable",
    );
    expect(
      (
        await refus(
          declarerAbsence({
            usagerId: autre.usager.id,
            enfantId: f.enfantId,
            debut: "2026-11-13",
            fin: "2026-11-13",
            motif: "AUTRE",
            now,
          }),
        )
      ).code,
    ).toBe("introuvable");
    expect((await refus(maladeCeMatin({ usagerId: autre.usager.id, enfantId: f.enfantId, now }))).code).toBe(
      "introuvable",
    );
    expect(await etats(f.enfantId)).toContain(`2026-11-13 ${act.cantine.classique} RESERVEE`);
  });

  it("refuses a range without booked days, an end before its start, with the field named", async () => {
    const f = await familleInscrite("Vide", [act.cantine.id]);
    const now = new Date("2026-11-10T10:00:00Z");
    const base = { usagerId: f.usager.id, enfantId: f.enfantId, motif: "MALADIE" as const, now };
    expect(await refus(declarerAbsence({ ...base, debut: "2026-11-16", fin: "2026-11-17" }))).toMatchObject({
      code: "aucun_jour",
      field: "debut",
    });
    expect(await refus(declarerAbsence({ ...base, debut: "2026-11-17", fin: "2026-11-16" }))).toMatchObject({
      code: "dates",
      field: "fin",
    });
    expect(await db().demande.count({ where: { usagerId: f.usager.id, type: "ABSENCE" } })).toBe(0);
  });
});
