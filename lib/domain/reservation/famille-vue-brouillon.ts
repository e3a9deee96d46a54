// The family booking view's draft: one per-inscription draft (brouillon.ts: toggles, exclusive menus, the week
// pattern, the copy of last week, the diff) for each child × activity on screen, and what only a family has:
// a week pattern applied to several children at once, last week copied for everyone, the change said in words
// (« 8 jours ajoutés pour Léa et Hugo »), the diff « Enregistrer » sends with each day's inscription, and the
// save's answer per child. Pure: it runs in the browser and in unit tests.
import type { CaseJour } from "@/lib/domain/reservation/annee-compacte";
import {
  appliquerSemaineType,
  changements,
  copierSemainePrecedente,
  reserve,
  reserveAuDepart,
  type Brouillon,
  type Frequence,
  type Modifs,
} from "@/lib/domain/reservation/brouillon";
import type { BilanFamille, ChangementFamille } from "@/lib/domain/reservation/famille";
import { cleSemaineType } from "@/lib/domain/reservation/brouillon";
import { ajouterJours, jourEnClair, type Jour } from "@/lib/temps/jours-calcul";

/** The draft of each inscription on screen, keyed by inscriptionId. */
export type ModifsFamille = Readonly<Record<string, Modifs>>;

/** One child × activity of the view with its draft. */
export type Ligne = { inscriptionId: string; enfantId: string; prenom: string; brouillon: Brouillon };

/** The diff « Enregistrer » sends: every inscription's, each change naming its inscription. */
export function changementsFamille(lignes: readonly Ligne[]): ChangementFamille[] {
  return lignes.flatMap((l) => changements(l.brouillon).map((c) => ({ ...c, inscriptionId: l.inscriptionId })));
}

/** The days booked once the draft is saved, for the estimate (estimation.ts). */
export function joursReserves(lignes: readonly Ligne[]) {
  return lignes.flatMap(({ enfantId, brouillon: b }) =>
    [...b.annee].flatMap(([date, cases]) =>
      cases.filter((c) => reserve(b, date, c.uniteId)).map((c) => ({ enfantId, uniteId: c.uniteId, date })),
    ),
  );
}

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;
/** « Léa », « Léa et Hugo », « Léa, Hugo et Zoé ». */
export const enumerer = (noms: readonly string[]) =>
  noms.length <= 1 ? (noms[0] ?? "") : `${noms.slice(0, -1).join(", ")} et ${noms.at(-1)}`;

/** What a tool changed, in words: « 8 jours ajoutés pour Léa et Hugo, 2 jours retirés pour Léa ». */
export function bilanDuChangement(avant: readonly Ligne[], apres: readonly Ligne[]): string {
  const ajoutes = new Map<string, number>();
  const retires = new Map<string, number>();
  avant.forEach((l, rang) => {
    const b = apres[rang]!.brouillon;
    for (const [jour, cases] of b.annee)
      for (const c of cases) {
        const etait = reserve(l.brouillon, jour, c.uniteId);
        const est = reserve(b, jour, c.uniteId);
        if (etait === est) continue;
        const compte = est ? ajoutes : retires;
        compte.set(l.prenom, (compte.get(l.prenom) ?? 0) + 1);
      }
  });
  const dire = (compte: Map<string, number>, verbe: string) => {
    const total = [...compte.values()].reduce((s, n) => s + n, 0);
    return total > 0
      ? `${pluriel(total, "jour")} ${verbe}${total > 1 ? "s" : ""} pour ${enumerer([...compte.keys()])}`
      : null;
  };
  const parties = [dire(ajoutes, "ajouté"), dire(retires, "retiré")].filter(Boolean);
  return parties.length > 0
    ? `${parties.join(", ")}. Rien n'est enregistré avant « Enregistrer ».`
    : "Aucun jour n'a changé.";
}

/** A new draft per line: `f` gives a line's new modifs. */
const avec = (lignes: readonly Ligne[], f: (l: Ligne) => Modifs): Ligne[] =>
  lignes.map((l) => ({ ...l, brouillon: { ...l.brouillon, modifs: f(l) } }));

export type SemaineTypeFamille = {
  /** the children it applies to */
  enfants: ReadonlySet<string>;
  du: Jour;
  au: Jour;
  frequence: Frequence;
  /** ticked weekday × unit label, as cleSemaineTypeFamille */
  cochees: ReadonlySet<string>;
  annulerAutres: boolean;
};

/** A box of the family's week pattern: ISO weekday and unit label (the same « Matin » for every child). */
export const cleSemaineTypeFamille = (jourIso: number, libelle: string) => `${jourIso}|${libelle}`;

