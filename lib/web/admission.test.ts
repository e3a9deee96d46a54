// The limiter with fake tasks, a hand-moved clock and a scheduler fired by hand: order, bounds, the actions'
// priority, a client gone, the longest wait, the estimate. No timing.
import { describe, expect, it } from "vitest";
import { Admission, type Admis, type Outils, type Refus, type Reglages } from "@/lib/web/admission";

function banc(reglages: Partial<Reglages> = {}) {
  let maintenant = 0;
  const delais: { echeance: number; rappel: () => void; annule: boolean }[] = [];
  const outils: Outils = {
    maintenant: () => maintenant,
    planifier: (ms, rappel) => {
      const delai = { echeance: maintenant + ms, rappel, annule: false };
      delais.push(delai);
      return () => {
        delai.annule = true;
      };
    },
  };
  const admission = new Admission(
    { concurrence: 2, file: 3, fileActions: 12, attenteMaxMs: 30_000, ...reglages },
    outils,
  );
  /** A request: what happened to it so far. */
  const demander = (nom: string, action = false) => {
    const suivi: { nom: string; issue?: Admis | Refus; abandonner: () => void } = { nom, abandonner: () => {} };
    const { issue, abandonner } = admission.demander({ action });
    suivi.abandonner = abandonner;
    void issue.then((resultat) => {
      suivi.issue = resultat;
      if (resultat.admis) ordre.push(nom);
    });
    return suivi;
  };
  const ordre: string[] = [];
  return {
    admission,
    demander,
    ordre,
    avancer: async (ms: number) => {
      maintenant += ms;
      for (const d of delais) {
        if (d.annule || d.echeance > maintenant) continue;
        d.annule = true;
        d.rappel();
      }
      await Promise.resolve();
      await Promise.resolve();
    },
    /** lets the resolved promises run */
    laisser: async () => {
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

const liberer = (suivi: { issue?: Admis | Refus }) => {
  if (!suivi.issue?.admis) throw new Error("not admitted");
  suivi.issue.liberer();
};

describe("Admission", () => {
  it("runs `concurrence` at once, then admits the waiting ones in their order of arrival", async () => {
    const b = banc();
    const [a, c, d, e] = ["a", "c", "d", "e"].map((nom) => b.demander(nom));
    await b.laisser();
    expect(b.ordre).toEqual(["a", "c"]);
    expect(b.admission.compteurs()).toMatchObject({ enCours: 2, enAttente: 2, admises: 2 });
    liberer(c!);
    await b.laisser();
    expect(b.ordre).toEqual(["a", "c", "d"]);
    liberer(a!);
    liberer(a!); // twice: counted once
    await b.laisser();
    expect(b.ordre).toEqual(["a", "c", "d", "e"]);
    expect(b.admission.compteurs()).toMatchObject({ enCours: 2, enAttente: 0, admises: 4, refusees: 0 });
    liberer(d!);
    liberer(e!);
    expect(b.admission.compteurs().enCours).toBe(0);
  });

  it("refuses a page past the bound with the position it would have had, and admits the next ones again", async () => {
    const b = banc({ concurrence: 1, file: 2 });
    const [a, , , refusee] = ["a", "b", "c", "d"].map((nom) => b.demander(nom));
    await b.laisser();
    expect(refusee!.issue).toMatchObject({ admis: false, raison: "file", position: 3 });
    expect(b.admission.compteurs()).toMatchObject({ enCours: 1, enAttente: 2, refusees: 1 });
    liberer(a!);
    await b.laisser();
    const apres = b.demander("e");
    await b.laisser();
    expect(apres.issue).toBeUndefined(); // waiting, within the bound again
    expect(b.admission.compteurs().enAttente).toBe(2);
  });

  it("puts actions before pages and gives them their own, larger bound", async () => {
    const b = banc({ concurrence: 1, file: 2, fileActions: 3 });
    const tenue = b.demander("tenue");
    const pages = [b.demander("p1"), b.demander("p2")];
    const actions = [b.demander("a1", true), b.demander("a2", true), b.demander("a3", true)];
    const pageEnTrop = b.demander("p3");
    const actionEnTrop = b.demander("a4", true);
    await b.laisser();
    // the queue holds five (two pages, three actions) though its page bound is two: the actions' own bound
    expect(b.admission.compteurs().enAttente).toBe(5);
    expect(pageEnTrop.issue).toMatchObject({ admis: false, raison: "file", position: 6 });
    expect(actionEnTrop.issue).toMatchObject({ admis: false, raison: "file", position: 4 });
    let courant = tenue;
    for (let i = 0; i < 5; i++) {
      liberer(courant);
      await b.laisser();
      courant = [...pages, ...actions].find((s) => s.nom === b.ordre.at(-1))!;
    }
    expect(b.ordre).toEqual(["tenue", "a1", "a2", "a3", "p1", "p2"]);
    expect(pages.concat(actions).every((s) => s.issue?.admis)).toBe(true);
  });

  it("takes a request whose client went away out of the queue: it never runs and frees its place", async () => {
    const b = banc({ concurrence: 1, file: 2 });
    const a = b.demander("a");
    const partie = b.demander("partie");
    const c = b.demander("c");
    await b.laisser();
    partie.abandonner();
    await b.laisser();
    expect(partie.issue).toMatchObject({ admis: false, raison: "abandon" });
    expect(b.admission.compteurs()).toMatchObject({ enAttente: 1, refusees: 0 });
    const d = b.demander("d"); // the place it left
    await b.laisser();
    expect(d.issue).toBeUndefined();
    liberer(a);
    await b.laisser();
    liberer(c);
    await b.laisser();
    expect(b.ordre).toEqual(["a", "c", "d"]);
    a.abandonner(); // once admitted, nothing to take back
    expect(b.admission.compteurs().enCours).toBe(1);
  });

  it("answers a request that waited longer than the maximum as one past the bound", async () => {
    const b = banc({ concurrence: 1, file: 5, attenteMaxMs: 30_000 });
    const a = b.demander("a");
    const longue = b.demander("longue");
    await b.avancer(10_000);
    const seconde = b.demander("seconde");
    await b.avancer(20_000);
    expect(longue.issue).toMatchObject({ admis: false, raison: "attente", position: 1 });
    expect(seconde.issue).toBeUndefined();
    expect(b.admission.compteurs()).toMatchObject({ enAttente: 1, refusees: 1 });
    await b.avancer(5_000);
    liberer(a);
    await b.laisser();
    expect(seconde.issue).toMatchObject({ admis: true, attenteMs: 25_000 });
    expect(b.admission.compteurs().attenteMaxMs).toBe(25_000);
    // admitted: its delay was cancelled, it is never refused afterwards
    await b.avancer(60_000);
    expect(seconde.issue?.admis).toBe(true);
  });

  it("estimates from the recent service times × position / concurrence, in whole seconds, at least 1", async () => {
    const b = banc({ concurrence: 2, file: 10 });
    expect(b.admission.estimation(1)).toBe(1); // before any measure: 500 ms assumed
    const [a, c] = [b.demander("a"), b.demander("c")];
    await b.laisser();
    await b.avancer(3_000);
    liberer(a);
    await b.avancer(1_000);
    liberer(c);
    expect(b.admission.serviceMoyenMs()).toBe(3_500);
    // 3.5 s × 12 / 2 = 21 s
    expect(b.admission.estimation(12)).toBe(21);
    expect(b.admission.estimation(1)).toBe(2);
    // a refusal carries it
    const plein = banc({ concurrence: 1, file: 0 });
    const tenue = plein.demander("tenue");
    const refusee = plein.demander("refusee");
    await plein.laisser();
    expect(refusee.issue).toMatchObject({ admis: false, position: 1, estimation: 1 });
    liberer(tenue);
  });

  it("without a limit (Infinity) admits everything and still counts", async () => {
    const b = banc({ concurrence: Infinity, file: 0 });
    const tous = Array.from({ length: 50 }, (_, i) => b.demander(`r${i}`));
    await b.laisser();
    expect(b.ordre).toHaveLength(50);
    expect(b.admission.compteurs()).toMatchObject({ enCours: 50, enAttente: 0, admises: 50, refusees: 0 });
    tous.forEach(liberer);
    expect(b.admission.compteurs().enCours).toBe(0);
  });
});
