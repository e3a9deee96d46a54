// A tariff's rules, pure: the unit price for a QF (fixed, QF brackets, taux d'effort clamped) and the validation
// of what an administrator types (brackets half-open [min, max), contiguous from 0, the last one open-ended).
import { arrondirCentimes, Decimal, lireEuros } from "@/lib/argent/argent";
import type { ModeTarif } from "@/lib/generated/prisma/enums";

export type Tranche = { qfMin: number; qfMax: number | null; prixCentimes: Decimal };
export type TarifCalcul = {
  mode: ModeTarif;
  prixCentimes: Decimal | null;
  tauxEffort: Decimal | null;
  minCentimes: Decimal | null;
  maxCentimes: Decimal | null;
  tranches: Tranche[];
};

/** The bracket a QF falls in; without a QF, the highest one (the family did not give it). */
export function trancheDe(tranches: Tranche[], qf: number | null): Tranche {
  const triees = [...tranches].sort((a, b) => a.qfMin - b.qfMin);
  if (triees.length === 0) throw new Error("tarif sans tranche");
  if (qf === null) return triees.at(-1)!;
  return triees.find((t) => qf >= t.qfMin && (t.qfMax === null || qf < t.qfMax)) ?? triees.at(-1)!;
}

/** The price of one unit for this QF, before rounding (cents, sub-cent precision). */
export function prixExact(tarif: TarifCalcul, qf: number | null): Decimal {
  switch (tarif.mode) {
    case "FIXE":
      return new Decimal(tarif.prixCentimes!);
    case "TRANCHES":
      return new Decimal(trancheDe(tarif.tranches, qf).prixCentimes);
    case "TAUX_EFFORT": {
      const min = new Decimal(tarif.minCentimes!);
      const max = new Decimal(tarif.maxCentimes!);
      if (qf === null) return max;
      // taux in percent of the QF (in euros): cents = QF × taux
      const brut = new Decimal(tarif.tauxEffort!).times(qf);
      return Decimal.min(max, Decimal.max(min, brut));
    }
  }
}

/** The billed unit's price in whole cents: rounded once, here. */
export const prixUnitaireCentimes = (tarif: TarifCalcul, qf: number | null): number =>
  arrondirCentimes(prixExact(tarif, qf));

// ——— What the administrator types ———

/** How many bracket rows the form offers. */
export const LIGNES_TRANCHES = 6;

export type SaisieTarif = Record<string, string | undefined>;
export type TarifValide = Omit<TarifCalcul, "mode"> & { mode: ModeTarif; majorationCentimes: Decimal | null };

const entier = (texte: string | undefined): number | null | "invalide" => {
  const t = (texte ?? "").trim().replace(/\s/g, "");
  if (t === "") return null;
  return /^\d{1,6}$/.test(t) ? Number(t) : "invalide";
};

/**
 * Checks a tariff as typed (prices in euros with up to 4 decimals, the taux d'effort in percent of the QF) and
 * says what is wrong beside each field, in French. Bracket rows: `qfMin0`, `qfMax0`, `prix0` … (empty rows are
 * ignored; an empty upper bound means "et plus").
 */
