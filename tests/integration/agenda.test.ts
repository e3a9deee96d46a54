// The family's agenda on PostgreSQL: the iCal feed behind its secret link (parsed back with node-ical: both
// children's days, stable UIDs, a cancelled day gone, the old link 404 once renewed, a wrong secret 404), the
// per-child download scoped to the caller's family, the reminder the day before a cutoff (opt-in only, once
// per cutoff, none when everything is booked, no health data in it), and Mon accueil's block.
import { beforeAll, describe, expect, it } from "vitest";
import ical, { type VEvent } from "node-ical";
import { db } from "@/lib/db";
import { agendaDeLaFamille } from "@/lib/domain/agenda/flux";
import { jetonAgenda, renouvelerLienAgenda } from "@/lib/domain/agenda/lien";
import { agendaDeMonAccueil, enfantDeLaFamilleDuUsager } from "@/lib/domain/agenda/queries";
import { envoyerRappelsCloture } from "@/lib/domain/agenda/rappel";
import { GET } from "@/app/api/agenda/[jeton]/route";
import { AOUT, preparerCommune, type Activites } from "./absence-fixtures";
import { familleDeDeux, reserverJours } from "./agenda-fixtures";

let act: Activites;
let f: Awaited<ReturnType<typeof familleDeDeux>>;

beforeAll(async () => {
  act = await preparerCommune();
  f = await familleDeDeux("Agenda", act);
  await reserverJours(f.usager.id, f.lea.cantine, act.cantine.classique, "2026-09-07", "2026-09-08");
  await reserverJours(f.usager.id, f.lea.garderie, act.garderie.soir, "2026-09-07", "2026-09-07");
  await reserverJours(f.usager.id, f.hugo.cantine, act.cantine.classique, "2026-09-07", "2026-09-08");
}, 180_000);

const evenements = (texte: string) =>
  Object.values(ical.sync.parseICS(texte)).filter((c): c is VEvent => c?.type === "VEVENT");

