// The journal in words on PostgreSQL: real commands write their entries (a demande accepted, an agent's bookings
// in and past the deadlines, a dossier santé read), the journal's query returns them as sentences with their
// links, the family and action filters find « who booked outside the deadlines for this family », the export has
// the same words, and an entry written before the details grew still reads as a sentence.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/journal-phrases-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { sansPointFinal } from "@/lib/texte/point-final";
import { libelleDemande } from "@/lib/domain/demarches";
import { reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import { dossierSantePourAgent } from "@/lib/domain/sante/queries-agent";
import { journalAExporter, lireFiltresJournal, rechercherJournal } from "@/lib/domain/journal/queries";
import { AOUT, inscrite, preparerUnites, type Cantine } from "./reservations-serveur-fixtures";

let cantine: Cantine;
let etchart: Awaited<ReturnType<typeof inscrite>>;
let duhalde: Awaited<ReturnType<typeof inscrite>>;
let cleEtchart: string;
let numeroEtchart: number;
let lieu: { id: number; nom: string };

const cle = async (familleId: string) =>
  (await db().famille.findUniqueOrThrow({ where: { id: familleId } })).cleEnfance;

const reserver = (f: typeof etchart, date: string, reserver: boolean, now: Date) =>
  reserverPourLaFamille({
    agent: { id: f.instructeur.id, nom: "Maite Irigoyen" },
    inscriptionId: f.inscriptionId,
    changements: [{ date, uniteId: cantine.classique, reserver }],
    now,
  });

beforeAll(async () => {
  ({ cantine } = await preparerUnites());
  etchart = await inscrite("Etchart");
  duhalde = await inscrite("Duhalde");
  // within the deadlines (in August), then cancelled the day before (past « jeudi de la semaine précédente »)
  await reserver(etchart, "2026-09-14", true, AOUT);
  await reserver(etchart, "2026-09-21", true, AOUT);
  await reserver(etchart, "2026-09-21", false, new Date("2026-09-20T10:00:00Z"));
  await reserver(duhalde, "2026-09-21", true, new Date("2026-09-20T10:00:00Z"));
  await db().agent.update({ where: { id: etchart.instructeur.id }, data: { permissions: ["SANTE"] } });
  await dossierSantePourAgent(etchart.instructeur.id, etchart.enfantId);
  cleEtchart = await cle(etchart.familleId);
  ({ lieu } = await db().inscription.findUniqueOrThrow({
    where: { id: etchart.inscriptionId },
    select: { lieu: { select: { id: true, nom: true } } },
  }));
  numeroEtchart = (await db().demande.findUniqueOrThrow({ where: { id: etchart.demandeId } })).numero!;
}, 120_000);

const filtres = async (params: Record<string, string>) => {
  const lus = await lireFiltresJournal(params);
  expect(lus.refuse).toBe(false);
  return lus.filtres;
};

describe("The journal in words", () => {
  it("finds who booked outside the deadlines for a family: its reservations, by action and family", async () => {
    const { entrees } = await rechercherJournal(
      await filtres({ famille: cleEtchart, action: "reservations.agent" }),
      libelleDemande,
    );
    expect(entrees.map((e) => e.phrase)).toEqual([
      "Réservation du lundi 21 septembre (Menu Classique) annulée pour Henri ETCHART hors délai",
      "Réservation du lundi 21 septembre (Menu Classique) enregistrée pour Henri ETCHART",
      "Réservation du lundi 14 septembre (Menu Classique) enregistrée pour Henri ETCHART",
    ]);
    const agent = `${etchart.instructeur.prenom} ${etchart.instructeur.nom.toUpperCase()}`;
    expect(entrees.map((e) => [e.libelle, e.agent])).toEqual(
      Array(3).fill(["Réservations modifiées par un agent", agent]),
    );
    expect(entrees[0]!.liens).toEqual([
      { href: `/agent/familles/${etchart.familleId}`, texte: expect.stringMatching(/^Famille de .+ ETCHART$/) },
    ]);
    // the other family's booking past the deadline is its own
    const autre = await rechercherJournal(
      await filtres({ famille: await cle(duhalde.familleId), action: "reservations.agent" }),
    );
    expect(autre.entrees.map((e) => e.phrase)).toEqual([
      "Réservation du lundi 21 septembre (Menu Classique) enregistrée pour Henri DUHALDE hors délai",
    ]);
  });

  it("words a demande's decision with its number, its title and its child, linked to the demande and family", async () => {
    const { entrees } = await rechercherJournal(
      await filtres({ famille: cleEtchart, action: "demande.accepter" }),
      libelleDemande,
    );
    // the family's declaration, then its child's inscription (accepted by the same agent)
    const inscription = await db().demande.findFirstOrThrow({
      where: { familleId: etchart.familleId, type: "INSCRIPTION" },
    });
    expect(entrees.map((e) => e.phrase)).toEqual([
      `Demande n° ${inscription.numero} acceptée (${libelleDemande(inscription).replace(/\.$/, "")} — Henri ETCHART)`,
      `Demande n° ${numeroEtchart} acceptée (Ajout de famille)`,
    ]);
    expect(entrees[1]!.liens.map((l) => l.href)).toEqual([
      `/agent/demandes/${numeroEtchart}`,
      `/agent/familles/${etchart.familleId}`,
    ]);
  });

  it("says whose dossier santé was read, and finds it by the family", async () => {
    const { entrees } = await rechercherJournal(
      await filtres({ famille: cleEtchart, action: "dossier_sante.lecture" }),
    );
    expect(entrees.map((e) => e.phrase)).toEqual(["Dossier santé de Henri ETCHART consulté"]);
  });

  it("finds a family by its name too, when one family bears it", async () => {
    expect((await filtres({ famille: "duhalde" })).familleId).toBe(duhalde.familleId);
    expect((await lireFiltresJournal({ famille: "Personne" })).erreurs.famille).toBe("Aucune famille ne porte ce nom.");
  });

  it("refuses an action that is not in the list, beside its field", async () => {
    const { refuse, erreurs } = await lireFiltresJournal({ action: "reservations.inconnue" });
    expect(refuse).toBe(true);
    expect(erreurs.action).toBe("Choisissez une action de la liste.");
  });

  it("reads an entry written before the details grew, and what the system did on its own", async () => {
    await journal(db(), {
      event: "reservations.agent",
      actorKind: "AGENT",
      actorId: duhalde.instructeur.id,
      details: { inscriptionId: duhalde.inscriptionId, familleId: duhalde.familleId, reservees: 2, annulees: 0 },
    });
    await journal(db(), {
      event: "commande_repas.figee",
      actorKind: "SYSTEME",
      details: { versions: [{ lieuId: lieu.id, date: "2026-09-21", version: 1 }] },
    });
    const { entrees } = await rechercherJournal(await filtres({}));
    const { activite } = await db().inscription.findUniqueOrThrow({
      where: { id: duhalde.inscriptionId },
      select: { activite: { select: { libelle: true } } },
    });
    expect(entrees[1]!.phrase).toBe(
      `Réservations de Henri DUHALDE (${sansPointFinal(activite.libelle)}) modifiées par un agent : 2 jours réservés`,
    );
    // the seed's name ends with a dot: inside the sentence it goes
    expect(entrees[1]!.phrase).not.toContain(".)");
    expect(entrees[0]!.agent).toBe("Système");
    expect(entrees[0]!.phrase).toBe(`Commande des repas figée : ${lieu.nom} le lundi 21 septembre (version 1)`);
  });

  it("exports the same sentences as the page shows", async () => {
    const f = await filtres({ famille: cleEtchart });
    const page = await rechercherJournal(f, libelleDemande);
    const exportees = await journalAExporter(f, libelleDemande);
    expect(exportees.map((e) => e.phrase)).toEqual(page.entrees.map((e) => e.phrase));
    expect(exportees.every((e) => !/\b[a-z_]+\.[a-z_]+\b|undefined|null/.test(e.phrase))).toBe(true);
  });
});
