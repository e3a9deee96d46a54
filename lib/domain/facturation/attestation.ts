// Attestation fiscale (frais de garde) of a household for a calendar year: what it paid that year for the
// garderie of its children under six on 1 January, never meals. A payment allocated to an invoice pays each of
// its lines in proportion; the garderie share of each eligible child is rounded once per allocation.
import "server-only";
import { db } from "@/lib/db";
import { arrondirCentimes, Decimal } from "@/lib/argent/argent";
import { dateDeJour, jourParis } from "@/lib/temps/jours";

/** The year is not over in Paris: payments may still come, so the attestation says it is « provisoire ». */
export const attestationProvisoire = (annee: number, now: Date) => annee >= Number(jourParis(now).slice(0, 4));

export async function attestationFiscale(familleId: string, annee: number) {
  const famille = await db().famille.findUnique({
    where: { id: familleId },
    include: { representants: { include: { adresse: true } } },
  });
  if (!famille) return null;
  // under six on 1 January: born after 1 January six years earlier
  const neApres = dateDeJour(`${annee - 6}-01-01`);
  const affectations = await db().affectationPaiement.findMany({
    where: {
      paiement: { familleId, date: { gte: dateDeJour(`${annee}-01-01`), lte: dateDeJour(`${annee}-12-31`) } },
      facture: { familleId, avoir: null },
    },
    include: {
      facture: {
        select: {
          totalCentimes: true,
          lignes: {
            where: { activite: { type: "GARDERIE" }, enfant: { dateNaissance: { gt: neApres } } },
            select: { enfantId: true, montantCentimes: true },
          },
        },
      },
    },
  });
  const parEnfant = new Map<string, number>();
  for (const a of affectations) {
    if (a.facture.totalCentimes <= 0) continue;
    const garde = new Map<string, number>();
    for (const l of a.facture.lignes) garde.set(l.enfantId, (garde.get(l.enfantId) ?? 0) + l.montantCentimes);
    for (const [enfantId, montant] of garde) {
      const part = arrondirCentimes(new Decimal(a.montantCentimes).times(montant).dividedBy(a.facture.totalCentimes));
      parEnfant.set(enfantId, (parEnfant.get(enfantId) ?? 0) + part);
    }
  }
  const enfants = await db().enfant.findMany({
    where: { id: { in: [...parEnfant.keys()] } },
    orderBy: { dateNaissance: "asc" },
  });
  const titulaire = famille.representants.find((r) => r.role === "TITULAIRE") ?? famille.representants[0];
  const a = titulaire?.adresse;
  return {
    cleEnfance: famille.cleEnfance,
    destinataire: titulaire ? `${titulaire.prenom} ${titulaire.nomUsage.toUpperCase()}` : "",
    adresse: a ? [[a.numero, a.voie].filter(Boolean).join(" "), `${a.codePostal} ${a.ville}`].join("\n") : "",
    enfants: enfants.map((e) => ({
      id: e.id,
      nom: `${e.prenoms} ${e.nom.toUpperCase()}`,
      dateNaissance: e.dateNaissance,
      montantCentimes: parEnfant.get(e.id)!,
    })),
    totalCentimes: [...parEnfant.values()].reduce((s, m) => s + m, 0),
  };
}