const lire = (jeton: string, entetes: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/agenda/${jeton}`, { headers: entetes }), {
    params: Promise.resolve({ jeton }),
  });

describe("the family's calendar feed", () => {
  it("holds one all-day event per child, day and unit, named by child and unit, with stable UIDs", async () => {
    const { texte } = await agendaDeLaFamille({ familleId: f.familleId, now: AOUT });
    const evts = evenements(texte);
    expect(evts.map((e) => [e.start.toISOString().slice(0, 10), e.summary]).sort()).toEqual([
      ["2026-09-07", "Hugo — Menu Classique"],
      ["2026-09-07", "Léa — Menu Classique"],
      ["2026-09-07", "Léa — Soir"],
      ["2026-09-08", "Hugo — Menu Classique"],
      ["2026-09-08", "Léa — Menu Classique"],
    ]);
    expect(evts.every((e) => e.datetype === "date" && e.status === "CONFIRMED")).toBe(true);
    expect(texte).toContain("DTSTART;VALUE=DATE:20260907");
    const uids = evts.map((e) => e.uid);
    expect(new Set(uids).size).toBe(5);
    const { texte: encore } = await agendaDeLaFamille({ familleId: f.familleId, now: AOUT });
    expect(evenements(encore).map((e) => e.uid)).toEqual(uids);
  });

  it("drops a cancelled day and keeps the other events' UIDs", async () => {
    const avant = evenements((await agendaDeLaFamille({ familleId: f.familleId, now: AOUT })).texte);
    await reserverJours(f.usager.id, f.hugo.cantine, act.cantine.classique, "2026-09-08", "2026-09-08", false);
    const apres = evenements((await agendaDeLaFamille({ familleId: f.familleId, now: AOUT })).texte);
    const annule = avant.find(
      (e) => e.summary === "Hugo — Menu Classique" && e.start.toISOString().startsWith("2026-09-08"),
    );
    expect(apres.map((e) => e.uid)).toEqual(avant.map((e) => e.uid).filter((uid) => uid !== annule!.uid));
  });

  it("marks the waiting list in the title and as tentative", async () => {
    await db().reservation.updateMany({
      where: { enfantId: f.lea.enfantId, uniteId: act.garderie.soir },
      data: { statut: "ATTENTE" },
    });
    const evts = evenements((await agendaDeLaFamille({ familleId: f.familleId, now: AOUT })).texte);
    const soir = evts.find((e) => String(e.summary).startsWith("Léa — Soir"))!;
    expect(soir.summary).toBe("Léa — Soir (liste d'attente)");
    expect(soir.status).toBe("TENTATIVE");
    await db().reservation.updateMany({
      where: { enfantId: f.lea.enfantId, uniteId: act.garderie.soir },
      data: { statut: "RESERVEE" },
    });
  });

  it("is served to its secret link only: a wrong secret 404, the old link 404 once renewed", async () => {
    const famille = await db().famille.findUniqueOrThrow({ where: { id: f.familleId } });
    const jeton = jetonAgenda(f.familleId, famille.agendaVersion);
    const reponse = await lire(jeton);
    expect(reponse.status).toBe(200);
    expect(reponse.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(reponse.headers.get("cache-control")).toBe("private, no-cache");
    // (served at today's date: September's days are past its window; the content is the domain's, tested above)
    expect(await reponse.text()).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n[\s\S]*X-WR-CALNAME:Réservations — /);
    const etag = reponse.headers.get("etag")!;
    expect((await lire(jeton, { "if-none-match": etag })).status).toBe(304);

    const faux = `${jeton.slice(0, -2)}${jeton.endsWith("AA") ? "BB" : "AA"}`;
    expect((await lire(faux)).status).toBe(404);
    expect((await lire(`${f.familleId}`)).status).toBe(404);
    expect((await lire("pas-un-jeton")).status).toBe(404);

    const nouveau = await renouvelerLienAgenda(f.usager.id);
    expect((await lire(jeton)).status).toBe(404);
    expect((await lire(nouveau.split("/").at(-1)!)).status).toBe(200);
    const entree = await db().journalEntry.findFirstOrThrow({ where: { event: "agenda.lien_renouvele" } });
    expect(entree.details).toEqual({ familleId: f.familleId, version: famille.agendaVersion + 1 });
  });

  it("gives a child's own download to its family only", async () => {
    const autre = await familleDeDeux("Autre", act);
    expect(await enfantDeLaFamilleDuUsager(f.usager.id, f.lea.enfantId)).toEqual({
      familleId: f.familleId,
      prenoms: "Léa",
    });
    expect(await enfantDeLaFamilleDuUsager(autre.usager.id, f.lea.enfantId)).toBeNull();
    const seul = evenements(
      (await agendaDeLaFamille({ familleId: f.familleId, enfantId: f.lea.enfantId, now: AOUT })).texte,
    );
    expect(seul.length).toBeGreaterThan(0);
    expect(seul.every((e) => String(e.summary).startsWith("Léa — "))).toBe(true);
  });
});

describe("the reminder the day before a cutoff", () => {
  /** Wednesday 9 September 2026, 09:47 in Paris: the canteen's cutoff for the week of the 14th is tomorrow at noon. */
  const MERCREDI = new Date("2026-09-09T07:47:00Z");
  const mails = (courriel: string) =>
    db().outboxMail.findMany({ where: { to: courriel, subject: { startsWith: "Rappel : des jours" } } });

  it("mails once per cutoff the opted-in space whose family has days not booked, naming the children and days", async () => {
    const g = await familleDeDeux("Rappel", act);
    // this week all booked (the garderie's cutoff of tomorrow closes Friday 11th: nothing to say about it)
    for (const e of [g.lea, g.hugo])
      await reserverJours(g.usager.id, e.cantine, act.cantine.classique, "2026-09-07", "2026-09-11");
    // next week: Léa booked, Hugo not
    await reserverJours(g.usager.id, g.lea.cantine, act.cantine.classique, "2026-09-14", "2026-09-18");
    await db().usager.update({ where: { id: g.usager.id }, data: { rappelCloture: true } });
    const sansOptIn = await familleDeDeux("SansRappel", act);

    expect(await envoyerRappelsCloture(MERCREDI)).toBeGreaterThanOrEqual(1);
    const recus = await mails(g.usager.courriel);
    expect(recus).toHaveLength(1);
    const { subject, text, html } = recus[0]!;
    expect(subject).toBe("Rappel : des jours de la semaine prochaine ne sont pas réservés");
    expect(text).toContain(
      "Les réservations de la semaine du lundi 14 septembre ferment demain, jeudi 10 septembre, à 12:00.",
    );
    expect(text).toContain("Hugo : lundi 14, mardi 15, jeudi 17, vendredi 18");
    expect(text).not.toContain("Léa :");
    expect(text).toMatch(new RegExp(`\\n\\s*http://[^\\s]+/famille/enfants/${g.hugo.enfantId}/reservations`));
    for (const sante of ["allerg", "régime", "PAI", "Menu", "Végétarien"]) expect(html + text).not.toContain(sante);
    expect(await mails(sansOptIn.usager.courriel)).toHaveLength(0);

    // a second run (the next hour's, another node's) sends nothing more
    await envoyerRappelsCloture(new Date(MERCREDI.getTime() + 3_600_000));
    expect(await mails(g.usager.courriel)).toHaveLength(1);
    expect(await db().rappelCloture.count({ where: { usagerId: g.usager.id } })).toBe(1);
  });

  it("sends nothing when every day of that week is booked, nor on a day before which no cutoff falls", async () => {
    const h = await familleDeDeux("ToutReserve", act);
    for (const e of [h.lea, h.hugo])
      await reserverJours(h.usager.id, e.cantine, act.cantine.classique, "2026-09-07", "2026-09-18");
    await db().usager.update({ where: { id: h.usager.id }, data: { rappelCloture: true } });
    await envoyerRappelsCloture(MERCREDI);
    expect(await mails(h.usager.courriel)).toHaveLength(0);

    const i = await familleDeDeux("TropTot", act);
    await db().usager.update({ where: { id: i.usager.id }, data: { rappelCloture: true } });
    // Monday: tomorrow (Tuesday) closes no day (no garderie on Wednesdays), the canteen closes on Thursday
    await envoyerRappelsCloture(new Date("2026-09-07T07:47:00Z"));
    expect(await mails(i.usager.courriel)).toHaveLength(0);
  });
});