/** The week pattern for the chosen children: each inscription's units ticked by their label. */
export function appliquerSemaineTypeFamille(
  lignes: readonly Ligne[],
  libelles: ReadonlyMap<number, string>,
  type: SemaineTypeFamille,
): Ligne[] {
  return avec(lignes, (l) => {
    if (!type.enfants.has(l.enfantId)) return l.brouillon.modifs;
    const cochees = new Set<string>();
    for (const id of l.brouillon.unites.keys())
      for (let js = 1; js <= 7; js++)
        if (type.cochees.has(cleSemaineTypeFamille(js, libelles.get(id) ?? ""))) cochees.add(cleSemaineType(js, id));
    return appliquerSemaineType(l.brouillon, { ...type, cochees });
  });
}

/** The week of `lundi` takes last week's days for every child; null when last week has no open day at all. */
export function copierSemaineFamille(lignes: readonly Ligne[], lundi: Jour): Ligne[] | null {
  const precedente = Array.from({ length: 7 }, (_, i) => ajouterJours(lundi, i - 7));
  if (!lignes.some((l) => precedente.some((j) => (l.brouillon.annee.get(j)?.length ?? 0) > 0))) return null;
  return avec(lignes, (l) => {
    const semaine: { jour: Jour; cases: readonly CaseJour[] }[] = [];
    for (let i = 0; i < 7; i++) {
      const jour = ajouterJours(lundi, i);
      const cases = l.brouillon.annee.get(jour);
      if (cases) semaine.push({ jour, cases });
    }
    return copierSemainePrecedente(l.brouillon, semaine);
  });
}

/** A draft read back from the browser's storage: only the changes that still mean something on these days. */
export function restaurer(lignes: readonly Ligne[], garde: unknown): { lignes: Ligne[]; nombre: number } {
  let nombre = 0;
  const stockees = (garde && typeof garde === "object" ? garde : {}) as Record<string, Record<string, unknown>>;
  const resultat = avec(lignes, (l) => {
    const m: Record<string, boolean> = {};
    for (const [cle, valeur] of Object.entries(stockees[l.inscriptionId] ?? {})) {
      const [jour, unite] = cle.split("|");
      const c = l.brouillon.annee.get(jour ?? "")?.find((x) => x.uniteId === Number(unite));
      if (typeof valeur !== "boolean" || !c?.modifiable) continue;
      if (valeur === reserveAuDepart(l.brouillon, jour!, c.uniteId)) continue;
      m[cle] = valeur;
      nombre += 1;
    }
    return m;
  });
  return { lignes: resultat, nombre };
}

/** The family save's answer: one sentence per child, and each refused day with its reason. */
export function resumeFamille(bilan: BilanFamille) {
  const parties: string[] = [];
  const errors: Record<string, string> = {};
  const parEnfant = new Map<string, { reservees: number; attente: number; annulees: number }>();
  for (const { inscriptionId, prenom, activite, bilan: b } of bilan.inscriptions) {
    const compte = parEnfant.get(prenom) ?? { reservees: 0, attente: 0, annulees: 0 };
    compte.reservees += b.reservees.length;
    compte.attente += b.enAttente.length + b.aValider.length + b.demandees.length;
    compte.annulees += b.annulees.length;
    parEnfant.set(prenom, compte);
    for (const r of b.refus)
      errors[`${inscriptionId}|${r.date}|${r.uniteId}`] =
        `${prenom}, ${jourEnClair(r.date)}, ${activite} : ${r.raison}`;
  }
  for (const [prenom, c] of parEnfant) {
    const faits = [
      c.reservees > 0 && `${pluriel(c.reservees, "jour")} réservé${c.reservees > 1 ? "s" : ""}`,
      c.attente > 0 && `${pluriel(c.attente, "jour")} en attente`,
      c.annulees > 0 && `${pluriel(c.annulees, "jour")} annulé${c.annulees > 1 ? "s" : ""}`,
    ].filter(Boolean);
    if (faits.length > 0) parties.push(`${prenom} : ${faits.join(", ")}`);
  }
  const refus = Object.keys(errors).length;
  const message =
    (parties.length > 0
      ? `Réservations enregistrées pour la famille. ${parties.join(" ; ")}. Un récapitulatif vous est envoyé par courriel.`
      : "Aucun changement enregistré.") +
    (refus > 0 ? ` ${pluriel(refus, "jour")} refusé${refus > 1 ? "s" : ""} :` : "");
  return { ok: refus === 0, message, errors, values: {} };
}
