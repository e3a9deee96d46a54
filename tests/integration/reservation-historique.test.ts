// The story of a reservation day on PostgreSQL: every path that changes a day's state writes its history rows
// through the one gate (the parent's save, an agent's save for the family, validation, the waiting list's
// promotion, absences declared / decided / withdrawn / expired, service non assuré declared and undone), and
// the history answers « who cancelled Louise's 10 December, and when? » to an agent, never to another family.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/historique-${Math.random().toString(36).slice(2)}`;
});

import { renderToStaticMarkup } from "react-dom/server";
import { HistoriqueDuMois } from "@/app/(agent)/agent/reservations/[famille]/[enfant]/HistoriqueDuMois";
import { db } from "@/lib/db";
import { DEMARCHES } from "@/lib/domain/demarches";
import { annulerDemande } from "@/lib/domain/demande/annuler";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { declarerAbsence } from "@/lib/domain/absence/declarer";
import { expirerAbsencesSansJustificatif } from "@/lib/domain/absence/expirer";
import { modifierRegles } from "@/lib/domain/reservation/modifier-regles";
import { enregistrerReservations, reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import {
  derniersChangements,
  histoireDesJours,
  histoireDuJour,
  ligneHistorique,
  tracesDuMois,
  type Evenement,
} from "@/lib/domain/reservation/historique";
import { deciderReservations } from "@/lib/domain/reservation/validation";
import { annulerServiceNonAssure } from "@/lib/domain/service-non-assure/annuler";
import { declarerServiceNonAssure } from "@/lib/domain/service-non-assure/declarer";
import { reserverJours } from "@/prisma/demo-facturation";
import { inscrire } from "@/prisma/demo-reservations";
import { AOUT, familleInscrite, preparerCommune, reserver, type Activites } from "./absence-fixtures";
import { agent, declarerFamille, ENFANT, usagerActive } from "./demande-fixtures";

let act: Activites;
beforeAll(async () => {
  act = await preparerCommune();
}, 120_000);

/** The rows of one child × unit × day as the agents read them: "de → vers acteur raison transition". */
const rangs = (evenements: Evenement[]) =>
  evenements.map((e) => `${e.de ?? "∅"} → ${e.vers} ${e.acteur} ${e.raison} ${e.transition}`);
const histoire = (enfantId: string, uniteId: number, jour: string) =>
  histoireDuJour({ portee: { agent: true }, enfantId, uniteId, jour });
const reservationDe = (enfantId: string, uniteId: number, jour: string) =>
  db().reservation.findUniqueOrThrow({
    where: { enfantId_uniteId_date: { enfantId, uniteId, date: new Date(`${jour}T00:00:00Z`) } },
  });

/** Louise DUPONT, whose mother Claire DUPONT has her enrolled at the canteen. */
async function famille(nom: string, prenom: string, activites: number[]) {
  const usager = await usagerActive(nom);
  const instructeur = await agent("Irigoyen");
  const demandeId = await declarerFamille(usager, [{ ...ENFANT, nom, prenoms: prenom, sexe: "FEMININ" }]);
  await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });
  await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter" });
  const { enfantId, familleId } = await db().familleEnfant.findFirstOrThrow({
    where: { famille: { representants: { some: { usagerId: usager.id } } } },
  });
  const inscriptions: string[] = [];
  for (const activiteId of activites)
    inscriptions.push(await inscrire({ usagerId: usager.id, enfantId, activiteId, agent: instructeur }));
  return { usager, instructeur, enfantId, familleId, inscriptions };
}

