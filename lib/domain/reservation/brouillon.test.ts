import { describe, expect, it } from "vitest";
import { decoderAnnee } from "@/lib/domain/reservation/annee-compacte";
import {
  appliquerSemaineType,
  basculer,
  changements,
  cleSemaineType,
  compte,
  copierSemainePrecedente,
  etatAffiche,
  lireSemaineType,
  reserve,
  semaineRetenue,
  type Brouillon,
  type Modifs,
  type SemaineType,
} from "@/lib/domain/reservation/brouillon";
import { rivaleExclusive } from "@/lib/domain/reservation/unites-exclusives";

// Units: 1 Matin (not exclusive), 2 Menu Classique and 3 Menu Végétarien (exclusive, one a day).
const UNITES = new Map([
  [1, { id: 1, exclusive: false, libelle: "Matin" }],
  [2, { id: 2, exclusive: true, libelle: "Menu Classique" }],
  [3, { id: 3, exclusive: true, libelle: "Menu Végétarien" }],
]);

// Two weeks: lundi 7 septembre 2026 is in ISO week 37 (odd), lundi 14 in week 38 (even). Mondays and Tuesdays
// only. The 7th holds Matin booked and Classique booked; the 8th Classique booked but locked (past its deadline).
const ANNEE = decoderAnnee(
  [
    "2026-09-07:1R1,2R1,3L1",
    "2026-09-08:1L1,2R0,3L1",
    "2026-09-14:1L1,2L1,3L1",
    "2026-09-15:1L1,2L1,3L1",
    "2026-09-21:1L1,2L1,3L1",
  ].join(";"),
);

const brouillon = (modifs: Modifs = {}): Brouillon => ({ annee: ANNEE, unites: UNITES, modifs });
const avec = (b: Brouillon, modifs: Modifs): Brouillon => ({ ...b, modifs });

