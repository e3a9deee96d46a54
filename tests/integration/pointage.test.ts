// The day's lists on PostgreSQL: the children expected per lieu and unit (booked, not cancelled) with their
// groupe; the health flags for an agent with the permission SANTE only, the read journaled without health data,
// the child's detail refused to the others; attendance marked and corrected (one row, the last state, who,
// when), a child enrolled but not booked marked "présent sans réservation", a child of nowhere refused; and a
// booking or a cancellation after the first print marked on the list.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/pointage-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { marquerImpression } from "@/lib/domain/pointage/imprimer";
import { listeDuJour, rechercherInscrits } from "@/lib/domain/pointage/liste";
import { pointer } from "@/lib/domain/pointage/pointer";
import { detailSantePointage } from "@/lib/domain/pointage/sante";
import { AccesSanteRefuse } from "@/lib/domain/sante/acces-agent";
import { enregistrerReservations, reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import { agent } from "./demande-fixtures";
import { familleInscrite, familleValidee } from "./inscription-fixtures";
import { cantinePublique, familleAuRegime } from "./cantine-fixtures";

let lieuId: number;
let classique: number;
let vegetarien: number;
const AOUT = new Date("2026-08-20T10:00:00Z");

beforeAll(async () => {
  ({ lieuId, classique, vegetarien } = await cantinePublique());
}, 120_000);

type Inscrite = Awaited<ReturnType<typeof familleInscrite>>;
const reserver = (f: Inscrite, date: string, uniteId: number, oui = true) =>
  enregistrerReservations({
    usagerId: f.usager.id,
    inscriptionId: f.inscriptionId,
    changements: [{ date, uniteId, reserver: oui }],
    now: AOUT,
  });

async function liste(agentId: string, date: string) {
  const { santeVisible, lieux } = await listeDuJour({ agentId, date, lieuId });
  expect(lieux).toHaveLength(1);
  const [menuClassique, menuVegetarien] = lieux[0]!.unites;
  return { santeVisible, lieu: lieux[0]!, classique: menuClassique!.enfants, vegetarien: menuVegetarien!.enfants };
}

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return erreur as AppError;
};

