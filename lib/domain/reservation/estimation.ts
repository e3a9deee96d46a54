// What the ticked days will cost, as the month's invoice will charge them. PURE: no server import, no
// Decimal.js (it runs in the browser too). The invoice (lib/domain/facturation/calcul.ts) prices a line per
// child × unit × month as quantity × the unit price rounded once to the cent (half away from zero,
// lib/argent/argent.ts): the estimate rounds the same exact price the same way, with integer arithmetic, so a
// month's estimate is the month's invoice for the same days. A week is its days × that same rounded price.
//
// Majoration: the billing adds the tariff's supplement only to days in a "majoré" state (absence injustifiée,
// présent sans réservation: transitions.ts etatsMajores), which a booking never makes, so the estimate of booked
// days leaves it out.
import type { Jour } from "@/lib/temps/jours-calcul";

export type Bareme = {
  enfantId: string;
  uniteId: number;
  /** the month's first day, "2026-12-01" */
  mois: Jour;
  /** the billing module's exact unit price in euros as a decimal string, e.g. "2.853" */
  prix: string;
};
export type Estimation = {
  /** centimes per child for the given days, per month (key "2026-12") and per ISO week (key: that week's Monday) */
  parEnfant: Record<string, { mois: Record<string, number>; semaines: Record<string, number>; repasEtPlaces: number }>;
  famille: { mois: Record<string, number>; semaines: Record<string, number> };
};

const PRIX = /^(\d+)(?:\.(\d+))?$/;

/** "2.853" euros → 285 cents: the exact price in cents rounded once, half away from zero, without floats. */
export function centimesDuPrix(prix: string): number {
  const m = PRIX.exec(prix.trim());
  if (!m) throw new Error(`prix invalide : ${prix}`);
  const decimales = m[2] ?? "";
  // cents with the sub-cent digits kept: euros × 10^(2 + n) / 10^n
  const echelle = 10n ** BigInt(Math.max(decimales.length - 2, 0));
  const valeur = BigInt(m[1]! + decimales.padEnd(2, "0"));
  const centimes = valeur / echelle;
  const reste = valeur % echelle;
  return Number(reste * 2n >= echelle && echelle > 1n ? centimes + 1n : centimes);
}

/** The Monday of a day's ISO week, "2026-12-07". */
export function lundiDe(jour: Jour): Jour {
  const [a, m, j] = jour.split("-").map(Number);
  const utc = Date.UTC(a!, m! - 1, j!);
  const decalage = (new Date(utc).getUTCDay() + 6) % 7;
  return new Date(utc - decalage * 86_400_000).toISOString().slice(0, 10);
}

const ajouter = (totaux: Record<string, number>, cle: string, centimes: number) => {
  totaux[cle] = (totaux[cle] ?? 0) + centimes;
};

/**
 * Rounded exactly as an invoice's line: per child × unit × month, quantity × the unit price rounded once (same
 * rounding rule as lib/argent). A week total is the sum of its days at that same price. A day without a price
 * (no tariff for that unit and month) counts in repasEtPlaces but adds nothing.
 */
export function estimer(
  baremes: readonly Bareme[],
  jours: readonly { enfantId: string; uniteId: number; date: Jour }[],
): Estimation {
  const prix = new Map(baremes.map((b) => [`${b.enfantId}|${b.uniteId}|${b.mois.slice(0, 7)}`, b.prix]));
  const unitaires = new Map<string, number>();
  const estimation: Estimation = { parEnfant: {}, famille: { mois: {}, semaines: {} } };
  const vus = new Set<string>();
  for (const j of jours) {
    const cleJour = `${j.enfantId}|${j.uniteId}|${j.date}`;
    if (vus.has(cleJour)) continue;
    vus.add(cleJour);
    const mois = j.date.slice(0, 7);
    const cle = `${j.enfantId}|${j.uniteId}|${mois}`;
    let unitaire = unitaires.get(cle);
    if (unitaire === undefined) {
      const texte = prix.get(cle);
      unitaire = texte === undefined ? 0 : centimesDuPrix(texte);
      unitaires.set(cle, unitaire);
    }
    const enfant = (estimation.parEnfant[j.enfantId] ??= { mois: {}, semaines: {}, repasEtPlaces: 0 });
    const semaine = lundiDe(j.date);
    enfant.repasEtPlaces += 1;
    ajouter(enfant.mois, mois, unitaire);
    ajouter(enfant.semaines, semaine, unitaire);
    ajouter(estimation.famille.mois, mois, unitaire);
    ajouter(estimation.famille.semaines, semaine, unitaire);
  }
  return estimation;
}
