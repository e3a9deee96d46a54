// Nothing after the run is lost: a day of an invoiced month that now costs something else than what the ledger
// billed it (an absence justified later, a late pointage, an agent's booking or cancellation, a service non
// assuré, a tariff or QF correction, a cancelled invoice) becomes a régularisation line of the family's next
// invoice, one day a line, signed (what the day costs now − what it was billed). Once that invoice (or an avoir
// de régularisation, or a month carried under the threshold) holds the line, the ledger matches and the day
// comes back no more: never lost, never counted twice. Read-only: the emission and the simulation both call it.
import "server-only";
import { db } from "@/lib/db";
import { calculateurPrix, type Ligne } from "@/lib/domain/facturation/calcul";
import { referentiel } from "@/lib/domain/facturation/facturer";
import { causes, joursARegulariser, moisSansJours, type Cause } from "@/lib/domain/facturation/regularisation-registre";
import { joursEnClair, type Jour } from "@/lib/temps/jours";

const TAILLE = 1000;

/** Why a day changed after its invoice, as the family reads it on the line. */
export function motifDe(cause: Pick<Cause, "raison" | "vers" | "annulee" | "pointage"> | undefined): string {
  switch (cause?.raison) {
    case "ABSENCE":
      if (cause.vers === "ABSENCE_JUSTIFIEE") return "Absence justifiée";
      if (cause.vers === "ABSENCE_INJUSTIFIEE") return "Absence non justifiée";
      if (cause.vers === "ABSENCE_SIGNALEE") return "Absence signalée";
      return "Absence retirée";
    case "AGENT":
      return "Modification par la commune";
    case "SERVICE_NON_ASSURE":
      return cause.vers === "NON_ASSURE" ? "Service non assuré" : "Service rétabli";
    case "PARENT":
      return "Réservation modifiée";
    case "PROMOTION":
      return "Place attribuée (liste d'attente)";
    case "VALIDATION":
      return cause.vers === "RESERVEE" ? "Réservation validée" : "Réservation refusée";
    case "REPRISE":
      return "Reprise des réservations";
  }
  if (cause?.annulee) return `Facture ${cause.annulee} annulée`;
  if (cause?.pointage === "PRESENT_SANS_RESERVATION") return "Présence sans réservation";
  if (cause?.pointage) return "Pointage corrigé";
  return "Correction du tarif ou du quotient familial";
}

/**
 * The régularisation lines of these families for the months invoiced before `mois` (the first day of the month
 * being billed), per family; a family with none is absent from the map.
 */
export async function regularisationsDe(familles: string[], mois: Jour): Promise<Map<string, Ligne[]>> {
  const resultat = new Map<string, Ligne[]>();
  // two chunks at a time: PostgreSQL computes one on each of two cores while the other two connections of the
  // pool stay free for whatever else the node serves
  for (let i = 0; i < familles.length; i += 2 * TAILLE) {
    const lots = [familles.slice(i, i + TAILLE), familles.slice(i + TAILLE, i + 2 * TAILLE)].filter((l) => l.length);
    for (const parLot of await Promise.all(lots.map((lot) => regularisationsDuLot(lot, mois))))
      for (const [familleId, lignes] of parLot) resultat.set(familleId, lignes);
  }
  return resultat;
}

async function regularisationsDuLot(familles: string[], mois: Jour): Promise<Map<string, Ligne[]>> {
  const groupes = await joursARegulariser(familles, mois);
  if (groupes.length === 0) return new Map();
  const anciens = await moisSansJours(familles);
  const factures = groupes.filter((g) => g.anneeId !== null) as { uniteId: number; anneeId: number }[];
  const ref = await referentiel(factures);
  const prix = calculateurPrix(ref.tarifs);
  const ecarts: {
    familleId: string;
    enfantId: string;
    uniteId: number;
    jour: Jour;
    ecart: number;
    q: number | null;
  }[] = [];
  for (const g of groupes) {
    const du =
      g.anneeId === null || (g.simples === 0 && g.majores === 0)
        ? 0
        : g.simples * prix(g.uniteId, g.anneeId, g.quotient, false) +
          g.majores * prix(g.uniteId, g.anneeId, g.quotient, true);
    const ecart = du - g.factureCentimes;
    if (ecart === 0) continue;
    for (const jour of g.jours) {
      // a month billed before its lines kept their days: nothing to compare it with
      if (anciens.size > 0 && anciens.has(`${g.familleId}|${g.enfantId}|${g.uniteId}|${jour.slice(0, 7)}`)) continue;
      ecarts.push({ ...g, jour, ecart, q: g.quotient });
    }
  }
  if (ecarts.length === 0) return new Map();
  const [pourquoi, enfants] = await Promise.all([
    causes(ecarts),
    db().enfant.findMany({
      where: { id: { in: [...new Set(ecarts.map((e) => e.enfantId))] } },
      select: { id: true, prenoms: true, nom: true },
    }),
  ]);
  const cle = (e: { familleId: string; enfantId: string; uniteId: number; jour: Jour }) =>
    `${e.familleId}|${e.enfantId}|${e.uniteId}|${e.jour}`;
  const causeDe = new Map(pourquoi.map((c) => [cle(c), c]));
  const noms = new Map(enfants.map((e) => [e.id, `${e.prenoms} ${e.nom.toUpperCase()}`]));
  const parFamille = new Map<string, Ligne[]>();
  for (const e of ecarts) {
    const unite = ref.unites.get(e.uniteId)!;
    const motif = motifDe(causeDe.get(cle(e)));
    const ligne: Ligne = {
      enfantId: e.enfantId,
      enfantNom: noms.get(e.enfantId) ?? "",
      activiteId: unite.activiteId,
      uniteId: e.uniteId,
      libelle: `Régularisation — ${unite.libelle} : ${joursEnClair([e.jour])} ${e.jour.slice(0, 4)} — ${motif}`,
      mois: `${e.jour.slice(0, 7)}-01`,
      quantite: 1,
      prixUnitaireCentimes: e.ecart,
      montantCentimes: e.ecart,
      quotient: e.q,
      jours: [e.jour],
      regularisation: motif,
    };
    const liste = parFamille.get(e.familleId);
    if (liste) liste.push(ligne);
    else parFamille.set(e.familleId, [ligne]);
  }
  for (const lignes of parFamille.values()) {
    lignes.sort(
      (a, b) =>
        a.enfantNom.localeCompare(b.enfantNom, "fr") ||
        a.enfantId.localeCompare(b.enfantId) ||
        ref.unites.get(a.uniteId)!.activiteOrdre - ref.unites.get(b.uniteId)!.activiteOrdre ||
        ref.unites.get(a.uniteId)!.ordre - ref.unites.get(b.uniteId)!.ordre ||
        a.jours[0]!.localeCompare(b.jours[0]!),
    );
  }
  return parFamille;
}
