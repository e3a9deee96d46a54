// « Places proposées » of a family (app/(portail)/famille/reservations/propositions): the places offered to it
// from a booking window's waiting list, with their deadline, and the result of each window it asked, with the
// reason in words. Scoped by the caller: only the families the usager represents.
import { db } from "@/lib/db";
import { jourDeDate, jourEnClair } from "@/lib/temps/jours";
import { formatParis } from "@/lib/temps/dates";
import { raisonEnClair } from "@/lib/domain/fenetre/resultats";

export type Proposition = { id: string; enfant: string; unite: string; jour: string; echeance: string };
export type ResultatFenetre = {
  cle: string;
  fenetre: string;
  enfant: string;
  unite: string;
  joursDemandes: number;
  joursAttribues: number;
  joursEnAttente: number;
  rang: number;
  raison: string;
};

export async function propositionsDeLaFamille(usagerId: string): Promise<{
  propositions: Proposition[];
  resultats: ResultatFenetre[];
}> {
  const familles = (await db().representant.findMany({ where: { usagerId }, select: { familleId: true } })).map(
    (r) => r.familleId,
  );
  const [offres, classements] = await Promise.all([
    db().reservation.findMany({
      where: { familleId: { in: familles }, statut: "PROPOSEE" },
      orderBy: [{ offreExpireLe: "asc" }, { date: "asc" }, { id: "asc" }],
      select: {
        id: true,
        date: true,
        offreExpireLe: true,
        enfant: { select: { prenoms: true } },
        unite: { select: { libelle: true } },
      },
    }),
    db().classementFenetre.findMany({
      where: { familleId: { in: familles }, fenetre: { statut: "ATTRIBUEE" } },
      orderBy: [{ fenetre: { attribueeLe: "desc" } }, { id: "asc" }],
      take: 50,
      include: {
        fenetre: { select: { libelle: true, graine: true, criteres: { select: { critere: true, points: true } } } },
        unite: { select: { libelle: true } },
      },
    }),
  ]);
  const enfants = await db().enfant.findMany({
    where: { id: { in: [...new Set(classements.map((c) => c.enfantId))] } },
    select: { id: true, prenoms: true },
  });
  const prenom = new Map(enfants.map((e) => [e.id, e.prenoms]));
  return {
    propositions: offres.map((o) => {
      const jour = jourDeDate(o.date);
      return {
        id: o.id,
        enfant: o.enfant.prenoms,
        unite: o.unite.libelle,
        jour: `${jourEnClair(jour)} ${jour.slice(0, 4)}`,
        echeance: o.offreExpireLe ? formatParis(o.offreExpireLe, "EEEE d MMMM 'à' HH:mm") : "",
      };
    }),
    resultats: classements.map((c) => ({
      cle: String(c.id),
      fenetre: c.fenetre.libelle,
      enfant: prenom.get(c.enfantId) ?? "",
      unite: c.unite.libelle,
      joursDemandes: c.joursDemandes,
      joursAttribues: c.joursAttribues,
      joursEnAttente: c.joursEnAttente,
      rang: c.rang,
      raison: raisonEnClair(c.criteres, c.fenetre.criteres, c.fenetre.graine),
    })),
  };
}