describe("the parent's and the agent's saves", () => {
  it("books, cancels and books again with a row each: who cancelled Louise's 10 December, and when", async () => {
    const louise = await famille("Dupont", "Louise", [act.cantine.id]);
    const autre = await familleInscrite("Voisin", [act.cantine.id]);
    const classique = act.cantine.classique;
    await reserver(louise, 0, classique, "2026-12-07", "2026-12-11");
    // Thursday 3 December 11:58 in Paris, two minutes before the cancellation deadline of the week after
    const annulation = new Date("2026-12-03T10:58:00Z");
    const bilan = await enregistrerReservations({
      usagerId: louise.usager.id,
      inscriptionId: louise.inscriptions[0]!,
      changements: [{ date: "2026-12-10", uniteId: classique, reserver: false }],
      now: annulation,
    });
    expect(bilan.annulees).toHaveLength(1);

    const jour = await histoire(louise.enfantId, classique, "2026-12-10");
    expect(rangs(jour)).toEqual(["∅ → RESERVEE USAGER PARENT reserver", "RESERVEE → ANNULEE USAGER PARENT annuler"]);
    expect(jour[1]!.le).toEqual(annulation);
    expect(jour[1]!.acteurNom).toBe("Claire DUPONT");
    expect(ligneHistorique(jour[0]!)).toBe("20/08/2026 12:00 — Réservé, par le parent (Claire DUPONT)");
    expect(ligneHistorique(jour[1]!)).toBe("03/12/2026 11:58 — Réservé → Annulé, par le parent (Claire DUPONT)");
    // the parent's month view says it on the day
    const traces = await tracesDuMois({
      portee: { usagerId: louise.usager.id },
      enfantId: louise.enfantId,
      uniteIds: [classique],
      mois: "2026-12",
    });
    expect(traces[`2026-12-10|${classique}`]).toBe("annulé le 03/12 à 11:58");
    expect(traces[`2026-12-11|${classique}`]).toBe("réservé le 20/08 à 12:00");
    // one per booked opening day of the week (the canteen does not open on Wednesdays)
    expect(Object.keys(traces)).toHaveLength(await db().reservation.count({ where: { enfantId: louise.enfantId } }));
    // the other days of the week were only booked: one row each, in the same two statements
    expect(await db().reservationEvenement.count({ where: { enfantId: louise.enfantId } })).toBe(
      (await db().reservation.count({ where: { enfantId: louise.enfantId } })) + 1,
    );

    // an agent books the day again for the family, then cancels it: named, with their own path
    const irigoyen = await agent("Etcheverry");
    for (const reserver of [true, false])
      await reserverPourLaFamille({
        agent: { id: irigoyen.id, nom: "Maite Etcheverry" },
        inscriptionId: louise.inscriptions[0]!,
        changements: [{ date: "2026-12-10", uniteId: classique, reserver }],
        now: new Date("2026-12-09T08:00:00Z"),
      });
    const ensuite = await histoire(louise.enfantId, classique, "2026-12-10");
    expect(rangs(ensuite).slice(2)).toEqual([
      "ANNULEE → RESERVEE AGENT AGENT reserverPourLaFamille",
      "RESERVEE → ANNULEE AGENT AGENT annulerPourLaFamille",
    ]);
    expect(ligneHistorique(ensuite[3]!)).toBe("09/12/2026 09:00 — Réservé → Annulé, par un agent (Maite Etcheverry)");
    const parJour = await histoireDesJours({
      portee: { agent: true },
      enfantId: louise.enfantId,
      uniteIds: [classique],
      debut: "2026-12-10",
      fin: "2026-12-10",
    });
    expect(parJour).toEqual([{ jour: "2026-12-10", uniteId: classique, evenements: ensuite }]);
    // the console's block under the child's calendar tells it, day by day; a month without a change says so
    const unites = [{ id: classique, libelle: "Menu Classique" }];
    const bloc = renderToStaticMarkup(await HistoriqueDuMois({ enfantId: louise.enfantId, mois: "2026-12", unites }));
    expect(bloc).toContain("Historique du mois");
    expect(bloc).toContain(
      '<summary class="cursor-pointer">Jeudi 10 décembre — Menu Classique (4 changements)</summary>',
    );
    expect(bloc).toContain("Vendredi 11 décembre — Menu Classique (1 changement)</summary>");
    expect(bloc).toContain(
      `<ol class="ml-6 list-decimal">${ensuite.map((e) => `<li>${ligneHistorique(e)}</li>`).join("")}</ol>`,
    );
    // one block per day × unit that changed: the 7th, 8th, 10th and 11th (the canteen is closed on Wednesdays)
    expect(bloc.match(/<details/g)).toHaveLength(4);
    const vide = renderToStaticMarkup(await HistoriqueDuMois({ enfantId: louise.enfantId, mois: "2027-01", unites }));
    expect(vide).toContain("Aucun changement enregistré ce mois-ci.");

    // another family reads nothing of Louise's days, neither the story nor the traces
    const intrus = { usagerId: autre.usager.id };
    expect(
      await histoireDuJour({ portee: intrus, enfantId: louise.enfantId, uniteId: classique, jour: "2026-12-10" }),
    ).toEqual([]);
    const siennes = await derniersChangements({
      portee: intrus,
      enfantId: louise.enfantId,
      uniteIds: [classique],
      debut: "2026-12-01",
      fin: "2026-12-31",
    });
    expect(siennes.size).toBe(0);
    expect(
      await tracesDuMois({ portee: intrus, enfantId: louise.enfantId, uniteIds: [classique], mois: "2026-12" }),
    ).toEqual({});
  });
});

