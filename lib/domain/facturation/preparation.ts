// What a month's invoicing bills, computed one way for the simulation (simulation.ts) and the emission
// (executer.ts, lot.ts): the families still to bill, each family's lines (the month's days priced, then the
// régularisations of the months invoiced before), the QF its invoice shows and who it goes to. The simulation
// announces exactly what the emission then writes because both read it here.
import "server-only";
import { db } from "@/lib/db";
import {
  calculateurPrix,
  lignesDeFamille,
  quotientAffiche,
  type Ligne,
  type Referentiel,
} from "@/lib/domain/facturation/calcul";
import { joursDuMois, referentiel, type LigneJours } from "@/lib/domain/facturation/facturer";
import { representantsDe } from "@/lib/domain/facturation/lot";
import { finDuMois } from "@/lib/temps/periode";
import { regularisationsDe } from "@/lib/domain/facturation/regularisation";
import { jourDeDate, type Jour } from "@/lib/temps/jours";

export type Preparation = {
  debut: Jour;
  fin: Jour;
  ref: Referentiel;
  prix: ReturnType<typeof calculateurPrix>;
  /** the month's billed days per family (an empty list: carried months or régularisations only) */
  parFamille: Map<string, LigneJours[]>;
  regularisations: Map<string, Ligne[]>;
  /** the families still to bill, in order (those already billed or carried for the month left out) */
  familles: string[];
};

/** The month's families still to bill, and what is needed to bill them. */
export async function preparerMois(mois: Date): Promise<Preparation> {
  const debut = jourDeDate(mois);
  const fin = finDuMois(debut);
  const [reportees, factureesAvant, faites] = await Promise.all([
    // families with carried months to bill, even with nothing booked this month
    db().reportFacturation.findMany({
      where: { factureId: null, mois: { lt: mois } },
      select: { familleId: true },
      distinct: ["familleId"],
    }),
    // a family invoiced before may owe (or be owed) a régularisation with nothing booked this month, and so may
    // one never invoiced whose day an agent booked (or pointed) after its month's run: any enrolled household
    db().$queryRaw<{ familleId: string }[]>`
      SELECT DISTINCT "familleId" FROM "Facture" WHERE "periodeDebut" < ${mois}
      UNION SELECT DISTINCT "familleId" FROM "Inscription"`,
    // a family already billed (or carried) for the month counts as done at once: on a resumption, those of the
    // chunks committed before; facturerLot checks again under the lock, for a run going on at the same time
    db().$queryRaw<{ familleId: string }[]>`
      SELECT "familleId" FROM "Facture" WHERE "periodeDebut" = ${mois}
      UNION SELECT "familleId" FROM "ReportFacturation" WHERE mois = ${mois}`,
  ]);
  const dejaFaites = new Set(faites.map((f) => f.familleId));
  const candidates = [...new Set([...reportees, ...factureesAvant].map((f) => f.familleId))]
    .filter((f) => !dejaFaites.has(f))
    .sort();
  // the candidates are known before the month's days are counted: both are read at once
  const [jours, regularisations] = await Promise.all([joursDuMois(debut, fin), regularisationsDe(candidates, debut)]);
  const parFamille = new Map<string, LigneJours[]>();
  for (const j of jours) {
    const liste = parFamille.get(j.familleId);
    if (liste) liste.push(j);
    else parFamille.set(j.familleId, [j]);
  }
  for (const r of reportees) if (!parFamille.has(r.familleId)) parFamille.set(r.familleId, []);
  const ref = await referentiel(jours);
  for (const [familleId, lignes] of regularisations)
    if (lignes.length > 0 && !parFamille.has(familleId)) parFamille.set(familleId, []);
  const familles = [...parFamille.keys()].filter((f) => !dejaFaites.has(f)).sort();
  return { debut, fin, ref, prix: calculateurPrix(ref.tarifs), parFamille, regularisations, familles };
}

/** A chunk of families: their lines (the month's days, then the régularisations), QF and representants. */
export async function preparerLot(preparation: Preparation, lot: string[]) {
  const { parFamille, ref, prix, regularisations } = preparation;
  const enfantIds = [...new Set(lot.flatMap((f) => parFamille.get(f)!.map((j) => j.enfantId)))];
  const [enfants, representants] = await Promise.all([
    db().$queryRaw<{ id: string; prenoms: string; nom: string }[]>`
      SELECT id, prenoms, nom FROM "Enfant" WHERE id = ANY(${enfantIds}::text[])`,
    representantsDe(lot),
  ]);
  for (const e of enfants) ref.enfants.set(e.id, `${e.prenoms} ${e.nom.toUpperCase()}`);
  const lignes = new Map(
    lot.map((f) => [f, [...lignesDeFamille(parFamille.get(f)!, ref, prix), ...(regularisations.get(f) ?? [])]]),
  );
  const quotients = new Map(lot.map((f) => [f, quotientAffiche(parFamille.get(f)!)]));
  return { lignes, quotients, representants };
}