describe("Mon accueil's block of bookings ahead", () => {
  it("gives each child's services, the days booked ahead and the children booked today, eldest first", async () => {
    const g = await familleDeDeux("Accueil", act);
    await reserverJours(g.usager.id, g.hugo.cantine, act.cantine.classique, "2026-09-07", "2026-09-08");
    await reserverJours(g.usager.id, g.lea.garderie, act.garderie.soir, "2026-09-07", "2026-09-07");
    await reserverJours(g.usager.id, g.lea.cantine, act.cantine.classique, "2026-09-08", "2026-09-08");
    const lundi = (await agendaDeMonAccueil(
      { familleId: g.familleId, rappelCloture: true },
      new Date("2026-09-07T06:00:00Z"),
    ))!;
    expect(lundi.rappelCloture).toBe(true);
    expect(lundi.services.map((s) => s.prenom)).toEqual(["Léa", "Léa", "Hugo", "Hugo"]);
    expect(lundi.services[0]!.jours).toContain("2026-09-08");
    expect([...lundi.reserves.get(g.hugo.enfantId)!].sort()).toEqual(["2026-09-07", "2026-09-08"]);
    expect(lundi.reservesAujourdhui).toEqual([
      { enfantId: g.lea.enfantId, prenom: "Léa" },
      { enfantId: g.hugo.enfantId, prenom: "Hugo" },
    ]);
    expect(lundi.commune.heureLimiteMaladie).toMatch(/^\d{2}:\d{2}$/);

    // a day cancelled is neither booked ahead nor today's
    await reserverJours(g.usager.id, g.hugo.cantine, act.cantine.classique, "2026-09-08", "2026-09-08", false);
    const mardi = (await agendaDeMonAccueil(
      { familleId: g.familleId, rappelCloture: false },
      new Date("2026-09-08T06:00:00Z"),
    ))!;
    expect(mardi.reservesAujourdhui).toEqual([{ enfantId: g.lea.enfantId, prenom: "Léa" }]);
    expect(mardi.reserves.get(g.hugo.enfantId)).toBeUndefined();
  });
});