describe("the agents' validation and the waiting list", () => {
  it("a request validated or refused by an agent, a place freed or a capacity raised: each move has its row", async () => {
    const { matin, soir } = act.garderie;
    const validation = await familleInscrite("Valide", [act.garderie.id]);
    const admin = await agent("Admin");
    await modifierRegles({ activiteId: act.garderie.id, validation: "AGENT", capacites: [], now: AOUT });
    await reserver(validation, 0, matin, "2026-11-02", "2026-11-03");
    const [lundi, mardi] = [
      await reservationDe(validation.enfantId, matin, "2026-11-02"),
      await reservationDe(validation.enfantId, matin, "2026-11-03"),
    ];
    const decideur = await agent("Larralde");
    await deciderReservations({ agentId: decideur.id, ids: [lundi.id], decision: "valider", now: AOUT });
    await deciderReservations({ agentId: decideur.id, ids: [mardi.id], decision: "refuser", now: AOUT });
    expect(rangs(await histoire(validation.enfantId, matin, "2026-11-02"))).toEqual([
      "∅ → A_VALIDER USAGER PARENT demanderValidation",
      "A_VALIDER → RESERVEE AGENT VALIDATION valider",
    ]);
    const refus = await histoire(validation.enfantId, matin, "2026-11-03");
    expect(rangs(refus)).toEqual([
      "∅ → A_VALIDER USAGER PARENT demanderValidation",
      "A_VALIDER → REFUSEE AGENT VALIDATION refuser",
    ]);
    expect(ligneHistorique(refus[1]!)).toBe(
      "20/08/2026 12:00 — En attente de validation → Refusé, décidé par un agent (Maite Larralde)",
    );
    await modifierRegles({ activiteId: act.garderie.id, validation: "AUTOMATIQUE", capacites: [], now: AOUT });

    // one place on Thursday evening: the first booked, two on the waiting list
    await modifierRegles({
      activiteId: act.garderie.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: soir, capacite: 1 }],
      agentId: admin.id,
      now: AOUT,
    });
    const [a, b, c] = [
      await familleInscrite("Premier", [act.garderie.id]),
      await familleInscrite("Second", [act.garderie.id]),
      await familleInscrite("Troisieme", [act.garderie.id]),
    ];
    // one after the other: the waiting list is served in the order of the requests
    for (const [i, f] of [a, b, c].entries())
      await enregistrerReservations({
        usagerId: f.usager.id,
        inscriptionId: f.inscriptions[0]!,
        changements: [{ date: "2026-11-05", uniteId: soir, reserver: true }],
        now: new Date(AOUT.getTime() + i * 60_000),
      });
    // the first cancels: the oldest waiting request gets the place
    const liberation = await enregistrerReservations({
      usagerId: a.usager.id,
      inscriptionId: a.inscriptions[0]!,
      changements: [{ date: "2026-11-05", uniteId: soir, reserver: false }],
      now: new Date("2026-11-01T10:00:00Z"),
    });
    expect(liberation.annulees).toHaveLength(1);
    const promue = await histoire(b.enfantId, soir, "2026-11-05");
    expect(rangs(promue)).toEqual([
      "∅ → ATTENTE USAGER PARENT mettreEnAttente",
      "ATTENTE → RESERVEE SYSTEME PROMOTION promouvoir",
    ]);
    expect(ligneHistorique(promue[1]!)).toBe(
      "01/11/2026 11:00 — En liste d'attente → Réservé, liste d'attente : une place s'est libérée",
    );
    // the capacity raised by an agent: the last one gets a place too
    await modifierRegles({
      activiteId: act.garderie.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: soir, capacite: 3 }],
      agentId: admin.id,
      now: new Date("2026-11-02T10:00:00Z"),
    });
    const montee = await histoire(c.enfantId, soir, "2026-11-05");
    expect(rangs(montee).at(-1)).toBe("ATTENTE → RESERVEE SYSTEME PROMOTION promouvoir");
    expect(montee.at(-1)!.motif).toBe("capacité portée à 3");
    await modifierRegles({
      activiteId: act.garderie.id,
      validation: "AUTOMATIQUE",
      capacites: [{ uniteId: soir, capacite: null }],
      now: AOUT,
    });
  });
});