export function validerTarif(
  saisie: SaisieTarif,
): { ok: true; tarif: TarifValide } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const mode = saisie.mode as ModeTarif;
  const prix = (champ: string, requis: boolean): Decimal | null => {
    const texte = (saisie[champ] ?? "").trim();
    if (texte === "") {
      if (requis) errors[champ] = "Indiquez un montant en euros.";
      return null;
    }
    const valeur = lireEuros(texte);
    if (!valeur) errors[champ] = "Indiquez un montant en euros, par exemple 3,15.";
    return valeur;
  };
  const majorationCentimes = prix("majoration", false);
  const vide = { prixCentimes: null, tauxEffort: null, minCentimes: null, maxCentimes: null, tranches: [] };
  let tarif: TarifValide | null = null;

  if (mode === "FIXE") {
    const p = prix("prix", true);
    if (p) tarif = { ...vide, mode, prixCentimes: p, majorationCentimes };
  } else if (mode === "TAUX_EFFORT") {
    const texte = (saisie.taux ?? "").trim().replace(",", ".");
    const taux = /^\d{1,3}(\.\d{1,6})?$/.test(texte) ? new Decimal(texte) : null;
    if (!taux || taux.isZero()) errors.taux = "Indiquez le taux d'effort en pourcentage du QF, par exemple 0,42.";
    const min = prix("min", true);
    const max = prix("max", true);
    if (min && max && min.greaterThan(max)) errors.max = "Le prix maximum doit être au moins égal au minimum.";
    if (taux && min && max && !errors.max && !errors.taux) {
      tarif = { ...vide, mode, tauxEffort: taux, minCentimes: min, maxCentimes: max, majorationCentimes };
    }
  } else if (mode === "TRANCHES") {
    const tranches: (Tranche & { ligne: number })[] = [];
    for (let i = 0; i < LIGNES_TRANCHES; i++) {
      const [texteMin, texteMax, textePrix] = [`qfMin${i}`, `qfMax${i}`, `prix${i}`].map((c) =>
        (saisie[c] ?? "").trim(),
      );
      if (!texteMin && !texteMax && !textePrix) continue;
      const qfMin = entier(texteMin);
      const qfMax = entier(texteMax);
      if (qfMin === null || qfMin === "invalide")
        errors[`qfMin${i}`] = "Indiquez le QF de début, en euros (nombre entier).";
      if (qfMax === "invalide")
        errors[`qfMax${i}`] = "Indiquez le QF de fin en euros, ou laissez vide pour « et plus ».";
      const p = prix(`prix${i}`, true);
      if (typeof qfMin === "number" && typeof qfMax === "number" && qfMax <= qfMin) {
        errors[`qfMax${i}`] = "Le QF de fin doit être supérieur au QF de début.";
      }
      if (typeof qfMin === "number" && qfMax !== "invalide" && p && !errors[`qfMax${i}`]) {
        tranches.push({ qfMin, qfMax, prixCentimes: p, ligne: i });
      }
    }
    if (Object.keys(errors).length === 0) {
      const erreurs = verifierTranches(tranches);
      Object.assign(errors, erreurs);
      if (Object.keys(erreurs).length === 0) {
        tarif = {
          ...vide,
          mode,
          tranches: tranches.map((t) => ({ qfMin: t.qfMin, qfMax: t.qfMax, prixCentimes: t.prixCentimes })),
          majorationCentimes,
        };
      }
    }
  } else {
    errors.mode = "Choisissez le mode de calcul du tarif.";
  }
  if (Object.keys(errors).length > 0 || !tarif) {
    return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { mode: "Tarif incomplet." } };
  }
  return { ok: true, tarif };
}

/**
 * Brackets half-open, from 0, contiguous (no gap, no overlap), the last one without an upper bound. `ligne`: the
 * form row a bracket came from, so each message lands beside its field.
 */
export function verifierTranches(tranches: (Tranche & { ligne?: number })[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const ligne = (t: Tranche & { ligne?: number }, i: number) => t.ligne ?? i;
  if (tranches.length === 0) return { qfMin0: "Indiquez au moins une tranche de QF." };
  const triees = tranches.map((t, i) => ({ t, l: ligne(t, i) })).sort((a, b) => a.t.qfMin - b.t.qfMin);
  if (triees[0]!.t.qfMin !== 0) errors[`qfMin${triees[0]!.l}`] = "La première tranche doit commencer à un QF de 0 €.";
  for (let i = 1; i < triees.length; i++) {
    const avant = triees[i - 1]!;
    const { t, l } = triees[i]!;
    if (avant.t.qfMax === null || avant.t.qfMax > t.qfMin) {
      errors[`qfMin${l}`] = `Cette tranche chevauche la tranche qui commence à ${avant.t.qfMin} €.`;
    } else if (avant.t.qfMax < t.qfMin) {
      errors[`qfMin${l}`] =
        `Trou entre ${avant.t.qfMax} € et ${t.qfMin} € : cette tranche doit commencer à ${avant.t.qfMax} €.`;
    }
  }
  const derniere = triees.at(-1)!;
  if (derniere.t.qfMax !== null && !errors[`qfMin${derniere.l}`]) {
    errors[`qfMax${derniere.l}`] = "Laissez vide le QF de fin de la dernière tranche (« et plus »).";
  }
  return errors;
}