describe("the month view's draft", () => {
  it("toggles a day × unit the parent may change, and sends only what differs from the server's days", () => {
    const b = brouillon();
    expect(changements(b)).toEqual([]);
    const apres = avec(b, basculer(b, "2026-09-14", 1));
    expect(reserve(apres, "2026-09-14", 1)).toBe(true);
    expect(changements(apres)).toEqual([{ date: "2026-09-14", uniteId: 1, reserver: true }]);
    // toggled back: nothing left to send
    expect(changements(avec(apres, basculer(apres, "2026-09-14", 1)))).toEqual([]);
  });

  it("never changes a locked day", () => {
    const b = brouillon();
    expect(basculer(b, "2026-09-08", 2)).toEqual({});
    expect(reserve(b, "2026-09-08", 2)).toBe(true);
  });

  it("books one exclusive unit by releasing the other, as the server's rule would refuse both", () => {
    const b = brouillon();
    const apres = avec(b, basculer(b, "2026-09-07", 3));
    expect(reserve(apres, "2026-09-07", 3)).toBe(true);
    expect(reserve(apres, "2026-09-07", 2)).toBe(false);
    expect(reserve(apres, "2026-09-07", 1)).toBe(true);
    expect(changements(apres)).toEqual([
      { date: "2026-09-07", uniteId: 2, reserver: false },
      { date: "2026-09-07", uniteId: 3, reserver: true },
    ]);
    expect(compte(changements(apres))).toEqual({ plus: 1, moins: 1 });
  });

  it("leaves the other exclusive unit booked when it is locked, and does not book this one", () => {
    const b = brouillon();
    expect(basculer(b, "2026-09-08", 3)).toEqual({});
  });

  it("copies the week before onto a week, day by day, the draft's own changes included", () => {
    const b0 = brouillon();
    const b = avec(b0, basculer(b0, "2026-09-08", 1));
    const semaine = ["2026-09-14", "2026-09-15"].map((jour) => ({ jour, cases: ANNEE.get(jour)! }));
    const apres = avec(b, copierSemainePrecedente(b, semaine));
    expect(changements(apres)).toEqual([
      { date: "2026-09-08", uniteId: 1, reserver: true },
      { date: "2026-09-14", uniteId: 1, reserver: true },
      { date: "2026-09-14", uniteId: 2, reserver: true },
      { date: "2026-09-15", uniteId: 1, reserver: true },
      { date: "2026-09-15", uniteId: 2, reserver: true },
    ]);
  });

  it("copies nothing onto the year's first week, which has no week before", () => {
    const b = brouillon();
    const semaine = ["2026-09-07", "2026-09-08"].map((jour) => ({ jour, cases: ANNEE.get(jour)! }));
    expect(copierSemainePrecedente(b, semaine)).toEqual({});
  });

  it("applies a week pattern on the chosen weeks of the period only", () => {
    const type: SemaineType = {
      du: "2026-09-08",
      au: "2026-09-21",
      frequence: "CHAQUE",
      cochees: new Set([cleSemaineType(1, 3)]),
      annulerAutres: false,
    };
    const b = brouillon();
    expect(changements(avec(b, appliquerSemaineType(b, type)))).toEqual([
      { date: "2026-09-14", uniteId: 3, reserver: true },
      { date: "2026-09-21", uniteId: 3, reserver: true },
    ]);
    const paires = appliquerSemaineType(b, { ...type, frequence: "PAIRES" });
    expect(changements(avec(b, paires))).toEqual([{ date: "2026-09-14", uniteId: 3, reserver: true }]);
  });

  it("cancels the period's booked days that are not ticked when asked, locked ones kept", () => {
    const b = brouillon();
    const type: SemaineType = {
      du: "2026-09-07",
      au: "2026-09-08",
      frequence: "CHAQUE",
      cochees: new Set([cleSemaineType(1, 1)]),
      annulerAutres: true,
    };
    expect(changements(avec(b, appliquerSemaineType(b, type)))).toEqual([
      { date: "2026-09-07", uniteId: 2, reserver: false },
    ]);
  });

  it("counts « une semaine sur deux » from the week of « Du », and even and odd weeks by their ISO number", () => {
    expect(semaineRetenue("UNE_SUR_DEUX", "2026-09-09", "2026-09-07")).toBe(true);
    expect(semaineRetenue("UNE_SUR_DEUX", "2026-09-09", "2026-09-14")).toBe(false);
    expect(semaineRetenue("UNE_SUR_DEUX", "2026-09-09", "2026-09-21")).toBe(true);
    expect(semaineRetenue("PAIRES", "2026-09-07", "2026-09-07")).toBe(false);
    expect(semaineRetenue("IMPAIRES", "2026-09-07", "2026-09-07")).toBe(true);
    expect(semaineRetenue("PAIRES", "2026-09-07", "2026-09-14")).toBe(true);
  });

  it("reads the week pattern's form, an empty period meaning the whole year", () => {
    const donnees = new FormData();
    donnees.set("frequence", "IMPAIRES");
    donnees.set("du", "");
    donnees.set(cleSemaineType(2, 3), "on");
    donnees.set("annulerAutres", "on");
    expect(lireSemaineType(donnees, "2026-09-07", "2027-07-03")).toEqual({
      du: "2026-09-07",
      au: "2027-07-03",
      frequence: "IMPAIRES",
      cochees: new Set(["type-2-3"]),
      annulerAutres: true,
    });
  });

  it("shows each case's state with the draft applied", () => {
    const annee = decoderAnnee("2026-09-14:1X1,2W1,3J0;2026-09-15:1F0,2L1,3R1");
    const b: Brouillon = { annee, unites: UNITES, modifs: {} };
    const cases = (jour: string) => annee.get(jour)!;
    expect(cases("2026-09-14").map((c) => etatAffiche(b, "2026-09-14", c))).toEqual([
      "REFUSEE",
      "ATTENTE",
      "ABSENCE_JUSTIFIEE",
    ]);
    expect(cases("2026-09-15").map((c) => etatAffiche(b, "2026-09-15", c))).toEqual([
      "AUTRE_FOYER",
      "LIBRE",
      "RESERVEE",
    ]);
    // a refused day asked again shows as booked; asked and withdrawn, as free (no longer « refusé »)
    const redemande = { ...b, modifs: { "2026-09-14|1": true } };
    expect(etatAffiche(redemande, "2026-09-14", cases("2026-09-14")[0]!)).toBe("RESERVEE");
    const retire = { ...b, modifs: { "2026-09-14|1": false } };
    expect(etatAffiche(retire, "2026-09-14", cases("2026-09-14")[0]!)).toBe("LIBRE");
  });
});

describe("the exclusive units' rule, shared with the server's save", () => {
  it("names the exclusive unit already held that forbids another one, and none for a unit that is not exclusive", () => {
    expect(rivaleExclusive(UNITES.get(3)!, [UNITES.get(1)!, UNITES.get(2)!])?.libelle).toBe("Menu Classique");
    expect(rivaleExclusive(UNITES.get(3)!, [UNITES.get(1)!, UNITES.get(3)!])).toBeUndefined();
    expect(rivaleExclusive(UNITES.get(1)!, [UNITES.get(2)!, UNITES.get(3)!])).toBeUndefined();
  });
});