describe("absences and service non assuré", () => {
  it("declared, decided by an agent, withdrawn or expired: each day's row names who and, refused, why", async () => {
    const f = await familleInscrite("Absent", [act.cantine.id]);
    const classique = act.cantine.classique;
    await reserver(f, 0, classique, "2026-10-05", "2026-10-16");
    const declarer = (debut: string, fin: string) =>
      declarerAbsence({
        usagerId: f.usager.id,
        enfantId: f.enfantId,
        debut,
        fin,
        motif: "MALADIE",
        now: new Date("2026-10-02T10:00:00Z"),
      }).then(async ({ numero }) => (await db().demande.findUniqueOrThrow({ where: { numero } })).id);
    const [justifiee, refusee, retiree, expiree] = [
      await declarer("2026-10-05", "2026-10-05"),
      await declarer("2026-10-08", "2026-10-08"),
      await declarer("2026-10-12", "2026-10-12"),
      await declarer("2026-10-15", "2026-10-15"),
    ];
    await deciderDemande({ demarches: DEMARCHES, agent: f.instructeur, demandeId: justifiee, decision: "accepter" });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: f.instructeur,
      demandeId: refusee,
      decision: "refuser",
      motif: "Aucun certificat.",
    });
    await annulerDemande({ usagerId: f.usager.id, demandeId: retiree, demarches: DEMARCHES });
    expect(await expirerAbsencesSansJustificatif(DEMARCHES, new Date("2026-12-01T00:00:00Z"))).toBe(1);
    expect((await db().demande.findUniqueOrThrow({ where: { id: expiree } })).statut).toBe("REFUSEE");

    const signalee = "∅ → RESERVEE USAGER PARENT reserver";
    const declaree = "RESERVEE → ABSENCE_SIGNALEE USAGER ABSENCE signalerAbsence";
    expect(rangs(await histoire(f.enfantId, classique, "2026-10-05"))).toEqual([
      signalee,
      declaree,
      "ABSENCE_SIGNALEE → ABSENCE_JUSTIFIEE AGENT ABSENCE justifierAbsence",
    ]);
    const refus = await histoire(f.enfantId, classique, "2026-10-08");
    expect(rangs(refus)).toEqual([
      signalee,
      declaree,
      "ABSENCE_SIGNALEE → ABSENCE_INJUSTIFIEE AGENT ABSENCE refuserAbsence",
    ]);
    // the billed day is explained: refused by whom and why; the declaration never copies the motif (an illness)
    expect(ligneHistorique(refus[2]!)).toMatch(
      /^\d\d\/\d\d\/2026 \d\d:\d\d — Absence signalée → Absence injustifiée, absence décidée par un agent \(Maite Irigoyen\) : Aucun certificat$/,
    );
    expect(refus[1]!.motif).toBeNull();
    expect(ligneHistorique(refus[1]!)).toBe(
      "02/10/2026 12:00 — Réservé → Absence signalée, absence déclarée par le parent (Claire ABSENT)",
    );
    expect(rangs(await histoire(f.enfantId, classique, "2026-10-12"))).toEqual([
      signalee,
      declaree,
      "ABSENCE_SIGNALEE → RESERVEE USAGER ABSENCE retirerAbsence",
    ]);
    expect((await reservationDe(f.enfantId, classique, "2026-10-12")).absenceId).toBeNull();
    const expire = await histoire(f.enfantId, classique, "2026-10-15");
    expect(rangs(expire).at(-1)).toBe("ABSENCE_SIGNALEE → ABSENCE_INJUSTIFIEE SYSTEME ABSENCE refuserAbsence");
    expect(expire.at(-1)!.le).toEqual(new Date("2026-12-01T00:00:00Z"));
    expect(ligneHistorique(expire.at(-1)!)).toContain(
      "absence décidée par le système : Aucun justificatif reçu dans le délai",
    );
  });

  it("a service non assuré declared then undone the same day: each booking's row, back to the state it had", async () => {
    const f = await familleInscrite("Greviste", [act.cantine.id]);
    const classique = act.cantine.classique;
    await reserver(f, 0, classique, "2026-11-19", "2026-11-20");
    await declarerAbsence({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      debut: "2026-11-20",
      fin: "2026-11-20",
      motif: "AUTRE",
      now: new Date("2026-11-15T10:00:00Z"),
    });
    const { lieuId } = await db().inscription.findUniqueOrThrow({ where: { id: f.inscriptions[0]! } });
    const larralde = await agent("Larralde");
    const now = new Date("2026-11-18T15:00:00Z");
    const { id } = await declarerServiceNonAssure({
      agentId: larralde.id,
      activiteId: act.cantine.id,
      lieuId,
      debut: "2026-11-19",
      fin: "2026-11-20",
      motif: "GREVE",
      now,
    });
    await annulerServiceNonAssure({ agentId: larralde.id, id, now: new Date("2026-11-18T16:00:00Z") });

    const jeudi = await histoire(f.enfantId, classique, "2026-11-19");
    expect(rangs(jeudi)).toEqual([
      "∅ → RESERVEE USAGER PARENT reserver",
      "RESERVEE → NON_ASSURE AGENT SERVICE_NON_ASSURE declarerNonAssure",
      "NON_ASSURE → RESERVEE AGENT SERVICE_NON_ASSURE retablirReservee",
    ]);
    expect(ligneHistorique(jeudi[1]!)).toBe(
      "18/11/2026 16:00 — Réservé → Service non assuré, service non assuré (grève) déclaré par un agent (Maite Larralde)",
    );
    expect(ligneHistorique(jeudi[2]!)).toBe(
      "18/11/2026 17:00 — Service non assuré → Réservé, service non assuré (grève) annulé par un agent (Maite Larralde)",
    );
    expect(rangs(await histoire(f.enfantId, classique, "2026-11-20")).slice(2)).toEqual([
      "ABSENCE_SIGNALEE → NON_ASSURE AGENT SERVICE_NON_ASSURE declarerNonAssure",
      "NON_ASSURE → ABSENCE_SIGNALEE AGENT SERVICE_NON_ASSURE retablirAbsenceSignalee",
    ]);
  });
});

describe("bookings brought in bulk", () => {
  it("start their story with the reprise, once, and a day already there keeps its own", async () => {
    const f = await famille("Reprise", "Maia", [act.cantine.id]);
    const classique = act.cantine.classique;
    await reserver(f, 0, classique, "2026-11-23", "2026-11-23");
    const jour = {
      enfantId: f.enfantId,
      familleId: f.familleId,
      inscriptionId: f.inscriptions[0]!,
      uniteId: classique,
    };
    const ecrits = await reserverJours([{ ...jour, du: "2026-11-23", au: "2026-11-27" }]);
    expect(ecrits).toBeGreaterThan(1);

    const mardi = await histoire(f.enfantId, classique, "2026-11-24");
    expect(rangs(mardi)).toEqual(["∅ → RESERVEE SYSTEME REPRISE reprendre"]);
    expect(ligneHistorique(mardi[0]!)).toMatch(/ — Réservé, repris de l'ancien logiciel$/);
    // the Monday the parent booked keeps the parent's row alone: the bulk insert left that day as it was
    expect(rangs(await histoire(f.enfantId, classique, "2026-11-23"))).toEqual(["∅ → RESERVEE USAGER PARENT reserver"]);
  });
});
