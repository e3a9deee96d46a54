// The month's invoicing simulated, read-only: what « Émettre les factures » would write, computed by the same
// code (preparation.ts for the lines, lot.ts's repartir for invoice or carry), so the counts an agent confirms
// are the emission's; and what deserves a look before anything is sent (the anomalies). The emission's command
// (lancer.ts) runs it again and refuses when its counts changed since the agent read them.
import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { euros } from "@/lib/argent/argent";
import { totalDesLignes, type Ligne } from "@/lib/domain/facturation/calcul";
import { repartir, type Representant } from "@/lib/domain/facturation/lot";
import { parametresFacturation } from "@/lib/domain/facturation/parametres";
import { preparerLot, preparerMois } from "@/lib/domain/facturation/preparation";
import { moisTermine } from "@/lib/domain/facturation/terme-echu";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

export const ANOMALIES = {
  SANS_QF: "Sans quotient familial",
  SANS_COURRIEL: "Représentant sans courriel",
  SANS_FACTURE: "Jours facturables sans facture",
  AU_DESSUS_SEUIL: "Total au-dessus du seuil d'alerte",
} as const;
export type TypeAnomalie = keyof typeof ANOMALIES;
export type Anomalie = { type: TypeAnomalie; detail: string };

export const ISSUES = {
  FACTURE: "Facture",
  REPORT: "Reportée",
  AVOIR: "Avoir de régularisation",
  AUCUNE: "Aucune facture",
} as const;

export type FamilleSimulee = {
  familleId: string;
  cleEnfance: string;
  destinataire: string;
  issue: keyof typeof ISSUES;
  /** the month's billed days (régularisations and carried months aside) */
  jours: number;
  /**
   * the invoice's lines as they would be written (carried months first); the month's when it is carried; the
   * avoir's when the régularisations outweigh the month (its days then carried)
   */
  lignes: Ligne[];
  totalCentimes: number;
  anomalies: Anomalie[];
};

export type Simulation = {
  mois: Jour;
  familles: FamilleSimulee[];
  factures: number;
  totalCentimes: number;
  reportees: number;
  /** avoirs de régularisation (a family's credits above what it owes), their total negative */
  avoirs: number;
  avoirsCentimes: number;
  anomalies: Record<TypeAnomalie, number>;
  seuilAlerteCentimes: number;
};

const nom = (r: Pick<Representant, "prenom" | "nomUsage">) => `${r.prenom} ${r.nomUsage.toUpperCase()}`;

