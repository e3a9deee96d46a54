import { describe, expect, it } from "vitest";
import { decoderAnnee } from "@/lib/domain/reservation/annee-compacte";
import { basculer } from "@/lib/domain/reservation/brouillon";
import {
  appliquerSemaineTypeFamille,
  bilanDuChangement,
  changementsFamille,
  cleSemaineTypeFamille,
  copierSemaineFamille,
  enumerer,
  joursReserves,
  restaurer,
  resumeFamille,
  type Ligne,
} from "@/lib/domain/reservation/famille-vue-brouillon";

// Two children, each with a canteen inscription: Léa's Menu Classique is unit 2, Hugo's is unit 12. The week of
// lundi 31 août is a holiday (no open day), then two weeks of Mondays and Tuesdays; Léa's Monday 7 is booked.
const annee = (u: number, lundi7 = "L") =>
  decoderAnnee(
    [
      `2026-09-07:${u}${lundi7}1`,
      `2026-09-08:${u}L1`,
      `2026-09-14:${u}L1`,
      `2026-09-15:${u}L0`, // past its deadline
    ].join(";"),
  );
const ligne = (inscriptionId: string, enfantId: string, prenom: string, u: number, lundi7?: string): Ligne => ({
  inscriptionId,
  enfantId,
  prenom,
  brouillon: { annee: annee(u, lundi7), unites: new Map([[u, { id: u, exclusive: true }]]), modifs: {} },
});
const LIGNES = [ligne("i-lea", "lea", "Léa", 2, "R"), ligne("i-hugo", "hugo", "Hugo", 12)];
const LIBELLES = new Map([
  [2, "Menu Classique"],
  [12, "Menu Classique"],
]);

describe("the family view's draft", () => {
  it("applies a week pattern to the children ticked only, by the units' labels, and says what it added", () => {
    const type = {
      enfants: new Set(["lea", "hugo"]),
      du: "2026-09-07",
      au: "2026-09-15",
      frequence: "CHAQUE" as const,
      cochees: new Set([cleSemaineTypeFamille(1, "Menu Classique"), cleSemaineTypeFamille(2, "Menu Classique")]),
      annulerAutres: false,
    };
    const apres = appliquerSemaineTypeFamille(LIGNES, LIBELLES, type);
    // the 15th is locked: never changed; Léa's 7th was booked already
    expect(changementsFamille(apres)).toEqual([
      { inscriptionId: "i-lea", date: "2026-09-08", uniteId: 2, reserver: true },
      { inscriptionId: "i-lea", date: "2026-09-14", uniteId: 2, reserver: true },
      { inscriptionId: "i-hugo", date: "2026-09-07", uniteId: 12, reserver: true },
      { inscriptionId: "i-hugo", date: "2026-09-08", uniteId: 12, reserver: true },
      { inscriptionId: "i-hugo", date: "2026-09-14", uniteId: 12, reserver: true },
    ]);
    expect(bilanDuChangement(LIGNES, apres)).toBe(
      "5 jours ajoutés pour Léa et Hugo. Rien n'est enregistré avant « Enregistrer ».",
    );
    const hugoSeul = appliquerSemaineTypeFamille(LIGNES, LIBELLES, { ...type, enfants: new Set(["hugo"]) });
    expect(changementsFamille(hugoSeul).map((c) => c.inscriptionId)).toEqual(["i-hugo", "i-hugo", "i-hugo"]);
  });

  it("copies last week for every child, and says there is nothing to copy after a holiday week", () => {
    const apres = copierSemaineFamille(LIGNES, "2026-09-14")!;
    expect(changementsFamille(apres)).toEqual([
      { inscriptionId: "i-lea", date: "2026-09-14", uniteId: 2, reserver: true },
    ]);
    expect(copierSemaineFamille(LIGNES, "2026-09-07")).toBeNull();
    expect(bilanDuChangement(LIGNES, LIGNES)).toBe("Aucun jour n'a changé.");
  });

  it("gives the estimate the days booked once saved, the draft applied", () => {
    const hugo = LIGNES[1]!;
    const coche = { ...hugo, brouillon: { ...hugo.brouillon, modifs: basculer(hugo.brouillon, "2026-09-08", 12) } };
    expect(joursReserves([LIGNES[0]!, coche])).toEqual([
      { enfantId: "lea", uniteId: 2, date: "2026-09-07" },
      { enfantId: "hugo", uniteId: 12, date: "2026-09-08" },
    ]);
  });

  it("restores from the browser only the changes that still differ and may still change", () => {
    const { lignes, nombre } = restaurer(LIGNES, {
      "i-hugo": { "2026-09-08|12": true, "2026-09-15|12": true, "2026-09-99|12": true, "2026-09-14|12": "oui" },
      "i-lea": { "2026-09-07|2": true },
      "i-inconnue": { "2026-09-07|2": false },
    });
    expect(nombre).toBe(1);
    expect(changementsFamille(lignes)).toEqual([
      { inscriptionId: "i-hugo", date: "2026-09-08", uniteId: 12, reserver: true },
    ]);
    expect(restaurer(LIGNES, "pas un objet").nombre).toBe(0);
  });

  it("words the family save's answer per child, with each refused day and its reason", () => {
    const vide = { reservees: [], enAttente: [], aValider: [], demandees: [], annulees: [], refus: [] };
    const jour = (date: string) => ({ date, uniteId: 2, reserver: true });
    const resume = resumeFamille({
      inscriptions: [
        {
          inscriptionId: "i-lea",
          enfantId: "lea",
          prenom: "Léa",
          activite: "Restauration",
          bilan: {
            ...vide,
            reservees: [jour("2026-09-07"), jour("2026-09-08")],
            refus: [{ ...jour("2026-09-15"), raison: "Le délai est dépassé." }],
          },
        },
        {
          inscriptionId: "i-hugo",
          enfantId: "hugo",
          prenom: "Hugo",
          activite: "Restauration",
          bilan: { ...vide, annulees: [jour("2026-09-07")] },
        },
      ],
    });
    expect(resume.ok).toBe(false);
    expect(resume.message).toBe(
      "Réservations enregistrées pour la famille. Léa : 2 jours réservés ; Hugo : 1 jour annulé. Un récapitulatif vous est envoyé par courriel. 1 jour refusé :",
    );
    expect(resume.errors).toEqual({
      "i-lea|2026-09-15|2": "Léa, mardi 15 septembre, Restauration : Le délai est dépassé.",
    });
    expect(resumeFamille({ inscriptions: [] })).toMatchObject({ ok: true, message: "Aucun changement enregistré." });
    expect(enumerer(["Léa", "Hugo", "Zoé"])).toBe("Léa, Hugo et Zoé");
  });
});
