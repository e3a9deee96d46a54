// A family of two children (Léa and Hugo), both accepted at the canteen and the garderie, for the agenda's tests
// (agenda.test.ts): declared, deposited and accepted through the real démarches, days booked by the parent's own
// command in August (before every cutoff).
import { db } from "@/lib/db";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { inscrire } from "@/prisma/demo-reservations";
import { agent, declarerFamille, ENFANT, usagerActive } from "./demande-fixtures";
import { AOUT, type Activites } from "./absence-fixtures";
import { jourDeDate, type Jour } from "@/lib/temps/jours";

export async function familleDeDeux(nom: string, act: Activites) {
  const usager = await usagerActive(nom);
  const instructeur = await agent();
  const demandeId = await declarerFamille(usager, [
    { ...ENFANT, nom, prenoms: "Léa", sexe: "FEMININ", dateNaissance: "2018-03-02" },
    { ...ENFANT, nom, prenoms: "Hugo", dateNaissance: "2020-06-15" },
  ]);
  await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });
  await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter" });
  const liens = await db().familleEnfant.findMany({
    where: { famille: { representants: { some: { usagerId: usager.id } } } },
    include: { enfant: true },
    orderBy: { enfant: { dateNaissance: "asc" } },
  });
  const enfants = [];
  for (const { enfantId, enfant } of liens) {
    const cantine = await inscrire({ usagerId: usager.id, enfantId, activiteId: act.cantine.id, agent: instructeur });
    const garderie = await inscrire({ usagerId: usager.id, enfantId, activiteId: act.garderie.id, agent: instructeur });
    enfants.push({ enfantId, prenom: enfant.prenoms, cantine, garderie });
  }
  const [lea, hugo] = enfants as [(typeof enfants)[0], (typeof enfants)[0]];
  return { usager, familleId: liens[0]!.familleId, lea, hugo };
}

/** The parent books (or cancels) a unit on the opening days from `du` to `au`; returns the days. */
export async function reserverJours(
  usagerId: string,
  inscriptionId: string,
  uniteId: number,
  du: Jour,
  au: Jour,
  reserver = true,
): Promise<Jour[]> {
  const jours = await db().jourOuverture.findMany({
    where: { uniteId, date: { gte: new Date(`${du}T00:00:00Z`), lte: new Date(`${au}T00:00:00Z`) } },
    select: { date: true },
    distinct: ["date"],
    orderBy: { date: "asc" },
  });
  const dates = jours.map((j) => jourDeDate(j.date));
  const bilan = await enregistrerReservations({
    usagerId,
    inscriptionId,
    changements: dates.map((date) => ({ date, uniteId, reserver })),
    now: AOUT,
  });
  if (bilan.refus.length > 0) throw new Error(`réservation refusée : ${JSON.stringify(bilan.refus)}`);
  return dates;
}
