// The demo's booking window (issue 28): the public school's canteen (Menu Classique, 120 places a day) from
// March to early July 2027, its requests collected from the 1st of December 2026 at 8:30 to the 15th of
// February 2027 at 18:00, by siblings, working parents and residents, then a draw. Claire's children (Louise and
// Henri) are enrolled there: their calendars show the banner, the console lists the window. Created once, by
// the console's own command; the days it covers carry the unit's capacity, as a generation would copy it.
import { db } from "@/lib/db";
import { creerFenetre } from "@/lib/domain/fenetre/creer";
import { instantParis } from "@/lib/temps/jours";

export const FENETRE_DEMO = {
  libelle: "Cantine du printemps 2027",
  debut: "2027-03-01",
  fin: "2027-07-02",
  capacite: 120,
} as const;

export async function seedFenetreDemo(agentId: string): Promise<void> {
  if (await db().fenetreReservation.findFirst({ where: { libelle: FENETRE_DEMO.libelle } })) return;
  const activite = await db().activite.findUniqueOrThrow({
    where: { code: "RESTAURATION_PUBLIQUE" },
    include: { unites: { orderBy: { ordre: "asc" }, take: 1 } },
  });
  const unite = activite.unites[0]!;
  await db().unite.update({ where: { id: unite.id }, data: { capacite: FENETRE_DEMO.capacite } });
  await db().jourOuverture.updateMany({
    where: {
      uniteId: unite.id,
      date: { gte: new Date(`${FENETRE_DEMO.debut}T00:00:00Z`), lte: new Date(`${FENETRE_DEMO.fin}T00:00:00Z`) },
    },
    data: { capacite: FENETRE_DEMO.capacite },
  });
  await creerFenetre({
    agentId,
    libelle: FENETRE_DEMO.libelle,
    activiteId: activite.id,
    uniteIds: [unite.id],
    debut: FENETRE_DEMO.debut,
    fin: FENETRE_DEMO.fin,
    ouverture: instantParis("2026-12-01", "08:30"),
    fermeture: instantParis("2027-02-15", "18:00"),
    delaiOffreHeures: 48,
    points: { FRATRIE: 30, PARENTS_TRAVAILLENT: 20, RESIDENT_COMMUNE: 10 },
    now: new Date(),
  });
}