/** The simulation of a month that is over (refused otherwise, as the emission is). */
export async function simulerFacturation({ mois, now }: { mois: string; now: Date }): Promise<Simulation> {
  const debut = moisTermine(mois, now);
  const preparation = await preparerMois(dateDeJour(debut));
  const parametres = await parametresFacturation();
  const lignes = new Map<string, Ligne[]>();
  const representants: Representant[] = [];
  // the emission's chunks, so the queries are the emission's too
  for (let i = 0; i < preparation.familles.length; i += config.facturationTailleLot) {
    const lot = await preparerLot(preparation, preparation.familles.slice(i, i + config.facturationTailleLot));
    for (const [f, l] of lot.lignes) lignes.set(f, l);
    representants.push(...lot.representants);
  }
  const [aReprendre, cles] = await Promise.all([
    db().reportFacturation.findMany({
      where: { familleId: { in: preparation.familles }, factureId: null, mois: { lt: dateDeJour(debut) } },
      orderBy: { mois: "asc" },
      select: { id: true, familleId: true, lignes: true },
    }),
    db().famille.findMany({ where: { id: { in: preparation.familles } }, select: { id: true, cleEnfance: true } }),
  ]);
  const { nouvelles, reports, avoirs } = repartir({
    familles: preparation.familles,
    lignes,
    aReprendre,
    seuil: parametres.seuilReportCentimes,
  });
  const factures = new Map(nouvelles.map((n) => [n.familleId, n.lignes]));
  const reportees = new Map(reports.map((r) => [r.familleId, r.lignes]));
  const credits = new Map(avoirs.map((a) => [a.familleId, a.lignes]));
  const cleDe = new Map(cles.map((c) => [c.id, c.cleEnfance]));
  const parFamille = new Map<string, Representant[]>();
  for (const r of representants) parFamille.set(r.familleId, [...(parFamille.get(r.familleId) ?? []), r]);
  const familles: FamilleSimulee[] = [];
  for (const familleId of preparation.familles) {
    const jours = preparation.parFamille.get(familleId)!;
    const issue = factures.has(familleId)
      ? "FACTURE"
      : credits.has(familleId)
        ? "AVOIR"
        : reportees.has(familleId)
          ? "REPORT"
          : "AUCUNE";
    const siennes =
      factures.get(familleId) ?? credits.get(familleId) ?? reportees.get(familleId) ?? lignes.get(familleId)!;
    if (siennes.length === 0) continue;
    const siens = parFamille.get(familleId) ?? [];
    const titulaire = siens.find((r) => r.role === "TITULAIRE") ?? siens[0];
    const famille: FamilleSimulee = {
      familleId,
      cleEnfance: cleDe.get(familleId) ?? "",
      destinataire: titulaire ? nom(titulaire) : "",
      issue,
      jours: jours.reduce((s, j) => s + j.quantite, 0),
      lignes: siennes,
      totalCentimes: totalDesLignes(siennes),
      anomalies: [],
    };
    famille.anomalies = anomaliesDe(famille, {
      sansQf: jours.some((j) => j.quotient === null),
      sansCourriel: siens.filter((r) => r.courriel === null).map(nom),
      seuilReport: parametres.seuilReportCentimes,
      seuilAlerte: parametres.seuilAlerteCentimes,
    });
    familles.push(famille);
  }
  const anomalies = Object.fromEntries(
    Object.keys(ANOMALIES).map((t) => [t, familles.filter((f) => f.anomalies.some((a) => a.type === t)).length]),
  ) as Record<TypeAnomalie, number>;
  return {
    mois: debut,
    familles,
    factures: nouvelles.length,
    totalCentimes: nouvelles.reduce((s, n) => s + totalDesLignes(n.lignes), 0),
    reportees: reports.length,
    avoirs: avoirs.length,
    avoirsCentimes: avoirs.reduce((s, a) => s + totalDesLignes(a.lignes), 0),
    anomalies,
    seuilAlerteCentimes: parametres.seuilAlerteCentimes,
  };
}

function anomaliesDe(
  famille: FamilleSimulee,
  o: { sansQf: boolean; sansCourriel: string[]; seuilReport: number; seuilAlerte: number },
): Anomalie[] {
  const anomalies: Anomalie[] = [];
  if (o.sansQf && famille.jours > 0)
    anomalies.push({ type: "SANS_QF", detail: "Aucun quotient familial : facturé à la tranche la plus haute." });
  if (famille.issue === "FACTURE" && o.sansCourriel.length > 0)
    anomalies.push({
      type: "SANS_COURRIEL",
      detail: `Sans courriel, aucun envoi possible : ${o.sansCourriel.join(", ")}.`,
    });
  if (famille.jours > 0 && famille.issue !== "FACTURE")
    anomalies.push({
      type: "SANS_FACTURE",
      detail:
        famille.issue === "AVOIR"
          ? "Les régularisations dépassent le mois : avoir de régularisation, jours du mois reportés."
          : famille.totalCentimes === 0
            ? "Total nul : aucune facture."
            : `Sous le seuil de ${euros(o.seuilReport)} : reporté sur la prochaine facture.`,
    });
  if (famille.issue === "FACTURE" && famille.totalCentimes > o.seuilAlerte)
    anomalies.push({ type: "AU_DESSUS_SEUIL", detail: `Au-dessus de ${euros(o.seuilAlerte)}.` });
  return anomalies;
}