describe("the day's list", () => {
  it(
    "lists the children booked per unit with their groupe; the health flags for a SANTE agent only, journaled",
    { timeout: 120_000 },
    async () => {
      const a = await familleAuRegime("Aguerre");
      const b = await familleInscrite("Bordagaray");
      const c = await familleInscrite("Casenave");
      await reserver(a, "2026-09-14", classique);
      await reserver(b, "2026-09-14", vegetarien);
      await reserver(c, "2026-09-14", classique);
      await reserver(c, "2026-09-14", classique, false);

      const sante = await agent("Soignante", { permissions: ["SANTE"] });
      const lue = await liste(sante.id, "2026-09-14");
      expect(lue.santeVisible).toBe(true);
      expect(lue.classique.map((e) => [e.nom, e.groupe, e.reservee, e.sante])).toEqual([
        ["Aguerre", "CP", true, { allergies: ["Arachides"], regimes: ["Sans porc"], pai: true }],
      ]);
      expect(lue.vegetarien.map((e) => [e.nom, e.sante])).toEqual([
        ["Bordagaray", { allergies: [], regimes: [], pai: false }],
      ]);
      const lectures = await db().journalEntry.findMany({
        where: { event: "pointage.sante_lecture", actorId: sante.id },
      });
      expect(lectures).toHaveLength(1);
      expect(lectures[0]!.details).toEqual({ date: "2026-09-14", lieux: [lieuId], enfants: 2 });

      // another agent: no flag, no health read, and the detail refused before anything is opened
      const autre = await agent("Animateur");
      const sans = await liste(autre.id, "2026-09-14");
      expect(sans.santeVisible).toBe(false);
      expect(sans.classique.map((e) => [e.nom, e.sante])).toEqual([["Aguerre", null]]);
      expect(await db().journalEntry.count({ where: { actorId: autre.id } })).toBe(0);
      await expect(detailSantePointage(autre.id, a.enfantId)).rejects.toBeInstanceOf(AccesSanteRefuse);

      const detail = await detailSantePointage(sante.id, a.enfantId);
      expect(detail!.version!.fiche).toMatchObject({ habitudes: ["SANS_PORC"], allergies: ["ARACHIDES"], pai: true });
      const details = await db().journalEntry.findMany({
        where: { event: "pointage.sante_detail", actorId: sante.id },
      });
      expect(details.map((d) => d.details)).toEqual([{ enfantId: a.enfantId, version: 1 }]);
    },
  );

  it(
    "marks attendance and corrects it; présent sans réservation for an enrolled child only",
    { timeout: 120_000 },
    async () => {
      const d = await familleInscrite("Darrigrand");
      const e = await familleInscrite("Elissalde");
      const sansInscription = await familleValidee("Fourcade");
      await reserver(d, "2026-09-15", classique);
      const animateur = await agent("Animatrice");
      const now = new Date("2026-09-15T10:30:00Z");
      const marquer = (
        enfantId: string,
        etat: "PRESENT" | "ABSENT" | "PRESENT_SANS_RESERVATION",
        uniteId = classique,
      ) => pointer({ agentId: animateur.id, enfantId, uniteId, lieuId, date: "2026-09-15", etat, now });

      await marquer(d.enfantId, "PRESENT");
      expect((await liste(animateur.id, "2026-09-15")).classique.map((x) => [x.nom, x.pointage?.etat])).toEqual([
        ["Darrigrand", "PRESENT"],
      ]);
      // corrected later: one row, the last state, who and when
      const plusTard = new Date("2026-09-15T14:00:00Z");
      await pointer({
        agentId: animateur.id,
        enfantId: d.enfantId,
        uniteId: classique,
        lieuId,
        date: "2026-09-15",
        etat: "ABSENT",
        now: plusTard,
      });
      const lignes = await db().pointage.findMany({ where: { enfantId: d.enfantId } });
      expect(lignes.map((l) => [l.etat, l.parAgentId, l.marqueLe])).toEqual([["ABSENT", animateur.id, plusTard]]);

      // not booked: refused as présent, accepted as présent sans réservation (found by name among the enrolled)
      expect((await refus(marquer(e.enfantId, "PRESENT"))).code).toBe("introuvable");
      expect((await rechercherInscrits({ lieuId, recherche: "elissalde" })).map((x) => x.enfantId)).toEqual([
        e.enfantId,
      ]);
      await marquer(e.enfantId, "PRESENT_SANS_RESERVATION", vegetarien);
      const apres = await liste(animateur.id, "2026-09-15");
      expect(apres.vegetarien.map((x) => [x.nom, x.reservee, x.groupe, x.pointage?.etat])).toEqual([
        ["Elissalde", false, "CP", "PRESENT_SANS_RESERVATION"],
      ]);
      // and corrected: the child was not there after all
      await marquer(e.enfantId, "ABSENT", vegetarien);
      expect((await liste(animateur.id, "2026-09-15")).vegetarien[0]!.pointage!.etat).toBe("ABSENT");

      // a booked child is marked présent, not "sans réservation"; a child enrolled nowhere is not on any list
      expect((await refus(marquer(d.enfantId, "PRESENT_SANS_RESERVATION"))).code).toBe("reservee");
      expect((await refus(marquer(sansInscription.enfantId, "PRESENT_SANS_RESERVATION"))).code).toBe("introuvable");
      // a day the lieu is closed has no list
      expect(
        (
          await refus(
            pointer({
              agentId: animateur.id,
              enfantId: d.enfantId,
              uniteId: classique,
              lieuId,
              date: "2026-09-16",
              etat: "PRESENT",
              now: new Date("2026-09-16T10:00:00Z"),
            }),
          )
        ).code,
      ).toBe("introuvable");
    },
  );

  it("marks a child booked or cancelled after the list was first printed", { timeout: 120_000 }, async () => {
    const g = await familleInscrite("Garat");
    const h = await familleInscrite("Haritschelhar");
    const i = await familleInscrite("Iribarne");
    await reserver(g, "2026-09-18", classique);
    await reserver(h, "2026-09-18", classique);
    const responsable = await agent("Responsable");
    const imprimee = new Date();
    await marquerImpression({ agentId: responsable.id, date: "2026-09-18", lieuIds: [lieuId], now: imprimee });

    // after the print: the service books I and cancels H (the deadlines do not bind it)
    const parLeService = { id: responsable.id, nom: "Maite Responsable" };
    await reserverPourLaFamille({
      agent: parLeService,
      inscriptionId: i.inscriptionId,
      changements: [{ date: "2026-09-18", uniteId: classique, reserver: true }],
      now: new Date(imprimee.getTime() + 60_000),
    });
    await reserverPourLaFamille({
      agent: parLeService,
      inscriptionId: h.inscriptionId,
      changements: [{ date: "2026-09-18", uniteId: classique, reserver: false }],
      now: new Date(imprimee.getTime() + 60_000),
    });
    // printed again: the first print still counts
    await marquerImpression({
      agentId: responsable.id,
      date: "2026-09-18",
      lieuIds: [lieuId],
      now: new Date(imprimee.getTime() + 120_000),
    });
    const lue = await liste(responsable.id, "2026-09-18");
    expect(lue.lieu.imprimeeLe).toEqual(imprimee);
    expect(lue.classique.map((x) => [x.nom, x.reservee, x.tardif])).toEqual([
      ["Garat", true, null],
      ["Haritschelhar", false, "ANNULE"],
      ["Iribarne", true, "AJOUTE"],
    ]);
  });
});
